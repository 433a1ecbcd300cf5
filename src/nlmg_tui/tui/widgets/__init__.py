"""Reusable widgets; each keeps its own DEFAULT_CSS when it is self-contained."""
