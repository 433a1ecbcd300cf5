"""Any text gets a valid level, with reasons exactly when it is shielded."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nlmg_tui.corpus.models import Paragraph, Review
from nlmg_tui.corpus.spoiler_levels import LEVELS, paragraph_spoiler_level, spoiler_levels

PLOT_WORDS = st.sampled_from(
    ["clones", "Kathy", "dies", "final scene", "“complete”", "deferral", "myth", "Tommy",
     "the end", "a", "complete", "Hailsham", ".", ",", "\n", "'", "—", "Ruth's", "rumor"]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(PLOT_WORDS, max_size=40).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(text=TEXT, previous=st.one_of(st.none(), TEXT))
def test_any_text_gets_a_valid_level(text, previous):
    result = paragraph_spoiler_level(text, previous_text=previous)
    assert result.level in LEVELS
    assert result.shielded == bool(result.reasons)
    assert len(result.reasons) == len(set(result.reasons))
    if previous is None:
        # Without a paragraph before it, a paragraph's level only depends on its own text.
        assert paragraph_spoiler_level(text) == result


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(TEXT, max_size=6), warnings=st.lists(st.booleans(), max_size=6))
def test_a_warning_flag_never_changes_the_level(texts, warnings):
    def review(flags):
        paragraphs = tuple(
            Paragraph(f"p{i}", text, spoiler_warning=flag)
            for i, (text, flag) in enumerate(zip(texts, flags, strict=False), start=1)
        )
        return Review("r", "r.txt", None, None, None, None, None, None, paragraphs)

    flags = [*warnings, *([False] * len(texts))][: len(texts)]
    assert spoiler_levels(review(flags)) == spoiler_levels(review([False] * len(texts)))
