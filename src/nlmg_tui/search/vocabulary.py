"""The index's word list, and how a query word expands to the indexed words it may mean.

A query word is matched against *words*, not against every text: an exact word scores 100, a
completion of the word still being typed 80-95 (more the more of it is typed), a word one typo
away (rapidfuzz's OSA distance: insert, delete, substitute or swap two neighbours) 80, two typos
65. Only words sharing the first or the last letter and of a similar length are compared, which
keeps a typo lookup to a few thousand short comparisons even with a very large vocabulary.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

EXACT = 100
TYPO_QUALITY = {1: 80, 2: 65}
MAX_EXPANSIONS = 64
_CACHE_LIMIT = 4096


@dataclass(frozen=True, slots=True)
class Expansion:
    """An indexed word a query word may mean: how (``exact``, ``prefix``, ``typo``,
    ``contains``) and with what quality (0..100)."""

    token_id: int
    token: str
    quality: int
    how: str


def completion_quality(typed: str, word: str) -> int:
    """80 for a bare start, rising to 95 as more of ``word`` is typed (100 only when equal)."""
    if typed == word:
        return EXACT
    return 80 + int(15 * len(typed) / len(word)) // 5 * 5


def typo_budget(word: str) -> int:
    """How many typos a word may carry: none below 4 letters, one up to 5, two from 6."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 6 else 2


class Vocabulary:
    """Every distinct indexed word with its document frequency."""

    def __init__(self, tokens: Sequence[str], frequencies: Sequence[int]) -> None:
        # Tuples (and dicts) of strings and ints only: the garbage collector stops tracking
        # them, so a large vocabulary does not lengthen full collections.
        self.tokens = tuple(tokens)
        self.frequencies = tuple(frequencies)
        self.ids = {token: i for i, token in enumerate(self.tokens)}
        # Sorted for prefix lookups, bucket by bucket: one sort of a large vocabulary would hold
        # the GIL (and so the UI) for a noticeable time.
        buckets: dict[str, list[str]] = {}
        for token in self.tokens:
            buckets.setdefault(token[:3], []).append(token)
        sorted_tokens: list[str] = []
        for key in sorted(buckets):
            sorted_tokens.extend(sorted(buckets[key]))
        self._sorted_tokens = tuple(sorted_tokens)
        self._sorted_ids = tuple(self.ids[token] for token in sorted_tokens)
        # Typo candidates: words grouped by (first letter, length) and (last letter, length).
        by_first: dict[tuple[str, int], list[int]] = {}
        by_last: dict[tuple[str, int], list[int]] = {}
        for i, token in enumerate(self.tokens):
            by_first.setdefault((token[0], len(token)), []).append(i)
            by_last.setdefault((token[-1], len(token)), []).append(i)
        self._by_first = {key: tuple(ids) for key, ids in by_first.items()}
        self._by_last = {key: tuple(ids) for key, ids in by_last.items()}
        self._joined: str | None = None
        self._joined_starts: tuple[int, ...] = ()
        self._cache: dict[tuple[str, str, bool], tuple[Expansion, ...]] = {}
        self._contains_cache: dict[str, tuple[Expansion, ...] | None] = {}

    def __len__(self) -> int:
        return len(self.tokens)

    def expand(self, kind: str, word: str, open_end: bool) -> tuple[Expansion, ...]:
        """The words ``word`` may mean, best first, at most ``MAX_EXPANSIONS``.

        ``kind``: ``word`` (exact, typos, and completions when ``open_end``) or ``prefix``
        (exact and completions).
        """
        key = (kind, word, open_end)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        found: dict[int, Expansion] = {}
        exact_id = self.ids.get(word)
        if exact_id is not None:
            found[exact_id] = Expansion(exact_id, word, EXACT, "exact")
        if kind == "prefix" or open_end:
            for expansion in self._completions(word):
                found.setdefault(expansion.token_id, expansion)
        if kind == "word":
            budget = min(typo_budget(word), 1 if exact_id is not None else 2)
            for expansion in self._typos(word, budget):
                found.setdefault(expansion.token_id, expansion)
        best = heapq.nsmallest(
            MAX_EXPANSIONS,
            found.values(),
            key=lambda e: (-e.quality, -self.frequencies[e.token_id], e.token),
        )
        result = tuple(best)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = result
        return result

    def _completions(self, prefix: str) -> list[Expansion]:
        lo = bisect.bisect_left(self._sorted_tokens, prefix)
        hi = bisect.bisect_left(self._sorted_tokens, prefix + "\U0010ffff", lo)
        ids: Sequence[int] = self._sorted_ids[lo:hi]
        if len(ids) > MAX_EXPANSIONS:
            # A short prefix: keep the commonest completions.
            ids = heapq.nlargest(MAX_EXPANSIONS, ids, key=self.frequencies.__getitem__)
        return [
            Expansion(i, self.tokens[i], completion_quality(prefix, self.tokens[i]), "prefix")
            for i in ids
            if self.tokens[i] != prefix
        ]

    def _typos(self, word: str, budget: int) -> list[Expansion]:
        if budget <= 0:
            return []
        candidate_ids: set[int] = set()
        for length in range(len(word) - budget, len(word) + budget + 1):
            candidate_ids.update(self._by_first.get((word[0], length), ()))
            candidate_ids.update(self._by_last.get((word[-1], length), ()))
        if not candidate_ids:
            return []
        ids = list(candidate_ids)
        choices = [self.tokens[i] for i in ids]
        matches = process.extract(
            word, choices, scorer=OSA.distance, score_cutoff=budget, limit=None
        )
        return [
            Expansion(ids[index], choice, TYPO_QUALITY[distance], "typo")
            for choice, distance, index in matches
            if distance > 0
        ]

    def containing(self, fragment: str) -> tuple[Expansion, ...] | None:
        """Words holding ``fragment`` (for ``'exact``), or None when there are too many to list."""
        if fragment in self._contains_cache:
            return self._contains_cache[fragment]
        found = self._containing(fragment)
        if len(self._contains_cache) >= _CACHE_LIMIT:
            self._contains_cache.clear()
        self._contains_cache[fragment] = found
        return found

    def _containing(self, fragment: str) -> tuple[Expansion, ...] | None:
        if self._joined is None:
            token_starts: list[int] = []
            position = 0
            for token in self.tokens:
                token_starts.append(position)
                position += len(token) + 1
            self._joined_starts = tuple(token_starts)
            self._joined = "\n".join(self.tokens)
        joined, starts = self._joined, self._joined_starts
        out: list[Expansion] = []
        seen: set[int] = set()
        position = joined.find(fragment)
        while position != -1:
            token_id = bisect.bisect_right(starts, position) - 1
            if token_id not in seen:
                seen.add(token_id)
                out.append(Expansion(token_id, self.tokens[token_id], EXACT, "contains"))
                if len(out) > MAX_EXPANSIONS:
                    return None
            position = joined.find(fragment, starts[token_id] + len(self.tokens[token_id]))
        return tuple(out)
