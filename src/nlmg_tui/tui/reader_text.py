"""The reader's header and status lines, as ``Text`` built from plain strings (no markup)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Review
from nlmg_tui.tui.tone_badge import tone_for, tone_label, tone_spark

ARC_WIDTH = 30
"""The header's tone arc: one block per paragraph up to this many, else averaged."""


def reader_header(review: Review, cursor: int) -> Text:
    """Headline; byline with the rating and the overall tone; the tone arc, one block per
    paragraph (the cursor's block reversed) when they fit."""
    text = Text()
    text.append(labels.headline(review), style="bold")
    text.append("\n")
    text.append(labels.byline(review), style="dim")
    if review.paragraphs:
        tone = tone_for(review)
        text.append(" · tone ", style="dim")
        text.append_text(tone_label(tone))
        spark = tone_spark(tone, ARC_WIDTH)
        if len(tone.arc) <= ARC_WIDTH:
            spark.stylize("reverse", cursor, cursor + 1)
        text.append("  ")
        text.append_text(spark)
    return text


def reader_status(review: Review, cursor: int, order: Sequence[str], hidden: int) -> Text:
    """``¶ 3/14  ■■□… 21% read · review 2 of 5 · 4 comments (c) · 1 spoiler ¶ hidden``."""
    paragraphs = review.paragraphs
    status = Text()
    if paragraphs:
        total = sum(len(p.text.split()) for p in paragraphs) or 1
        done = sum(len(p.text.split()) for p in paragraphs[: cursor + 1])
        percent = round(100 * done / total)
        filled = round(percent / 10)
        status.append(f"¶ {cursor + 1}/{len(paragraphs)}  ")
        status.append("■" * filled + "□" * (10 - filled))
        status.append(f" {percent}% read")
    if review.id in order:
        status.append(f" · review {list(order).index(review.id) + 1} of {len(order)}")
    if review.comments:
        status.append(f" · {len(review.comments)} comments (c)")
    if hidden:
        status.append(f" · {hidden} spoiler ¶ hidden (s, S)")
    return status
