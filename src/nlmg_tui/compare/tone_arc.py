"""The tone of a review paragraph by paragraph (its "arc"), its overall tone, and sparklines.

Built on the lexicon of ``compare/tone.py`` (names skipped, negators flip the next three words):

- a paragraph's score is ``(for - against) / (for + against + 1)``, where ``for`` and ``against``
  count its tone words after negation. It lies strictly inside -1..1; the ``+ 1`` is one neutral
  pseudo-word, so a paragraph resting on a single word ("fine") scores 0.5, not 1, and a
  paragraph without tone words scores 0;
- the overall score is the same formula over all the review's tone words together, and the label
  is ``tone.label_for`` of those counts (``positive``, ``mixed``, ``negative`` or ``neutral``),
  so it agrees with the topic map's labels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from nlmg_tui.compare.tone import ToneWord, label_for, tone_words
from nlmg_tui.corpus.gazetteer import Gazetteer, default_gazetteer
from nlmg_tui.corpus.models import Review

BLOCKS = "▁▂▃▄▅▆▇█"
"""Sparkline levels, lowest first: -1 is ``▁``, 0 (neutral) is ``▄`` (half height), 1 is ``█``."""


@dataclass(frozen=True)
class ReviewTone:
    """A review's paragraph scores (in paragraph order), overall score and label."""

    arc: tuple[float, ...]
    score: float
    label: str
    positive: int
    negative: int


def tone_score(words: Sequence[ToneWord]) -> float:
    """``(for - against) / (for + against + 1)``: 0 without tone words, never quite ±1."""
    positive = sum(1 for word in words if word.polarity > 0)
    negative = len(words) - positive
    return (positive - negative) / (positive + negative + 1)


def review_tone(review: Review, gazetteer: Gazetteer | None = None) -> ReviewTone:
    """The arc and the overall tone of ``review``, reading each paragraph once."""
    gazetteer = gazetteer or default_gazetteer()
    per_paragraph = [tone_words(paragraph.text, gazetteer) for paragraph in review.paragraphs]
    every = [word for words in per_paragraph for word in words]
    positive = sum(1 for word in every if word.polarity > 0)
    negative = len(every) - positive
    return ReviewTone(
        arc=tuple(tone_score(words) for words in per_paragraph),
        score=tone_score(every),
        label=label_for(positive, negative),
        positive=positive,
        negative=negative,
    )


def tone_arc(review: Review, gazetteer: Gazetteer | None = None) -> list[float]:
    """One score in -1..1 per paragraph of ``review``, in order."""
    return list(review_tone(review, gazetteer).arc)


def overall_tone(review: Review, gazetteer: Gazetteer | None = None) -> tuple[float, str]:
    """The review's score in -1..1 and its label (``positive``/``mixed``/``negative``/``neutral``)."""
    tone = review_tone(review, gazetteer)
    return tone.score, tone.label


def sparkline(values: Sequence[float], width: int) -> str:
    """``values`` (each clamped to -1..1; NaN counts as 0) as block characters, at most ``width``.

    One character per value when they fit; a longer series is cut into ``width`` runs of
    (nearly) equal length and each run drawn as its mean.
    """
    if width <= 0 or not values:
        return ""
    cleaned = [0.0 if math.isnan(v) else max(-1.0, min(1.0, float(v))) for v in values]
    if len(cleaned) > width:
        bounds = [round(i * len(cleaned) / width) for i in range(width + 1)]
        cleaned = [sum(cleaned[a:b]) / (b - a) for a, b in zip(bounds, bounds[1:], strict=False)]
    return "".join(BLOCKS[_level(value)] for value in cleaned)


def _level(value: float) -> int:
    # Values in (-0.25, 0] share the half-height block with neutral; above 0 is always higher.
    return max(0, min(len(BLOCKS) - 1, math.ceil((value + 1) * len(BLOCKS) / 2) - 1))
