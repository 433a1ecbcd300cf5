"""The search index: build it once (off the UI thread), query it on every keystroke.

Two stages. Stage one picks candidates with bitset algebra over a word index: each query word
expands to indexed words (exact, completions, typos; see ``vocabulary``), grouped into quality
tiers; documents are taken best tier first, in tie-break order, until there are enough. Stage
two scores those few: phrases and literal text are confirmed on the folded text, words far
apart cost a few points, and the spans are mapped back to the original text.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

from nlmg_tui.search.bitsets import bits_from_ids, iter_ids, range_bits
from nlmg_tui.search.documents import FIELD_GROUPS, FIELDS, Document, DocumentTable
from nlmg_tui.search.folding import normalize, normalize_with_offsets, tokenize
from nlmg_tui.search.query import Filter, ParsedQuery, Term, parse_query
from nlmg_tui.search.ranking import rank_candidates
from nlmg_tui.search.results import SearchCancelled, SearchResult
from nlmg_tui.search.terms import TermMatcher, resolve_term
from nlmg_tui.search.vocabulary import Vocabulary
from nlmg_tui.textsafety import strip_unsafe

DEFAULT_LIMIT = 50
CONFIRM_BUDGET = 20_000  # most texts checked one by one for a phrase or literal, per search
_FIELD_RANK = {name: rank for rank, name in enumerate(FIELDS)}
_BITS_CACHE_LIMIT = 4096
_CHECK_EVERY = 2048
PARTIAL_NOTE = "No text holds every word; these hold all but one."

Cancelled = Callable[[], bool]


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise SearchCancelled


class IndexParts(NamedTuple):
    """What a ``SearchIndex`` is made of (``search.index_cache`` stores these)."""

    documents: DocumentTable
    folded: Sequence[str]
    tokens: tuple[str, ...]
    frequencies: tuple[int, ...]
    postings: tuple[int | bytes, ...]
    field_ranges: dict[str, tuple[int, int]]
    review_documents: dict[str, bytes]


class SearchIndex:
    """An index over documents, fixed once built (only internal caches change); ``search`` is
    safe to call from several worker threads at once."""

    def __init__(
        self,
        documents: DocumentTable,
        folded: Sequence[str],
        vocabulary: Vocabulary,
        postings: tuple[int | bytes, ...],
        field_ranges: dict[str, tuple[int, int]],
        review_documents: dict[str, bytes],
    ) -> None:
        self.documents = documents
        self.vocabulary = vocabulary
        self._folded = folded
        self._postings = postings
        self._field_ranges = field_ranges
        self._review_documents = review_documents
        self._everything = range_bits(0, len(documents))
        self._bits_cache: dict[int, int] = {}
        self._review_bits_cache: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.documents)

    def review_ids(self) -> tuple[str, ...]:
        """The reviews the index holds documents of."""
        return tuple(self._review_documents)

    def parts(self) -> IndexParts:
        return IndexParts(self.documents, self._folded, self.vocabulary.tokens,
                          self.vocabulary.frequencies, self._postings, dict(self._field_ranges),
                          dict(self._review_documents))

    @classmethod
    def from_parts(cls, parts: IndexParts) -> SearchIndex:
        """The index ``parts()`` came from; ValueError if the parts do not fit together."""
        size = len(parts.documents)
        if not (len(parts.folded) == size and len(parts.tokens) == len(parts.frequencies)
                == len(parts.postings)):
            raise ValueError("index parts of different lengths")
        return cls(parts.documents, parts.folded, Vocabulary(parts.tokens, parts.frequencies),
                   parts.postings, parts.field_ranges, parts.review_documents)

    @classmethod
    def build(
        cls, documents: Iterable[Document], cancelled: Cancelled | None = None
    ) -> SearchIndex:
        """Index ``documents`` (text cleaned of control characters; empty texts skipped).

        Pure Python in short steps, so a thread worker running it leaves the UI responsive;
        ``cancelled`` is polled and raises ``SearchCancelled``. Pass an iterator (such as
        ``documents_from_corpus``) rather than a list you keep: the documents are then freed a
        few at a time as they are indexed, not all at once in one long pause.
        """
        by_rank = _by_rank(documents, cancelled)
        table = DocumentTable()
        folded: list[str] = []
        # Postings grow as bytearrays of little-endian uint32 ids: unlike lists or arrays they
        # are not tracked by the garbage collector, so building does not set off full
        # collections (each a pause for every thread, the UI's included).
        lists: dict[str, bytearray] = {}
        review_lists: dict[str, bytearray] = {}
        field_ranges: dict[str, tuple[int, int]] = {}
        doc_id = 0
        # Ids in tie-break order: field rank, then shorter texts first.
        for key in sorted(by_rank):
            _check(cancelled)
            bucket = by_rank.pop(key)
            for document in bucket:
                table.append(document)
                text = normalize(document.text)
                folded.append(text)
                packed = doc_id.to_bytes(4, "little")
                for token in set(tokenize(text)):
                    postings = lists.get(token)
                    if postings is None:
                        lists[token] = bytearray(packed)
                    else:
                        postings += packed
                review_lists.setdefault(document.review_id, bytearray()).extend(packed)
                start, _ = field_ranges.get(document.field, (doc_id, doc_id))
                field_ranges[document.field] = (start, doc_id + 1)
                doc_id += 1
        size = doc_id
        # Common words as bitsets (fast AND/OR), rare words as packed ids (bytes).
        dense_from = max(64, size // 128)
        postings_list: list[int | bytes] = []
        frequencies: list[int] = []
        tokens = list(lists)
        for count, token in enumerate(tokens):
            if count % _CHECK_EVERY == 0:
                _check(cancelled)
            ids = lists.pop(token)
            frequencies.append(len(ids) // 4)
            postings_list.append(bits_from_ids(_ids(ids), size) if len(ids) // 4 >= dense_from
                                 else bytes(ids))
        vocabulary = Vocabulary(tokens, frequencies)
        normalize_with_offsets("")  # compile its character table now, not on the first search
        reviews = {rid: bytes(review_lists.pop(rid)) for rid in list(review_lists)}
        # Tuples of strings, ints and bytes: untracked by the garbage collector (see DocumentTable).
        return cls(table.freeze(), tuple(folded), vocabulary, tuple(postings_list), field_ranges,
                   reviews)

    # -- sets of documents -------------------------------------------------------------------

    def token_bits(self, token_id: int) -> int:
        postings = self._postings[token_id]
        if isinstance(postings, int):
            return postings
        bits = self._bits_cache.get(token_id)
        if bits is None:
            bits = bits_from_ids(_ids(postings), len(self.documents))
            if len(self._bits_cache) >= _BITS_CACHE_LIMIT:
                self._bits_cache.clear()
            self._bits_cache[token_id] = bits
        return bits

    def field_bits(self, fields: Iterable[str]) -> int:
        bits = 0
        for name in fields:
            start, stop = self._field_ranges.get(name, (0, 0))
            bits |= range_bits(start, stop)
        return bits

    def review_bits(self, review_id: str) -> int:
        bits = self._review_bits_cache.get(review_id)
        if bits is None:
            bits = bits_from_ids(_ids(self._review_documents.get(review_id, b"")),
                                 len(self.documents))
            if len(self._review_bits_cache) >= _BITS_CACHE_LIMIT:
                self._review_bits_cache.clear()
            self._review_bits_cache[review_id] = bits
        return bits

    def _resolve(self, term: Term) -> TermMatcher:
        return resolve_term(term, self.vocabulary, self.token_bits, self._everything)

    def _filter_bits(self, search_filter: Filter) -> int:
        """The documents of the reviews a ``critic:``/``outlet:``/``review:`` filter names."""
        if search_filter.name == "in":
            return self.field_bits(_field_group(search_filter.value))
        if search_filter.name == "review":
            wanted = search_filter.value
            review_ids = [rid for rid in self._review_documents
                          if rid.casefold() == wanted or rid.casefold().startswith(wanted)]
        else:
            words = tokenize(search_filter.value)
            bits = self.field_bits([search_filter.name])
            for index, word in enumerate(words):
                term = Term("word", word, (word,), open_end=index == len(words) - 1)
                bits &= self._resolve(term).widest
            review_ids = list({self.documents.review_id(d) for d in iter_ids(bits)})
        found = 0
        for review_id in review_ids:
            found |= self.review_bits(review_id)
        return found

    # -- searching ---------------------------------------------------------------------------

    def search(
        self,
        query: str | ParsedQuery,
        *,
        limit: int = DEFAULT_LIMIT,
        fields: Iterable[str] | None = None,
        cancelled: Cancelled | None = None,
    ) -> SearchResult:
        """The best ``limit`` hits for ``query`` (raw text or a ``ParsedQuery``), best first.

        ``fields`` narrows to those fields (as ``in:`` does). Never raises on any query text;
        raises ``SearchCancelled`` only when ``cancelled()`` turns true.
        """
        parsed = parse_query(query) if isinstance(query, str) else query
        notes = list(parsed.notes)
        limit = max(1, min(limit, 1000))
        if parsed.is_empty and fields is None:
            return SearchResult(parsed, notes=tuple(notes))
        mask = self._everything
        wanted_fields = set(FIELDS) | set(self._field_ranges)
        if parsed.fields is not None:
            wanted_fields &= parsed.fields
        if fields is not None:
            wanted_fields &= set(fields)
        mask &= self.field_bits(wanted_fields)
        for search_filter in parsed.filters:
            bits = self._filter_bits(search_filter)
            mask = mask & ~bits if search_filter.negated else mask & bits
        _check(cancelled)
        negative = [self._resolve(term) for term in parsed.negative_terms]
        for matcher in negative:
            if not matcher.needs_check:
                mask &= ~matcher.widest
        positive = [self._resolve(term) for term in parsed.positive_terms]
        _check(cancelled)
        candidates, total, partial = self._candidates(positive, mask)
        if partial:
            notes.append(PARTIAL_NOTE)
        checks = [m for m in positive if m.needs_check]
        negative_checks = [m for m in negative if m.needs_check]
        shortlist, all_checked = self._shortlist(
            candidates, checks, negative_checks, partial, max(2 * limit, 40), cancelled
        )
        if (checks or negative_checks) and not all_checked and len(shortlist) < 2 * limit:
            notes.append(f"Stopped checking after {CONFIRM_BUDGET:,} texts; "
                         "add a word to narrow the search.")
        _check(cancelled)
        hits = rank_candidates(
            shortlist, positive, self.documents, self._folded, limit=limit, partial=partial
        )
        if (checks or negative_checks) and all_checked:
            total = len(shortlist)  # every candidate was checked: the count is exact
        return SearchResult(parsed, hits, total=max(total, len(hits)), partial=partial,
                            notes=tuple(notes))

    def _shortlist(
        self,
        candidates: Iterator[int],
        checks: list[TermMatcher],
        negative_checks: list[TermMatcher],
        partial: bool,
        size: int,
        cancelled: Cancelled | None,
    ) -> tuple[list[int], bool]:
        """The first ``size`` candidates that pass the phrase and literal checks, and whether
        every candidate was seen."""
        shortlist: list[int] = []
        if not checks and not negative_checks:
            for doc_id in candidates:
                shortlist.append(doc_id)
                if len(shortlist) >= size:
                    return shortlist, False
            return shortlist, True
        for checked, doc_id in enumerate(candidates, 1):
            if checked % _CHECK_EVERY == 0:
                _check(cancelled)
            if checked > CONFIRM_BUDGET:
                return shortlist, False
            folded = self._folded[doc_id]
            if not partial and not all(m.confirm(folded) for m in checks):
                continue
            if any(m.confirm(folded) for m in negative_checks):
                continue
            shortlist.append(doc_id)
            if len(shortlist) >= size:
                return shortlist, False
        return shortlist, True

    def _candidates(
        self, positive: list[TermMatcher], mask: int
    ) -> tuple[Iterator[int], int, bool]:
        """Candidate ids best tier first (ids ascending within a tier), their count, partial."""
        if not positive:
            return iter_ids(mask), mask.bit_count(), False
        everything = mask
        for matcher in positive:
            everything &= matcher.widest
        if everything:
            levels = sorted({q for m in positive for q, _ in m.tiers}, reverse=True)
            return _by_level(positive, mask, levels), everything.bit_count(), False
        if len(positive) < 2:
            return iter(()), 0, False
        # Nothing holds every term: take what holds all but one.
        relaxed = 0
        for skipped in range(len(positive)):
            bits = mask
            for index, matcher in enumerate(positive):
                if index != skipped:
                    bits &= matcher.widest
                    if not bits:
                        break
            relaxed |= bits
        return iter_ids(relaxed), relaxed.bit_count(), bool(relaxed)


def _by_rank(
    documents: Iterable[Document], cancelled: Cancelled | None
) -> dict[tuple[int, int], list[Document]]:
    """Clean documents bucketed by (field rank, length): sorting the few keys instead of all
    documents avoids one long sort holding the GIL."""
    by_rank: dict[tuple[int, int], list[Document]] = {}
    for count, document in enumerate(documents):
        if count % _CHECK_EVERY == 0:
            _check(cancelled)
        text = strip_unsafe(document.text)
        if not text.strip():
            continue
        if text != document.text:
            document = document._replace(text=text)
        rank = _FIELD_RANK.get(document.field, len(FIELDS))
        by_rank.setdefault((rank, len(text)), []).append(document)
    return by_rank


def _by_level(positive: list[TermMatcher], mask: int, levels: list[int]) -> Iterator[int]:
    seen = 0
    for level in levels:
        bits = mask
        for matcher in positive:
            bits &= matcher.bits_at(level)
            if not bits:
                break
        fresh = bits & ~seen
        if fresh:
            yield from iter_ids(fresh)
            seen |= fresh


def _ids(packed: bytes | bytearray) -> array[int]:
    """Document ids packed as little-endian uint32."""
    ids = array("I")
    ids.frombytes(packed)
    if sys.byteorder != "little":
        ids.byteswap()
    return ids


def _field_group(value: str) -> frozenset[str]:
    return FIELD_GROUPS.get(value, frozenset())
