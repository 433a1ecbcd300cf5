"""The browse screen's preview: headline, byline, tone, verdict and the first lines of a review."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widget import Widget

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.lazy_review import is_loaded, text_problem
from nlmg_tui.corpus.models import Review
from nlmg_tui.textsafety import one_line
from nlmg_tui.tui.tone_badge import tone_label, tone_reason, tone_spark

if TYPE_CHECKING:
    from nlmg_tui.compare.tone_arc import ReviewTone

PREVIEW_PARAGRAPHS = 2
PREVIEW_CHARS = 600
PREVIEW_ARC_WIDTH = 40
SPOILER_HIDDEN = "(spoiler hidden)"
OPENING_PENDING = "(checking the opening for spoilers…)"
OPENING_READING = "(reading the review…)"
"""Shown while the text of a review listed from the imports summary is read."""

Hides = Callable[[str], bool]
"""Paragraph id -> whether spoiler-free mode hides that paragraph now."""


def preview_text(review: Review | None, tone: ReviewTone | None = None,
                 hides: Hides | None = None) -> Text:
    """The preview as one ``Text`` (untrusted strings never reach markup).

    ``tone`` None means not scored yet. ``hides`` says which paragraphs to leave out of the
    opening lines; None means that is not known yet, and no paragraph is shown.
    """
    if review is None:
        return Text("No review matches the filter. Press escape to clear it.", style="italic")
    text = Text()
    text.append(labels.headline(review), style="bold")
    text.append("\n")
    text.append(labels.byline(review), style="dim")
    text.append("\n")
    text.append_text(tone_line(tone))
    text.append("\n")
    notes = [labels.length_label(review)]
    if is_loaded(review):  # else these wait for its text (the browse screen reads it)
        if review.comments:
            notes.append(f"{len(review.comments)} reader comments")
        if review.sections:
            notes.append("sections: " + ", ".join(one_line(s.label) for s in review.sections))
        if any(p.spoiler_warning for p in review.paragraphs):
            notes.append("has a spoiler warning")
    text.append(" · ".join(notes), style="dim")
    if review.verdict:
        text.append("\n\n")
        text.append("Verdict: ", style="bold")
        text.append(labels.verdict_label(review), style="italic")
    opening = opening_text(review, hides)
    if opening.plain:
        text.append("\n\n")
        text.append_text(opening)
    return text


def tone_line(tone: ReviewTone | None) -> Text:
    """``Tone: positive +0.69 · 13 words for, 2 against · ▂▅█▅`` (the arc, one block per
    paragraph up to ``PREVIEW_ARC_WIDTH``)."""
    line = Text(end="")
    line.append("Tone: ", style="bold")
    if tone is None:
        line.append("…", style="dim")
        return line
    line.append_text(tone_label(tone))
    line.append(f" · {tone_reason(tone)} · ", style="dim")
    line.append_text(tone_spark(tone, PREVIEW_ARC_WIDTH))
    return line


def opening_text(review: Review, hides: Hides | None) -> Text:
    """The first paragraphs, cut near ``PREVIEW_CHARS``; a hidden one is only named."""
    if not is_loaded(review):
        return Text(OPENING_READING, style="dim italic", end="")
    if not review.paragraphs:
        return Text(text_problem(review) or "", style="italic", end="")
    if hides is None:
        return Text(OPENING_PENDING, style="dim italic", end="")
    opening = Text(end="")
    room = PREVIEW_CHARS
    for paragraph in review.paragraphs[:PREVIEW_PARAGRAPHS]:
        if room <= 0:
            break
        if opening.plain:
            opening.append(" ")
        if hides(paragraph.id):
            opening.append(SPOILER_HIDDEN, style="dim italic")
            continue
        words = one_line(paragraph.text)
        if len(words) > room:
            opening.append(words[:room].rsplit(" ", 1)[0] + " …")
            break
        opening.append(words)
        room -= len(words) + 1
    return opening


class ReviewPreview(Widget):
    """Shows ``preview_text`` for the highlighted review.

    As tall as its pane (a longer preview is cut; the reader shows the whole review), and
    repainted, never laid out, when the review changes: a cursor move costs one frame, not a
    cascade of size changes that a quick next key had to wait behind."""

    DEFAULT_CSS = """
    ReviewPreview {
        padding: 0 1;
        height: 100%;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._shown = Text()

    def render(self) -> Text:
        return self._shown

    def show_review(self, review: Review | None, tone: ReviewTone | None = None,
                    hides: Hides | None = None) -> None:
        self._shown = preview_text(review, tone, hides)
        self.refresh()
