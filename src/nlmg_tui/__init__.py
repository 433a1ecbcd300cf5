"""nlmg-tui: read, search, compare and keep the critical reception of *Never Let Me Go*."""

__version__ = "0.1.0"
