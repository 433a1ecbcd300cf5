"""Cut a readable window of a text around its matches, keeping the highlight spans aligned."""

from __future__ import annotations

import re
from collections.abc import Sequence

Span = tuple[int, int]

SNIPPET_WIDTH = 160
ELLIPSIS = "…"
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+|\n")
_LAYOUT = str.maketrans({"\n": " ", "\t": " ", "\r": " "})


def snippet_window(text: str, focus: Span, width: int = SNIPPET_WIDTH) -> Span:
    """The part of ``text`` to show for a match at ``focus``.

    Starts at the sentence holding the match when that fits, else a little before the match at a
    word boundary; ends at a word boundary about ``width`` characters later.
    """
    if len(text) <= width:
        return 0, len(text)
    focus_start, focus_end = focus
    start = max(0, focus_start - width // 4)
    sentence_start = 0
    for match in _SENTENCE_END.finditer(text, max(0, focus_start - width), focus_start):
        sentence_start = match.end()
    if focus_start - width < sentence_start <= focus_start and focus_end - sentence_start <= width:
        start = sentence_start
    elif start > 0:
        space = text.find(" ", start, focus_start)
        start = space + 1 if space != -1 else start
    end = min(len(text), max(start + width, focus_end))
    if end < len(text):
        space = text.rfind(" ", max(focus_end, start + 1), end)
        end = space if space != -1 else end
    return start, end


def make_snippet(
    text: str, spans: Sequence[Span], focus: Span | None = None, width: int = SNIPPET_WIDTH
) -> tuple[str, tuple[Span, ...]]:
    """A one-line snippet of ``text`` around ``focus`` (default: the first span), and the spans
    that fall inside it, shifted to the snippet's coordinates."""
    if focus is None:
        focus = spans[0] if spans else (0, 0)
    start, end = snippet_window(text, focus, width)
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    body = text[start:end].translate(_LAYOUT)
    shift = len(prefix) - start
    inside = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start
    )
    return prefix + body + suffix, inside
