"""How the app shows a review's tone: a coloured sparkline of its paragraphs and a short
label (``positive +0.42``), shared by the list, the reader, the comparison and the timeline.

Scores come from ``compare.tone_arc`` (method in docs/compare.md), computed once per review
version and stored with it (``corpus.derived``); screens that show many reviews still read them
after the first frame. ``compare`` is imported on first use, not with this module: the browse
screen imports this before its first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from nlmg_tui.corpus.models import Review

if TYPE_CHECKING:
    from nlmg_tui.compare.tone_arc import ReviewTone

TONE_STYLES = {"positive": "green", "negative": "red", "mixed": "yellow", "unclear": "dim"}
LABEL_WIDTH = len("positive +0.00")
"""The widest ``tone_label``."""

def tone_for(review: Review) -> ReviewTone:
    """The review's tone: stored with the review when current, else computed once (safe to
    call from a thread worker; see ``corpus.derived_store``)."""
    from nlmg_tui.corpus.derived_store import shared_derived

    return shared_derived().tone(review)


def tone_style(tone: ReviewTone) -> str:
    return TONE_STYLES.get(tone.label, "")


def tone_label(tone: ReviewTone) -> Text:
    """``positive +0.42`` in the tone's colour."""
    return Text(f"{tone.label} {tone.score:+.2f}", style=tone_style(tone), end="")


def tone_score_text(tone: ReviewTone) -> Text:
    """Just ``+0.42``, in the tone's colour: the label where there is no room for it."""
    return Text(f"{tone.score:+.2f}", style=tone_style(tone), end="")


def tone_reason(tone: ReviewTone) -> str:
    """Why: ``13 words for, 2 against`` (the counts the score and label come from)."""
    if not tone.positive and not tone.negative:
        return "no tone words"
    noun = "word" if tone.positive == 1 else "words"
    return f"{tone.positive} {noun} for, {tone.negative} against"


def tone_spark(tone: ReviewTone, width: int) -> Text:
    """The paragraph arc as at most ``width`` block characters, in the tone's colour."""
    from nlmg_tui.compare.tone_arc import sparkline

    return Text(sparkline(tone.arc, width), style=tone_style(tone), end="")
