"""Stage two: score the shortlisted documents, explain each score, cut snippets.

A hit's score (0..100) is the mean of its terms' qualities (exact word or phrase 100, a word
being typed 80-95, one typo 80, two typos 65, a missing word 0), minus up to 10 points when the
words lie far apart (one point per 50 characters beyond the first 100 of the closest stretch
holding them all). Ties go to the earlier field (critic, outlet, headline, quote, verdict,
paragraph, comment, note) and then to the shorter text.

Hits of equal score are ordered by ``relevance`` (also 0..100, what the CLI shows): the score
weighed by the field (a critic's name or a headline is more about its words than a comment is;
the user's own notes come last), by how much of the text the matched words make up (three
mentions in a short passage beat one in a long one) and by whether the words follow each other
as typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from nlmg_tui.search.documents import Document
from nlmg_tui.search.folding import normalize_with_offsets
from nlmg_tui.search.results import Hit, Span
from nlmg_tui.search.snippets import SNIPPET_WIDTH, make_snippet
from nlmg_tui.search.terms import TermMatcher, word_hits, word_table

NEAR = 100
PER_POINT = 50
MAX_PENALTY = 10
_RERANK_EXTRA = 10

# (term index, start, end, quality, description) in folded text
Match = tuple[int, int, int, int, str]

FIELD_WEIGHT = {"critic": 1.0, "outlet": 1.0, "headline": 1.0, "quote": 0.9, "verdict": 0.9,
                "paragraph": 0.7, "comment": 0.5, "note": 0.3}


def relevance(
    score: int, field: str, matches: Sequence[Match], words: int, window: tuple[int, int] | None
) -> int:
    """``score`` scaled by 0.6..1.0 by how well the text fits the query: the field's weight
    (40%), a saturating share of matched words in the text, ``n / (n + 0.5 + words / 80)`` (30%),
    and how tightly the words sit together (30%, see ``tightness``)."""
    matched = len(matches)
    share = matched / (matched + 0.5 + words / 80) if matched else 0.0
    fit = 0.4 * FIELD_WEIGHT.get(field, 0.7) + 0.3 * share + 0.3 * tightness(matches, window)
    return round(score * (0.6 + 0.4 * fit))


def tightness(matches: Sequence[Match], window: tuple[int, int] | None) -> float:
    """1.0 when the closest stretch holding every word is just those words side by side, less
    as other words come between them; 1.0 for a single word."""
    if window is None or window[1] <= window[0]:
        return 1.0
    shortest: dict[int, int] = {}
    for term, start, end, _quality, _kind in matches:
        if window[0] <= start and end <= window[1]:
            shortest[term] = min(shortest.get(term, end - start), end - start)
    if len(shortest) < 2:
        return 1.0
    needed = sum(shortest.values()) + len(shortest) - 1
    return min(1.0, needed / (window[1] - window[0]))


def proximity_penalty(width: int) -> int:
    return min(MAX_PENALTY, max(0, (width - NEAR) // PER_POINT))


def closest_window(matches: Sequence[Match], wanted: set[int]) -> tuple[int, int] | None:
    """The shortest folded stretch holding a match of every term in ``wanted``."""
    if not matches or not wanted:
        return None
    ordered = sorted((m for m in matches if m[0] in wanted), key=lambda m: (m[1], m[2]))
    counts: dict[int, int] = {}
    best: tuple[int, int] | None = None
    left = 0
    for right, match in enumerate(ordered):
        counts[match[0]] = counts.get(match[0], 0) + 1
        while len(counts) == len(wanted):
            start = ordered[left][1]
            end = max(m[2] for m in ordered[left:right + 1])
            if best is None or end - start < best[1] - best[0]:
                best = (start, end)
            term = ordered[left][0]
            counts[term] -= 1
            if not counts[term]:
                del counts[term]
            left += 1
    return best


def densest_window(matches: Sequence[Match], width: int) -> tuple[int, int] | None:
    """The stretch of at most ``width`` characters holding matches of the most distinct terms
    (ties: the most matched text), for a snippet when no window holds every term."""
    ordered = sorted(matches, key=lambda m: (m[1], m[2]))
    best: tuple[int, int] | None = None
    best_key = (0, 0)
    left = 0
    for right, match in enumerate(ordered):
        while left < right and match[2] - ordered[left][1] > width:
            left += 1
        group = ordered[left:right + 1]
        key = (len({m[0] for m in group}), sum(m[2] - m[1] for m in group))
        if key > best_key:
            best_key = key
            best = (group[0][1], max(m[2] for m in group))
    return best


def rank_candidates(
    shortlist: Sequence[int],
    positive: Sequence[TermMatcher],
    documents: Sequence[Document],
    folded: Sequence[str],
    *,
    limit: int,
    partial: bool,
) -> tuple[Hit, ...]:
    """The best ``limit`` hits among ``shortlist`` (document ids in tie-break order)."""
    if not shortlist:
        return ()
    terms = list(positive)
    scored: list[tuple[float, int, list[int]]] = []
    for doc_id in shortlist:
        qualities = [
            matcher.quality_of(doc_id)
            if not (partial and matcher.needs_check) or matcher.confirm(folded[doc_id]) else 0
            for matcher in terms
        ]
        base = sum(qualities) / len(terms) if terms else 100.0
        scored.append((base, doc_id, qualities))
    scored.sort(key=lambda item: (-item[0], item[1]))
    table = word_table(terms)
    reranked: list[tuple[int, int, int, list[int], list[Match], tuple[int, int] | None, int]] = []
    for base, doc_id, qualities in scored[: limit + (_RERANK_EXTRA if len(terms) > 1 else 0)]:
        matches = _matches(folded[doc_id], terms, table)
        present = {i for i, quality in enumerate(qualities) if quality}
        window = closest_window(matches, present)
        penalty = 0
        if window is not None and len(present) > 1:
            penalty = proximity_penalty(window[1] - window[0])
        score = max(0, min(100, round(base - penalty)))
        weight = relevance(score, documents[doc_id].field, matches, len(folded[doc_id].split()),
                           window)
        reranked.append((score, weight, doc_id, qualities, matches, window, penalty))
    reranked.sort(key=lambda item: (-item[0], -item[1], item[2]))
    return tuple(
        _hit(documents[doc_id], folded[doc_id], terms, (score, weight), qualities, matches, window,
             penalty)
        for score, weight, doc_id, qualities, matches, window, penalty in reranked[:limit]
    )


def _matches(text: str, terms: Sequence[TermMatcher], table: dict) -> list[Match]:
    matches: list[Match] = list(word_hits(text, table))
    for index, matcher in enumerate(terms):
        if matcher.needs_check:
            kind = "phrase" if matcher.pattern is not None else "literal"
            matches.extend((index, s, e, 100, kind) for s, e in matcher.spans(text))
    return matches


def _hit(
    document: Document,
    folded: str,
    terms: Sequence[TermMatcher],
    scores: tuple[int, int],
    qualities: list[int],
    matches: list[Match],
    window: tuple[int, int] | None,
    penalty: int,
) -> Hit:
    mapped = normalize_with_offsets(document.text)
    if mapped.text != folded:  # cannot happen while normalize and its offset twin agree
        matches = _matches(mapped.text, terms, word_table(list(terms)))
        window = None
    spans = _merge(mapped.original_span(s, e) for _, s, e, _, _ in matches if e > s)
    focus: Span | None = None
    if window is not None and window[1] > window[0]:
        focus = mapped.original_span(*window)
        if focus[1] - focus[0] > SNIPPET_WIDTH:
            cluster = densest_window(matches, SNIPPET_WIDTH)
            focus = mapped.original_span(*cluster) if cluster else (focus[0], focus[0])
    snippet, snippet_spans = make_snippet(document.text, spans, focus)
    score, weight = scores
    return Hit(
        document=document,
        score=score,
        relevance=weight,
        spans=spans,
        snippet=snippet,
        snippet_spans=snippet_spans,
        why=_explain(terms, qualities, matches, window, penalty),
    )


def _merge(spans: Iterable[Span]) -> tuple[Span, ...]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


def _explain(
    terms: Sequence[TermMatcher],
    qualities: list[int],
    matches: list[Match],
    window: tuple[int, int] | None,
    penalty: int,
) -> tuple[str, ...]:
    if not terms:
        return ("matches the filters (100)",)
    lines: list[str] = []
    for index, (matcher, quality) in enumerate(zip(terms, qualities, strict=True)):
        term = matcher.term
        if not quality:
            lines.append(f"{term.text}: missing (0)")
            continue
        if term.kind == "phrase" or (term.kind == "prefix" and len(term.words) > 1):
            lines.append(f'"{term.text}": phrase ({quality})')
            continue
        if term.kind == "exact":
            lines.append(f"'{term.text}: literal text ({quality})")
            continue
        best = [m for m in matches if m[0] == index and m[3] == quality]
        how, _, word = best[0][4].partition(":") if best else ("exact", "", term.text)
        label = {"exact": "word", "prefix": "completion", "typo": "typo"}.get(how, how)
        shown = term.text if word == term.text else f"{term.text} -> {word}"
        lines.append(f"{shown}: {label} ({quality})")
    if len(terms) > 1:
        lines.append(f"mean of {len(terms)} words")
    if penalty and window is not None:
        lines.append(f"words {window[1] - window[0]} characters apart (-{penalty})")
    return tuple(lines)
