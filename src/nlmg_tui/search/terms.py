"""A query term resolved against one index: which documents may hold it, how well, and where.

Stage one works on bitsets only (``tiers``: for each quality level, the documents holding a
word of at least that quality). Stage two, for the few documents that survive, checks phrases
and literal text against the folded text and finds the spans to highlight.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from nlmg_tui.search.bitsets import Membership
from nlmg_tui.search.folding import CJK_RANGES, tokenize
from nlmg_tui.search.query import Term
from nlmg_tui.search.vocabulary import EXACT, Expansion, Vocabulary

MAX_SPANS_PER_TERM = 64
_CJK_TOKEN = re.compile(f"[{CJK_RANGES}]")
# A character that would glue onto a word (a letter or digit outside the CJK ranges, where each
# character is a word of its own). Compiled once: classes over these ranges compile slowly.
_WORD_CHAR = re.compile(rf"[^\W{CJK_RANGES}]")


@dataclass(frozen=True)
class Sequence:
    """Words in order, separated by non-word characters, starting and ending on word edges.

    ``pattern`` holds only ``re.escape``d words and separators (the user's text is never regex
    syntax); the word edges are checked by ``whole`` after each regex match.
    """

    pattern: re.Pattern[str]
    check_start: bool
    check_end: bool

    def whole(self, text: str, start: int, end: int) -> bool:
        if self.check_start and start > 0 and _WORD_CHAR.match(text, start - 1):
            return False
        return not (self.check_end and end < len(text) and _WORD_CHAR.match(text, end))

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        for match in self.pattern.finditer(text):
            if match.end() > match.start() and self.whole(text, *match.span()):
                yield match.span()

    def search(self, text: str) -> bool:
        return next(self.finditer(text), None) is not None


def sequence_pattern(words: tuple[str, ...], open_end: bool) -> Sequence:
    """The ``Sequence`` for a phrase (``open_end``: its last word may be unfinished)."""
    parts: list[str] = []
    for index, word in enumerate(words):
        if index:
            both_cjk = bool(_CJK_TOKEN.fullmatch(word) and _CJK_TOKEN.fullmatch(words[index - 1]))
            parts.append(r"\W*" if both_cjk else r"\W+")
        parts.append(re.escape(word))
    return Sequence(
        re.compile("".join(parts)),
        check_start=bool(words) and not _CJK_TOKEN.fullmatch(words[0]),
        check_end=bool(words) and not open_end and not _CJK_TOKEN.fullmatch(words[-1]),
    )


def word_spans(text: str, word: str, limit: int = MAX_SPANS_PER_TERM) -> list[tuple[int, int]]:
    """Where ``word`` occurs in folded text as a whole word."""
    found: list[tuple[int, int]] = []
    cjk = bool(_CJK_TOKEN.fullmatch(word))
    position = text.find(word)
    while position != -1 and len(found) < limit:
        end = position + len(word)
        if cjk or (
            not (position > 0 and _WORD_CHAR.match(text, position - 1))
            and not (end < len(text) and _WORD_CHAR.match(text, end))
        ):
            found.append((position, end))
        position = text.find(word, position + 1)
    return found


@dataclass
class TermMatcher:
    """One term of one query, resolved.

    ``tiers`` lists ``(quality, documents)`` best first, each set holding the documents of all
    better tiers too; an empty list means no document can match. ``lookup`` maps folded words to
    ``(quality, how)`` for highlighting; ``pattern`` / ``literal`` are checked on folded text.
    """

    term: Term
    tiers: list[tuple[int, int]]
    lookup: dict[str, tuple[int, str]] = field(default_factory=dict)
    pattern: Sequence | None = None
    literal: str | None = None
    _members: list[tuple[int, Membership]] | None = None

    @property
    def needs_check(self) -> bool:
        """Whether a candidate must be confirmed on its folded text."""
        return self.pattern is not None or self.literal is not None

    @property
    def widest(self) -> int:
        return self.tiers[-1][1] if self.tiers else 0

    def bits_at(self, level: int) -> int:
        """Documents holding this term with quality ``>= level``."""
        found = 0
        for quality, bits in self.tiers:
            if quality < level:
                break
            found = bits
        return found

    def quality_of(self, doc_id: int) -> int:
        """The best tier holding the document (0 if none). Confirm phrases separately."""
        if self._members is None:
            self._members = [(quality, Membership(bits)) for quality, bits in self.tiers]
        for quality, members in self._members:
            if doc_id in members:
                return quality
        return 0

    def confirm(self, folded: str) -> bool:
        if self.pattern is not None:
            return self.pattern.search(folded)
        if self.literal is not None:
            return self.literal in folded
        return True

    def spans(self, folded: str) -> list[tuple[int, int]]:
        """Where a phrase or literal occurs in folded text (word hits come from ``lookup``)."""
        found: list[tuple[int, int]] = []
        if self.pattern is not None:
            for span in self.pattern.finditer(folded):
                found.append(span)
                if len(found) >= MAX_SPANS_PER_TERM:
                    break
        elif self.literal:
            position = folded.find(self.literal)
            while position != -1 and len(found) < MAX_SPANS_PER_TERM:
                found.append((position, position + len(self.literal)))
                position = folded.find(self.literal, position + len(self.literal))
        return found


def resolve_term(
    term: Term,
    vocabulary: Vocabulary,
    token_bits: Callable[[int], int],
    everything: int,
) -> TermMatcher:
    """Turn a parsed term into bitset tiers over the index (``everything``: all documents)."""
    if term.kind == "word" or (term.kind == "prefix" and len(term.words) == 1):
        kind = "word" if term.kind == "word" else "prefix"
        if term.negated:
            expansions = _exact_only(vocabulary, term.words[0]) if kind == "word" else \
                vocabulary.expand("prefix", term.words[0], True)
        else:
            expansions = vocabulary.expand(kind, term.words[0], term.open_end)
        return TermMatcher(
            term,
            _tiers(expansions, token_bits),
            lookup={e.token: (e.quality, e.how) for e in expansions},
        )
    if term.kind in ("phrase", "prefix"):
        open_end = term.open_end or term.kind == "prefix"
        bits = everything
        for index, word in enumerate(term.words):
            last = index == len(term.words) - 1
            expansions = (
                vocabulary.expand("prefix", word, True) if last and open_end
                else _exact_only(vocabulary, word)
            )
            word_bits = 0
            for expansion in expansions:
                word_bits |= token_bits(expansion.token_id)
            bits &= word_bits
            if not bits:
                break
        tiers = [(EXACT, bits)] if bits else []
        return TermMatcher(term, tiers, pattern=sequence_pattern(term.words, open_end))
    # exact: literal text, possibly inside words; words that are too common constrain nothing.
    bits = everything
    for word in term.words:
        holders = vocabulary.containing(word)
        if holders is None:
            continue
        word_bits = 0
        for expansion in holders:
            word_bits |= token_bits(expansion.token_id)
        bits &= word_bits
        if not bits:
            break
    tiers = [(EXACT, bits)] if bits else []
    return TermMatcher(term, tiers, literal=term.text)


def _exact_only(vocabulary: Vocabulary, word: str) -> tuple[Expansion, ...]:
    token_id = vocabulary.ids.get(word)
    return () if token_id is None else (Expansion(token_id, word, EXACT, "exact"),)


def _tiers(expansions: tuple[Expansion, ...], token_bits: Callable[[int], int]) -> list[
    tuple[int, int]
]:
    by_quality: dict[int, int] = {}
    for expansion in expansions:
        by_quality[expansion.quality] = by_quality.get(expansion.quality, 0) | token_bits(
            expansion.token_id
        )
    tiers: list[tuple[int, int]] = []
    cumulative = 0
    for quality in sorted(by_quality, reverse=True):
        cumulative |= by_quality[quality]
        tiers.append((quality, cumulative))
    return tiers


WordTable = dict[str, list[tuple[int, int, str]]]


def word_table(matchers: list[TermMatcher]) -> WordTable:
    """Folded word -> ``(term index, quality, how)`` for every word-like term of a query."""
    table: WordTable = {}
    for index, matcher in enumerate(matchers):
        for token, (quality, how) in matcher.lookup.items():
            table.setdefault(token, []).append((index, quality, how))
    return table


def word_hits(folded: str, table: WordTable) -> list[tuple[int, int, int, int, str]]:
    """Word-term hits in folded text: ``(term index, start, end, quality, "how:word")``."""
    hits: list[tuple[int, int, int, int, str]] = []
    if not table:
        return hits
    for word in table.keys() & set(tokenize(folded)):
        spans = word_spans(folded, word)
        for index, quality, how in table[word]:
            label = f"{how}:{word}"
            hits.extend((index, start, end, quality, label) for start, end in spans)
    return hits
