"""The tone of a review paragraph by paragraph (its "arc"), its verdict, and sparklines.

Built on the lexicon of ``compare/tone.py`` (names skipped, negators flip the next three words):

- a paragraph's score is ``(for - against) / (for + against + 1)``, where ``for`` and ``against``
  sum its tone words after negation (a word in a concession or an aside counts half). It lies
  strictly inside -1..1; the ``+ 1`` is one neutral pseudo-word, so a paragraph resting on a
  single word ("fine") scores 0.5, not 1, and a paragraph without tone words scores 0;
- the review's verdict weighs where critics put their verdict: a tone word counts once in the
  body and ``VERDICT_WEIGHT`` times in a verdict passage (a verdict section, the pull quote's
  paragraph, the last paragraph); an explicit recommendation or whole-film verdict ("worth
  seeing", "skip it", "the worst film", "Do I recommend it? Oh, most certainly") counts
  ``RECOMMENDATION_WEIGHT`` times; a headline pull quote votes once, ``PULL_QUOTE_WEIGHT``, for
  its own label. The label is ``tone.label_for`` of the weighted sums with a review's stricter
  ``REVIEW_MIXED_RATIO``, or ``unclear`` when they add up to less than ``MIN_EVIDENCE``; the
  score is the arc formula over the weighted sums;
- when the review carries the critic's own rating, the rating decides the label (``positive``
  from 0.7 of the scale, ``negative`` below 0.5, else ``mixed``: 3.5/5 and 7/10 are positive,
  2.5-3/5 mixed, 2/5 negative; letter grades B and up positive, C- to B- mixed), and the score
  is the mean of the words' score and the rating mapped to -1..1. The words' own label is kept
  beside it (``words_label``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from nlmg_tui.compare.tone import UNCLEAR, ToneWord, label_for, tone_words, weighted_sums
from nlmg_tui.corpus.gazetteer import Gazetteer, default_gazetteer, tokenize
from nlmg_tui.corpus.models import Review

BLOCKS = "▁▂▃▄▅▆▇█"
"""Sparkline levels, lowest first: -1 is ``▁``, 0 (neutral) is ``▄`` (half height), 1 is ``█``."""
VERDICT_WEIGHT = 3.0
RECOMMENDATION_WEIGHT = 8.0
PULL_QUOTE_WEIGHT = 8.0
"""The pull quote (the line the list shows as the verdict) votes once by its own label."""
REVIEW_MIXED_RATIO = 0.6
"""A review is ``mixed`` when its weaker side weighs at least 0.6 of its stronger side."""
MIN_EVIDENCE = 3.0
"""Weighted tone words below this read as ``unclear``: e.g. two words in the body alone."""
RATING_POSITIVE_FROM = 0.7
RATING_NEGATIVE_BELOW = 0.5
LETTER_POSITIVE_FROM = 0.66
LETTER_NEGATIVE_BELOW = 0.33
"""Letter grades sit evenly from F (0) to A+ (1): B and up positive, C- to B- mixed, D+ and
below negative (a C is an average film, not a pan)."""
LEAD_IS_VERDICT = False
VERDICT_PULL_QUOTE_RULES = frozenset({"verdict-section", "headline", "evaluative-sentence"})
_ANSWER_YES = frozenset("yes yeah absolutely definitely certainly sure course".split())
_ANSWER_NO = frozenset("no nope not never".split())
_SENTENCE_STOP = re.compile(r"[.!?…]")


@dataclass(frozen=True)
class ReviewTone:
    """A review's paragraph scores (in paragraph order), overall score and label.

    ``positive`` and ``negative`` count tone words (unweighted); ``weighted_for`` and
    ``weighted_against`` are the sums the verdict was read from; ``basis`` says what decided
    the label: ``rating``, ``words`` or ``weak`` (too little to go on: ``unclear``).
    """

    arc: tuple[float, ...]
    score: float
    label: str
    positive: int
    negative: int
    weighted_for: float = 0.0
    weighted_against: float = 0.0
    words_label: str = UNCLEAR
    basis: str = "words"
    rating: float | None = None


def tone_score(words: Sequence[ToneWord]) -> float:
    """``(for - against) / (for + against + 1)``, each word at its weight: 0 without tone
    words, never quite ±1."""
    positive, negative = weighted_sums(words)
    return (positive - negative) / (positive + negative + 1)


def rating_label(value: float, scale: str | None = None) -> str:
    """The label a rating on a 0..1 scale gives (``scale`` "letter" for letter grades)."""
    positive_from, negative_below = (
        (LETTER_POSITIVE_FROM, LETTER_NEGATIVE_BELOW) if scale == "letter"
        else (RATING_POSITIVE_FROM, RATING_NEGATIVE_BELOW))
    if value >= positive_from:
        return "positive"
    return "negative" if value < negative_below else "mixed"


def verdict_label(weighted_for: float, weighted_against: float) -> str:
    if weighted_for + weighted_against < MIN_EVIDENCE:
        return UNCLEAR
    return label_for(weighted_for, weighted_against, REVIEW_MIXED_RATIO)


def _answer(text: str, word: ToneWord) -> int | None:
    """For a recommendation asked as a question ("Do I recommend it? Oh, most certainly"),
    the answer's direction (0 if none is given); None when it is not a question."""
    stop = _SENTENCE_STOP.search(text, word.start)
    if stop is None or stop.group(0) != "?":
        return None
    for token in tokenize(text[stop.end():])[:3]:
        if token.key in _ANSWER_YES:
            return 1
        if token.key in _ANSWER_NO:
            return -1
    return 0


def _weighted(text: str, words: Sequence[ToneWord], weight: float) -> tuple[float, float]:
    """The for and against sums of one passage's words at ``weight`` (recommendations more)."""
    sums = [0.0, 0.0]
    for word in words:
        polarity, word_weight = word.polarity, weight * word.weight
        if word.recommendation:
            answer = _answer(text, word)
            polarity = polarity * answer if answer is not None else polarity
            word_weight = max(weight, RECOMMENDATION_WEIGHT) * word.weight
        if polarity:
            sums[polarity < 0] += word_weight
    return sums[0], sums[1]


def _pull_quote_vote(text: str, gazetteer: Gazetteer) -> tuple[float, float]:
    """One vote of ``PULL_QUOTE_WEIGHT`` for the pull quote's side (half each when mixed)."""
    label = label_for(*weighted_sums(tone_words(text, gazetteer)))
    if label == "mixed":
        return PULL_QUOTE_WEIGHT / 2, PULL_QUOTE_WEIGHT / 2
    if label == UNCLEAR:
        return 0.0, 0.0
    return (PULL_QUOTE_WEIGHT, 0.0) if label == "positive" else (0.0, PULL_QUOTE_WEIGHT)


def _verdict_paragraphs(review: Review) -> set[int]:
    """Indexes of the verdict passages: verdict sections, the pull quotes' paragraphs, the last
    paragraph of the body."""
    verdict_ids = {pid for s in review.sections if s.kind == "verdict" for pid in s.paragraph_ids}
    verdict_ids |= {q.paragraph_id for q in review.pull_quotes
                    if q.paragraph_id and q.rule in VERDICT_PULL_QUOTE_RULES}
    found = {i for i, p in enumerate(review.paragraphs) if p.id in verdict_ids}
    body = [i for i, p in enumerate(review.paragraphs) if not p.spoiler_warning
            and p.section is None]
    if body:
        found.add(body[-1])
        if LEAD_IS_VERDICT:
            found.add(body[0])
    return found


def review_tone(review: Review, gazetteer: Gazetteer | None = None) -> ReviewTone:
    """The arc and the verdict of ``review``, reading each paragraph once."""
    gazetteer = gazetteer or default_gazetteer()
    per_paragraph = [tone_words(paragraph.text, gazetteer) for paragraph in review.paragraphs]
    verdict = _verdict_paragraphs(review)
    weighted_for = weighted_against = 0.0
    for index, (paragraph, words) in enumerate(zip(review.paragraphs, per_paragraph, strict=True)):
        weight = VERDICT_WEIGHT if index in verdict else 1.0
        plus, minus = _weighted(paragraph.text, words, weight)
        weighted_for, weighted_against = weighted_for + plus, weighted_against + minus
    for quote in review.pull_quotes:  # in a paragraph, it is weighed with its paragraph
        if quote.paragraph_id is None and quote.rule in VERDICT_PULL_QUOTE_RULES:
            plus, minus = _pull_quote_vote(quote.text, gazetteer)
            weighted_for, weighted_against = weighted_for + plus, weighted_against + minus
    every = [word for words in per_paragraph for word in words]
    positive = sum(1 for word in every if word.polarity > 0)
    score = (weighted_for - weighted_against) / (weighted_for + weighted_against + 1)
    words_label = verdict_label(weighted_for, weighted_against)
    label, basis = words_label, ("weak" if words_label == UNCLEAR else "words")
    given = review.rating
    rating: float | None = None
    if given is not None and given.value is not None and not math.isnan(given.value):
        rating = max(0.0, min(1.0, given.value))
        label, basis = rating_label(rating, given.scale), "rating"
        score = (score + 2 * rating - 1) / 2
    return ReviewTone(
        arc=tuple(tone_score(words) for words in per_paragraph),
        score=score,
        label=label,
        positive=positive,
        negative=len(every) - positive,
        weighted_for=weighted_for,
        weighted_against=weighted_against,
        words_label=words_label,
        basis=basis,
        rating=rating,
    )


def tone_arc(review: Review, gazetteer: Gazetteer | None = None) -> list[float]:
    """One score in -1..1 per paragraph of ``review``, in order."""
    return list(review_tone(review, gazetteer).arc)


def overall_tone(review: Review, gazetteer: Gazetteer | None = None) -> tuple[float, str]:
    """The review's score in -1..1 and its label (``positive``/``mixed``/``negative``/``unclear``)."""
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
