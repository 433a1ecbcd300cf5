"""The topic map's side panel: the highlighted cell in full, with how its tone was decided."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.text import Text

from nlmg_tui.compare.agreement import TopicCell, TopicRow
from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Review
from nlmg_tui.textsafety import one_line
from nlmg_tui.tui.widgets.spoiler_line import Hides, nothing_hidden, spoiler_line
from nlmg_tui.tui.widgets.topic_table import TONE_STYLES, tone_label


def quote_span(paragraph_text: str, quote: str) -> tuple[int, int] | None:
    """Where a topic-map quote (maybe cut with ``…``, spaces folded) sits in its paragraph."""
    words = one_line(quote).strip("…“” ").split()
    if not words:
        return None
    found = re.search(r"\s+".join(re.escape(word) for word in words), paragraph_text)
    return (found.start(), found.end()) if found else None


def cell_detail(row: TopicRow, cell: TopicCell | None, review: Review | None,
                hides: Hides = nothing_hidden) -> Text:
    """One critic on one topic: tone and why, the quote, where it is."""
    text = Text()
    text.append(one_line(row.topic.name), style="bold")
    critic = labels.review_name(review) if review else "?"
    text.append(f" — {critic}")
    if review is not None:
        where = [labels.short_id(review.id)]
        if labels.critic(review) and labels.outlet_name(review):
            where.append(labels.outlet_name(review))
        text.append(f" ({', '.join(where)})", style="dim")
    text.append("\n")
    if cell is None:
        text.append("Says nothing on this topic.", style="italic")
        return text
    text.append("Tone: ")
    text.append_text(tone_label(cell.tone.label))
    text.append("  decided by: ", style="bold")
    text.append(one_line(cell.tone.explanation()))
    text.append("\n")
    if hides(review, cell.paragraph_id):
        text.append_text(spoiler_line(hint="enter opens it behind its bar"))
    else:
        text.append(labels.quoted(cell.quote), style="italic")
    text.append("\n")
    sentences = f"{cell.sentences} sentence{'s' if cell.sentences != 1 else ''}"
    text.append(f"Paragraph {cell.paragraph_id} · tone read from {sentences} on this topic"
                " · enter opens it in the reader, b bookmarks the quote", style="dim")
    return text


def row_detail(row: TopicRow, reviews: Sequence[Review], hides: Hides = nothing_hidden) -> Text:
    """A whole topic: the consensus and how it was counted, then each critic's line."""
    text = Text()
    text.append(one_line(row.topic.name), style="bold")
    text.append(" — ")
    text.append(row.summary, style=TONE_STYLES[row.leading[0]])
    text.append(f" ({row.spread})", style="dim")
    by_id = {review.id: review for review in reviews}
    for cell in row.cells:
        review = by_id.get(cell.review_id)
        text.append("\n• ")
        text.append(labels.review_name(review) if review else cell.review_id, style="bold")
        text.append(": ")
        text.append_text(tone_label(cell.tone.label))
        if hides(review, cell.paragraph_id):
            text.append(" — ")
            text.append_text(spoiler_line())
        else:
            text.append(f" — {labels.quoted(cell.quote)}", style="italic")
        text.append(f" ({one_line(cell.tone.explanation())})", style="dim")
    return text
