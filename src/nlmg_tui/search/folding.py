"""One text normalisation for documents and queries, with a map back to the original text.

Matching happens on *folded* text: compatibility-decomposed (NFKD), accents and other combining
marks removed, case-folded (``ß`` -> ``ss``, ``İ`` -> ``i``), curly quotes and dashes made
straight, zero-width characters dropped and whitespace runs collapsed to one space. The same
function runs on both sides, so "mise-en-scene" meets "mise-en-scené" and an NFD accent meets an
NFC one.

``normalize`` is the fast path used to build the index and parse queries. ``normalize_with_offsets``
produces the same string plus, for every folded character, the slice of the original it came
from, so a match found in folded text can be highlighted in the text the user reads.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Punctuation that typographers vary: folded to the ASCII form a user types.
_PUNCTUATION = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′‵ʼʻ`´", "'"),
        **dict.fromkeys("“”„‟″‶«»", '"'),
        **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
        **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),
    }
)
# The common non-ASCII characters of English reviews, replaced before the ASCII fast path.
_COMMON_REPLACEMENTS = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("—", "-"), ("–", "-"))
_TABLE_LIMIT = 65_536

# Words: runs of letters/digits; each CJK ideograph or kana is a word of its own, because those
# scripts do not put spaces between words.
CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TOKEN_PATTERN = re.compile(rf"[{CJK_RANGES}]|[^\W{CJK_RANGES}]+")


def fold_char(char: str) -> str:
    """The folded form of one character (may be empty, or several characters)."""
    folded = unicodedata.normalize("NFKD", char).casefold()
    folded = unicodedata.normalize("NFKD", folded)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded.translate(_PUNCTUATION)


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table filled on first sight of each character (bounded)."""

    def __missing__(self, codepoint: int) -> str:
        folded = fold_char(chr(codepoint))
        if len(self) < _TABLE_LIMIT:
            self[codepoint] = folded
        return folded


_FOLD = _FoldTable({cp: chr(cp).lower() for cp in range(128)})


def normalize(text: str) -> str:
    """Fold ``text`` for matching (see the module docstring)."""
    if not text.isascii():
        for before, after in _COMMON_REPLACEMENTS:
            text = text.replace(before, after)
    folded = text.lower() if text.isascii() else text.translate(_FOLD)
    return " ".join(folded.split())


_ASCII_TOKEN = re.compile(r"[a-z0-9_]+")  # the same words, found faster, in folded ASCII text


def tokenize(folded: str) -> list[str]:
    """The words of already-folded text."""
    return (_ASCII_TOKEN if folded.isascii() else TOKEN_PATTERN).findall(folded)


@dataclass(frozen=True, slots=True)
class FoldedText:
    """Folded text and, per folded character, the original slice ``[starts[i], ends[i])``."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span (non-empty, within bounds) to the original text."""
        return self.starts[start], self.ends[end - 1]


_ASCII_SPACE = str.maketrans("\t\n\r\f\v\x1c\x1d\x1e\x1f", "         ")
_run_pattern: re.Pattern[str] | None = None


def _one_to_one_run() -> re.Pattern[str]:
    """Runs that fold character for character: non-space characters folding to one non-space
    character, joined by single whitespace characters (each folds to one space)."""
    global _run_pattern
    if _run_pattern is None:
        simple = [
            # Latin-1, Latin Extended-A/B and typographic punctuation: a small class, so that
            # compiling it does not hold the GIL for long. Other characters take the slow path.
            cp for cp in (*range(0x80, 0x250), *range(0x2010, 0x2040))
            if not chr(cp).isspace() and len(folded := _FOLD[cp]) == 1 and not folded.isspace()
        ]
        ranges: list[tuple[int, int]] = []  # (first, last) code points of each run
        for cp in simple:
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
        klass = "!-~" + "".join(
            re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
            for a, b in ranges
        ) + "\u4e00-\u9fff"
        _run_pattern = re.compile(f"[{klass}]+(?:[ \\t\\n\\r\\f\\v\\x1c-\\x1f][{klass}]+)*|.",
                                  re.DOTALL)
    return _run_pattern


def normalize_with_offsets(text: str) -> FoldedText:
    """Fold ``text`` exactly as ``normalize`` does, remembering where each character came from."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pending_space: tuple[int, int] | None = None
    for match in _one_to_one_run().finditer(text):
        start, end = match.span()
        piece = match.group()
        if end - start > 1 or not piece.isspace() and len(_FOLD[ord(piece)]) == 1 \
                and not _FOLD[ord(piece)].isspace():
            if pending_space is not None and out:
                out.append(" ")
                starts.append(pending_space[0])
                ends.append(pending_space[1])
            pending_space = None
            folded = piece.lower() if piece.isascii() else piece.translate(_FOLD)
            out.append(folded if folded.isprintable() else folded.translate(_ASCII_SPACE))
            starts.extend(range(start, end))
            ends.extend(range(start + 1, end + 1))
            continue
        for char in " " if piece.isspace() else _FOLD[ord(piece)]:
            if char.isspace():
                if pending_space is None:
                    pending_space = (start, end)
                continue
            if pending_space is not None and out:
                out.append(" ")
                starts.append(pending_space[0])
                ends.append(pending_space[1])
            pending_space = None
            out.append(char)
            starts.append(start)
            ends.append(end)
    return FoldedText("".join(out), tuple(starts), tuple(ends))
