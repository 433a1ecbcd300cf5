"""The browse screen's preview: headline, byline, verdict and the first lines of a review."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from nlmg_tui.corpus.models import Review
from nlmg_tui.textsafety import one_line
from nlmg_tui.tui import review_labels

PREVIEW_PARAGRAPHS = 2
PREVIEW_CHARS = 600


def preview_text(review: Review | None) -> Text:
    """The preview as one ``Text`` (untrusted strings never reach markup)."""
    if review is None:
        return Text("No review matches the filter. Press escape to clear it.", style="italic")
    text = Text()
    text.append(review_labels.headline(review), style="bold")
    text.append("\n")
    text.append(review_labels.byline(review), style="dim")
    text.append("\n")
    notes = [review_labels.length_label(review)]
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
        text.append(review_labels.verdict_label(review), style="italic")
    opening = " ".join(one_line(p.text) for p in review.paragraphs[:PREVIEW_PARAGRAPHS])
    if opening:
        if len(opening) > PREVIEW_CHARS:
            opening = opening[:PREVIEW_CHARS].rsplit(" ", 1)[0] + " …"
        text.append("\n\n")
        text.append(opening)
    return text


class ReviewPreview(Static):
    """Shows ``preview_text`` for the highlighted review."""

    DEFAULT_CSS = """
    ReviewPreview {
        padding: 0 1;
    }
    """

    def show_review(self, review: Review | None) -> None:
        self.update(preview_text(review))
