"""The comparison header: the two reviews' critic, outlet, date, length, tone arc beside the
rating, verdict and topics."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from rich.text import Text

from nlmg_tui.compare.tone_arc import ReviewTone
from nlmg_tui.corpus import labels
from nlmg_tui.corpus.gazetteer import Entity
from nlmg_tui.corpus.models import Review
from nlmg_tui.tui.tone_badge import tone_label, tone_spark

ARC_WIDTH = 10
"""Sparkline columns: with the tone label and "no rating" this fits a pane at 80 columns."""


def arc_block(count: int, width: int, index: int) -> int:
    """Which of ``width`` sparkline blocks draws paragraph ``index`` of ``count`` (the runs of
    ``tone_arc.sparkline`` when the review is longer than the sparkline)."""
    if count <= width:
        return index
    bounds = [round(i * count / width) for i in range(width + 1)]
    return min(max(bisect_right(bounds, index) - 1, 0), width - 1)


def tone_line(review: Review, tone: ReviewTone | None, *, cursor: int | None = None,
              waiting: str = "reading…") -> Text:
    """``▃▄▆▅▄  positive +0.42 · 4/5``: the paragraph arc (padded, so both sides' labels line
    up), the overall tone and the rating. ``cursor`` (a paragraph index) shows reversed.
    ``waiting`` stands in while ``tone`` is None."""
    rating = labels.rating_label(review) or "no rating"
    text = Text(end="")
    if tone is None:
        text.append(f"tone {waiting}", style="dim")
    elif not tone.arc:
        text.append("no paragraphs to read a tone from", style="dim")
    else:
        spark = tone_spark(tone, ARC_WIDTH)
        if cursor is not None and 0 <= cursor < len(tone.arc):
            block = arc_block(len(tone.arc), ARC_WIDTH, cursor)
            spark.stylize("reverse", block, block + 1)
        text.append_text(spark)
        text.append(" " * (ARC_WIDTH - len(spark)) + " ")
        text.append_text(tone_label(tone))
    text.append(" · ")
    text.append(rating, style="bold" if labels.rating_label(review) else "dim")
    return text


def side_header(review: Review, side: str, topics: Sequence[Entity] | None,
                other_topics: Sequence[Entity] | None, tone: ReviewTone | None = None, *,
                arc_cursor: int | None = None, tone_waiting: str = "reading…") -> Text:
    """Five lines for one side. ``topics`` and ``tone`` are None while they are being read.

    The topics line gives the count, then those the other review does not cover (``only
    here:``), then the shared ones.
    """
    text = Text()
    text.append("◀ LEFT  " if side == "left" else "RIGHT ▶  ", style="bold reverse")
    text.append(f" {labels.short_id(review.id)} ", style="dim")
    text.append(labels.short_title(review), style="bold")
    text.append("\n")
    facts = [labels.date_label(review), labels.length_label(review)]
    text.append(" · ".join(f for f in facts if f), style="dim")
    text.append("\n")
    text.append_text(tone_line(review, tone, cursor=arc_cursor, waiting=tone_waiting))
    text.append("\n")
    verdict = labels.verdict_label(review)
    text.append(labels.quoted(verdict) if verdict else "no verdict line", style="italic")
    text.append("\n")
    text.append("Topics: ", style="bold")
    if topics is None:
        text.append("reading…", style="dim")
    elif not topics:
        text.append("none found", style="dim")
    else:
        other = {topic.id for topic in other_topics or ()}
        only = [t.slug for t in topics if t.id not in other]
        shared = [t.slug for t in topics if t.id in other]
        text.append(f"{len(topics)}")
        if only:  # what sets this review apart comes first: the line may be cut
            text.append(" · only here: ", style="bold")
            text.append(", ".join(only))
        if shared:
            text.append(" · shared: ", style="bold")
            text.append(", ".join(shared))
    return text
