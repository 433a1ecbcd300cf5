"""Tone on reviews of OTHER films, from our own paraphrases (CI runs without the pages).

``heldout_tone.json`` holds our labels for 60 real reviews of ten 2010-2011 films and 97 of their
paragraphs, each paragraph with a one-line paraphrase in our words that keeps the evaluative
words. The pages themselves stay outside the repository; ``benchmarks/tone_accuracy.py --pages``
scores them. ``in`` is what the lexicon and weights were tuned on, ``out`` was never looked at
while tuning (how the split was made is in the file and in docs/compare.md).

The bars sit a little under the measured figures; ``KNOWN_MISSES`` names every miss, so a
change that breaks a paraphrase, or fixes one, fails here until the list and the docs move.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlmg_tui.compare.tone import TONES, judge_tone
from nlmg_tui.compare.tone_arc import review_tone
from nlmg_tui.corpus.models import Paragraph, Review

LABELS = json.loads((Path(__file__).parent / "heldout_tone.json").read_text(encoding="utf-8"))
BARS = {"in": 0.62, "out": 0.58}
"""Paraphrased paragraphs (measured: in 41/61, 67%; out 23/36, 64%)."""
REVIEW_BARS = {"in": 0.72, "out": 0.5}
"""Reviews rebuilt from our paraphrases (measured: in 28/36, 78%; out 13/24, 54%)."""

KNOWN_MISSES = {
    "in": {
        # praise or blame without a lexicon word ("more scope than ever", "you don't need to
        # see this", "avoids the cliches" reads the cliches as a complaint)
        "robinhood-filmism#2", "robinhood-mutant#4", "wintersbone-metropolis#1",
        "airbender-codylorance#2",
        # mixed by a reader, one-sided by the words (hedges like "fairly", "if a bit")
        "robinhood-filmism#5", "robinhood-heather#7", "tourist-wosu#9",
        "wintersbone-pictures#6", "wintersbone-pictures#7",
        # one-sided by a reader, mixed by the words (a stray word on the other side)
        "robinhood-mutant#7", "robinhood-retrocritic#3", "tourist-timeout#2",
        "airbender-mmeans#2", "satc2-joeholman#7", "satc2-mongermigration#3",
        "social-network-hubpages1#4", "wintersbone-retrocritic#3", "wintersbone-talkinganimal#2",
        # irony and hypotheticals: "tries his best ... the wrong road", "big stars do not make
        # a hit"
        "tourist-citybeat#4", "tourist-friedgold#5",
    },
    "out": {
        "greenlantern-distinctchatter#1", "greenlantern-guardian#1", "greenlantern-lazyppl#4",
        "greenlantern-skoce#2", "kingsspeech-gamesradar#8", "kingsspeech-tshepang#5",
        "grownups-popsugar#4", "grownups-popsugar#5", "grownups-bitterbalcony#2",
        "grownups-undercover#5", "grownups-citybeat#7", "alice-artemis#2",
        "alice-screensucked#4",
    },
}
KNOWN_REVIEW_MISSES = {
    "in": {"social-network-hubpages1", "satc2-gather", "tourist-citybeat", "robinhood-filmism",
           "robinhood-heather", "robinhood-mavericks", "wintersbone-metropolis",
           "wintersbone-pictures"},
    "out": {"greenlantern-hubpages", "greenlantern-guardian", "greenlantern-monkey",
            "greenlantern-skoce", "kingsspeech-ithacan", "kingsspeech-gamesradar",
            "grownups-bitterbalcony", "grownups-citybeat", "alice-casey", "alice-artemis",
            "alice-screensucked"},
}


def name(item: dict) -> str:
    stem = item["file"].removesuffix(".txt")
    return f"{stem}#{item['paragraph']}" if "paragraph" in item else stem


def test_the_labels_are_many_varied_and_never_about_the_bundled_film():
    reviews, paragraphs = LABELS["reviews"], LABELS["paragraphs"]
    assert len(reviews) >= 25 and len(paragraphs) >= 30
    assert {item["label"] for item in reviews + paragraphs} <= set(TONES)
    assert {item["label"] for item in paragraphs} == set(TONES)
    for split in ("in", "out"):
        assert len([r for r in reviews if r["split"] == split]) >= 12
        assert len([p for p in paragraphs if p["split"] == split]) >= 30
    assert len({r["film"] for r in reviews}) >= 5
    assert not any("never let me go" in (r["film"] + r["url"].replace("-", " ")).casefold()
                   for r in reviews)
    files = {r["file"] for r in reviews}
    assert all(p["file"] in files for p in paragraphs)
    for item in reviews + paragraphs:  # one line of our own, not a page's paragraph
        text = item.get("paraphrase") or item["summary"]
        assert "\n" not in text and len(text) <= 200


def test_a_rating_ground_truth_agrees_with_its_label():
    for review in LABELS["reviews"]:
        value = review["rating_value"]
        if value is not None:
            expected = "positive" if value >= 0.7 else "negative" if value < 0.5 else "mixed"
            assert review["label"] == expected, review["file"]


@pytest.mark.parametrize("split", ["in", "out"])
def test_paraphrased_paragraphs(split):
    items = [p for p in LABELS["paragraphs"] if p["split"] == split]
    misses = {name(p) for p in items if judge_tone(p["paraphrase"]).label != p["label"]}
    share = 1 - len(misses) / len(items)
    print(f"{split}-sample paraphrases: {len(items) - len(misses)} of {len(items)} ({share:.0%})")
    assert share >= BARS[split]
    assert misses - KNOWN_MISSES[split] == set(), "new misses: list them or fix the lexicon"
    assert KNOWN_MISSES[split] - misses == set(), "fixed misses: drop them, update the docs"


def paraphrased_review(review: dict) -> Review:
    """The review rebuilt from our paraphrases of its paragraphs, our summary closing it."""
    texts = [p["paraphrase"] for p in LABELS["paragraphs"] if p["file"] == review["file"]]
    texts.append(review["summary"])
    return Review(id=name(review), source=review["file"], headline=None, critic=None,
                  outlet=None, published=None, rating=None, site_rating=None,
                  paragraphs=tuple(Paragraph(f"p{n}", t) for n, t in enumerate(texts, 1)))


@pytest.mark.parametrize("split", ["in", "out"])
def test_paraphrased_reviews(split):
    items = [r for r in LABELS["reviews"] if r["split"] == split]
    misses = {name(r) for r in items if review_tone(paraphrased_review(r)).label != r["label"]}
    share = 1 - len(misses) / len(items)
    print(f"{split}-sample paraphrased reviews: {len(items) - len(misses)} of {len(items)}")
    assert share >= REVIEW_BARS[split]
    assert misses - KNOWN_REVIEW_MISSES[split] == set()
    assert KNOWN_REVIEW_MISSES[split] - misses == set()
