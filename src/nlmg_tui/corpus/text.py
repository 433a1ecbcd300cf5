"""Whitespace and sentence helpers shared by the cleaning rules."""

from __future__ import annotations

import re

from nlmg_tui.textsafety import strip_unsafe

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u2060\ufeff]")
# A sentence ends at . ! ? or … (optionally followed by closing quotes/brackets) and a space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")


def normalize_line(line: str) -> str:
    """Non-breaking and odd spaces become one space; ends trimmed; Unicode punctuation kept."""
    line = _ZERO_WIDTH.sub("", strip_unsafe(line))
    return _SPACES.sub(" ", line).strip()


def words(text: str) -> list[str]:
    return text.split()


def ends_like_sentence(text: str) -> bool:
    return bool(_ENDS_SENTENCE.search(text.rstrip()))


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences; each piece is a substring of ``text``."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append(text[start : match.start() + len(match.group(0).rstrip())].strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def fold(text: str) -> str:
    """Comparison key: lower case, straight quotes, single spaces."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.casefold().split())
