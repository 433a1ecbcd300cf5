"""Pair the paragraphs of two reviews by what they discuss.

Each pair of paragraphs gets a similarity in 0..1 from two signals:

- shared mentions (people, characters, films, places, topics from the gazetteer), as a cosine
  over the mentioned entities weighted by kind and by rarity across the two reviews (a name
  every paragraph carries, like the film's own title, counts for nothing);
- the words they share: rapidfuzz's Indel similarity over the sorted sets of content-word stems
  (which is exactly the Dice overlap of the two sets), scaled so 40% overlap counts as full.
  ``token_set_ratio`` was tried first and scored every pair of these reviews 37-50 regardless
  of subject, so it could not tell related paragraphs apart.

A single shared entity is thin evidence, so the mention score is damped by ``1 - 0.5**shared``
(one shared entity counts half, two three quarters).

Then a Needleman-Wunsch style dynamic programme picks the monotone pairing (each review keeps its
own order, as difftastic aligns lines) that maximises the summed ``similarity - GAP_THRESHOLD``;
a paragraph left unpaired faces a gap. Pinned pairs (the user's sync points) are fixed first and
the stretches between them are aligned on their own.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from nlmg_tui.corpus.gazetteer import Gazetteer, Mention, Token, default_gazetteer, tokenize
from nlmg_tui.corpus.models import Review

MENTION_WEIGHT = 0.7
"""Share of the similarity that comes from shared mentions (the rest from words)."""
GAP_THRESHOLD = 0.2
"""Two paragraphs pair up only if their similarity is above this."""
WORD_OVERLAP_FULL = 0.4
"""Dice overlap of content-word stems that counts as full word similarity."""
STEM_LENGTH = 5
"""Words are compared by their first letters ("clones", "cloned", "cloning" agree)."""
KIND_WEIGHTS = {"film": 1.5, "person": 1.0, "character": 0.8, "place": 0.6, "topic": 1.0}

_STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each even few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours film movie never let go""".split()
)


class PinError(ValueError):
    """Pinned pairs name a paragraph that does not exist, repeat one, or cross each other."""


@dataclass(frozen=True)
class AlignedPair:
    """A row of the alignment: two paragraphs side by side, or one facing a gap (None).

    ``score`` is the pair's similarity (0 for a gap); ``topics`` the topic ids both paragraphs
    mention; ``shared`` every entity id both mention; ``left_mentions``/``right_mentions`` the
    spans of those shared entities in each paragraph, for highlighting.
    """

    left: str | None
    right: str | None
    score: float = 0.0
    topics: tuple[str, ...] = ()
    shared: tuple[str, ...] = ()
    pinned: bool = False
    left_mentions: tuple[Mention, ...] = ()
    right_mentions: tuple[Mention, ...] = ()

    @property
    def is_gap(self) -> bool:
        return self.left is None or self.right is None

    def to_json(self) -> dict:
        return {
            "left": self.left,
            "right": self.right,
            "topics": [topic.split(":", 1)[1] for topic in self.topics],
            "score": round(self.score, 3),
            "shared": list(self.shared),
            "pinned": self.pinned,
        }


@dataclass(frozen=True)
class _Side:
    ids: tuple[str, ...]
    mentions: tuple[tuple[Mention, ...], ...]
    entities: tuple[frozenset[str], ...]
    words: tuple[tuple[str, ...], ...]
    keys: tuple[tuple[str, ...], ...]


def _side(review: Review, gazetteer: Gazetteer) -> _Side:
    tokens = [tokenize(p.text) for p in review.paragraphs]
    mentions = tuple(
        tuple(gazetteer.find_mentions(p.text, tokens=words))
        for p, words in zip(review.paragraphs, tokens, strict=True)
    )
    entities = tuple(
        frozenset(m.entity_id for m in ms if not _is_subject(gazetteer, m.entity_id))
        for ms in mentions
    )
    return _Side(
        ids=tuple(p.id for p in review.paragraphs),
        mentions=mentions,
        entities=entities,
        words=tuple(_content_words(words) for words in tokens),
        keys=tuple(tuple(t.key for t in words) for words in tokens),
    )


def _is_subject(gazetteer: Gazetteer, entity_id: str) -> bool:
    entity = gazetteer.get(entity_id)
    return entity is not None and entity.subject


def _content_words(tokens: list[Token]) -> tuple[str, ...]:
    """The sorted, distinct stems of the words that carry content."""
    stems = {t.key[:STEM_LENGTH] for t in tokens if len(t.key) > 2 and t.key not in _STOPWORDS}
    return tuple(sorted(stems))


def _entity_weights(left: _Side, right: _Side, gazetteer: Gazetteer) -> dict[str, float]:
    """Kind weight x inverse paragraph frequency over both reviews."""
    paragraphs = left.entities + right.entities
    total = len(paragraphs)
    frequency: dict[str, int] = {}
    for entities in paragraphs:
        for entity_id in entities:
            frequency[entity_id] = frequency.get(entity_id, 0) + 1
    weights = {}
    for entity_id, count in frequency.items():
        entity = gazetteer.get(entity_id)
        kind_weight = KIND_WEIGHTS.get(entity.kind, 1.0) if entity else 1.0
        weights[entity_id] = kind_weight * math.log(1 + total / count)
    return weights


def _mention_similarity(a: frozenset[str], b: frozenset[str], weights: dict[str, float]) -> float:
    """Weighted cosine of the two entity sets, damped when they share only one or two."""
    shared = a & b
    if not shared:
        return 0.0
    dot = sum(weights[e] ** 2 for e in shared)
    norm_a = math.sqrt(sum(weights[e] ** 2 for e in a))
    norm_b = math.sqrt(sum(weights[e] ** 2 for e in b))
    return dot / (norm_a * norm_b) * (1 - 0.5 ** len(shared))


def similarity_matrix(
    left: Review, right: Review, gazetteer: Gazetteer | None = None
) -> list[list[float]]:
    """``matrix[i][j]``: similarity of left paragraph i and right paragraph j, in 0..1."""
    gazetteer = gazetteer or default_gazetteer()
    return _similarities(_side(left, gazetteer), _side(right, gazetteer), gazetteer)


def _similarities(left: _Side, right: _Side, gazetteer: Gazetteer) -> list[list[float]]:
    if not left.ids or not right.ids:
        return [[] for _ in left.ids]
    weights = _entity_weights(left, right, gazetteer)
    matrix = []
    for i, entities_a in enumerate(left.entities):
        row = []
        for j, entities_b in enumerate(right.entities):
            if left.words[i] and right.words[j]:
                overlap = Indel.normalized_similarity(left.words[i], right.words[j])
            else:  # "That is all.": only the very same words count
                overlap = 1.0 if left.keys[i] and left.keys[i] == right.keys[j] else 0.0
            words = min(1.0, overlap / WORD_OVERLAP_FULL)
            if entities_a or entities_b:
                mentions = _mention_similarity(entities_a, entities_b, weights)
                row.append(MENTION_WEIGHT * mentions + (1 - MENTION_WEIGHT) * words)
            else:
                row.append(words)
        matrix.append(row)
    return matrix


def _align_span(
    matrix: list[list[float]], rows: range, columns: range
) -> list[tuple[int | None, int | None]]:
    """Best monotone pairing of ``rows`` with ``columns``; unpaired indices face a gap."""
    n, m = len(rows), len(columns)
    # best[i][j]: best total for the first i rows and j columns.
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    step = [[0] * (m + 1) for _ in range(n + 1)]  # 0 pair, 1 skip row, 2 skip column
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            options = []
            if i and j:
                gain = matrix[rows[i - 1]][columns[j - 1]] - GAP_THRESHOLD
                if gain > 0:
                    options.append((best[i - 1][j - 1] + gain, 0))
            if i:
                options.append((best[i - 1][j], 1))
            if j:
                options.append((best[i][j - 1], 2))
            best[i][j], step[i][j] = max(options, key=lambda option: option[0])
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i or j:
        move = step[i][j]
        if move == 0:
            pairs.append((rows[i - 1], columns[j - 1]))
            i, j = i - 1, j - 1
        elif move == 1:
            pairs.append((rows[i - 1], None))
            i -= 1
        else:
            pairs.append((None, columns[j - 1]))
            j -= 1
    pairs.reverse()
    return _left_gaps_first(pairs)


def _left_gaps_first(pairs: list[tuple[int | None, int | None]]) -> list[tuple[int | None, int | None]]:
    """Within each run of gaps, show the left review's paragraphs before the right's (as diff)."""
    result: list[tuple[int | None, int | None]] = []
    run: list[tuple[int | None, int | None]] = []
    for pair in pairs + [(-1, -1)]:
        if pair[0] is None or pair[1] is None:
            run.append(pair)
            continue
        result.extend(p for p in run if p[1] is None)
        result.extend(p for p in run if p[0] is None)
        run = []
        if pair != (-1, -1):
            result.append(pair)
    return result


def _pin_indices(
    left: _Side, right: _Side, pins: Sequence[tuple[str, str]]
) -> list[tuple[int, int]]:
    indices = []
    for left_id, right_id in pins:
        if left_id not in left.ids or right_id not in right.ids:
            raise PinError(f"cannot pin {left_id} to {right_id}: no such paragraph")
        indices.append((left.ids.index(left_id), right.ids.index(right_id)))
    indices.sort()
    for (a_left, a_right), (b_left, b_right) in zip(indices, indices[1:], strict=False):
        if a_left == b_left or a_right >= b_right:
            raise PinError("pinned pairs must not share a paragraph or cross each other")
    return indices


def align_reviews(
    left: Review,
    right: Review,
    pins: Sequence[tuple[str, str]] = (),
    gazetteer: Gazetteer | None = None,
) -> list[AlignedPair]:
    """Align the paragraphs of two reviews, each in its own order, with gaps.

    ``pins`` are ``(left_paragraph_id, right_paragraph_id)`` pairs that must face each other
    (raises ``PinError`` if one does not exist or two cross); the rest is aligned around them.
    """
    gazetteer = gazetteer or default_gazetteer()
    left_side, right_side = _side(left, gazetteer), _side(right, gazetteer)
    matrix = _similarities(left_side, right_side, gazetteer)
    pinned = _pin_indices(left_side, right_side, pins)
    indices: list[tuple[int | None, int | None]] = []
    row, column = 0, 0
    for pin_row, pin_column in pinned:
        indices += _align_span(matrix, range(row, pin_row), range(column, pin_column))
        indices.append((pin_row, pin_column))
        row, column = pin_row + 1, pin_column + 1
    indices += _align_span(matrix, range(row, len(left_side.ids)), range(column, len(right_side.ids)))
    pinned_set = set(pinned)
    return [_pair(left_side, right_side, matrix, i, j, (i, j) in pinned_set) for i, j in indices]


def _pair(
    left: _Side, right: _Side, matrix: list[list[float]], i: int | None, j: int | None, pinned: bool
) -> AlignedPair:
    if i is None or j is None:
        return AlignedPair(
            left=left.ids[i] if i is not None else None,
            right=right.ids[j] if j is not None else None,
        )
    shared = left.entities[i] & right.entities[j]
    ordered = tuple(dict.fromkeys(m.entity_id for m in left.mentions[i] if m.entity_id in shared))
    return AlignedPair(
        left=left.ids[i],
        right=right.ids[j],
        score=matrix[i][j],
        topics=tuple(e for e in ordered if e.startswith("topic:")),
        shared=ordered,
        pinned=pinned,
        left_mentions=tuple(m for m in left.mentions[i] if m.entity_id in shared),
        right_mentions=tuple(m for m in right.mentions[j] if m.entity_id in shared),
    )
