"""The comparison header: the two reviews' critic, outlet, date, rating, verdict, length, topics."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from nlmg_tui.corpus.gazetteer import Entity
from nlmg_tui.corpus.models import Review
from nlmg_tui.tui import review_labels


def side_header(review: Review, side: str, topics: Sequence[Entity] | None,
                other_topics: Sequence[Entity] | None) -> Text:
    """Four lines for one side. ``topics`` is None while they are being read.

    The topics line gives the count, then those the other review does not cover (``only
    here:``), then the shared ones.
    """
    text = Text()
    text.append("◀ LEFT  " if side == "left" else "RIGHT ▶  ", style="bold reverse")
    text.append(f" {review.id.split('_')[0]} ", style="dim")  # tells two unnamed critics apart
    text.append(review_labels.critic_name(review), style="bold")
    text.append(f" · {review_labels.outlet_name(review)}")
    text.append("\n")
    facts = [review_labels.date_label(review), review_labels.rating_label(review) or "no rating",
             review_labels.length_label(review)]
    text.append(" · ".join(facts), style="dim")
    text.append("\n")
    verdict = review_labels.verdict_label(review)
    text.append(f"“{verdict}”" if verdict else "no verdict line", style="italic")
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
