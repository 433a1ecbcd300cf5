"""Properties over arbitrary text: matching and aligning never crash and stay well-formed."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nlmg_tui.compare.align import align_reviews
from nlmg_tui.compare.tone import judge_tone
from nlmg_tui.corpus.gazetteer import default_gazetteer
from nlmg_tui.corpus.models import Paragraph, Review

# Words the gazetteer and lexicon know, mixed with arbitrary text (controls, marks, CJK, emoji).
KNOWN = st.sampled_from(
    ["Kathy", "Ruth's", "Tommy", "One-Hour", "Photo", "Romanek’s", "cast", "score", "isn't",
     "perfect", "superb", "Never", "Let", "Me", "Go", "Hailsham", "--", "—", "[b]", "\x1b[31m"]
)
TEXT = st.lists(st.one_of(KNOWN, st.text(max_size=12)), max_size=40).map(" ".join)


def review(review_id: str, texts: list[str]) -> Review:
    paragraphs = tuple(Paragraph(f"p{i}", text) for i, text in enumerate(texts, start=1))
    return Review(review_id, "x", None, None, None, None, None, None, paragraphs)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_mentions_are_in_bounds_sorted_and_disjoint(text):
    mentions = default_gazetteer().find_mentions(text)
    end = 0
    for mention in mentions:
        assert end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        end = mention.end


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_tone_is_always_one_of_four(text):
    assert judge_tone(text).label in {"positive", "mixed", "negative", "unclear"}


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXT, max_size=8), st.lists(TEXT, max_size=8))
def test_alignment_keeps_every_paragraph_once_in_order(left_texts, right_texts):
    left, right = review("l", left_texts), review("r", right_texts)
    pairs = align_reviews(left, right)
    assert [p.left for p in pairs if p.left] == [p.id for p in left.paragraphs]
    assert [p.right for p in pairs if p.right] == [p.id for p in right.paragraphs]
    for pair in pairs:
        assert 0.0 <= pair.score <= 1.0 + 1e-9
        if pair.is_gap:
            assert pair.score == 0.0 and pair.shared == ()
