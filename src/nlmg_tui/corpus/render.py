"""Rich renderables for a review (CLI output). Untrusted text only ever enters ``Text``."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Review
from nlmg_tui.textsafety import one_line, strip_unsafe


def byline(review: Review) -> Text:
    return Text(labels.byline(review), style="dim")


def review_renderable(
    review: Review,
    hidden: Mapping[str, str] | None = None,
    hidden_line: Callable[[Review, str, str], Text] | None = None,
) -> RenderableType:
    """The review for a terminal; paragraphs in ``hidden`` (id -> spoiler level) are shown only
    as ``hidden_line(review, id, level)``."""
    hidden = hidden or {}
    items: list[RenderableType] = [
        Text(labels.headline(review), style="bold"),
        byline(review),
    ]
    if review.verdict:
        items.append(Padding(Text(one_line(review.verdict), style="italic"), (1, 0, 0, 2)))
    items.append(Rule(style="dim"))
    section = None
    for paragraph in review.paragraphs:
        if paragraph.section != section:
            section = paragraph.section
            if section:
                items.append(Text(one_line(section), style="bold underline"))
        if paragraph.id in hidden and hidden_line is not None:
            items.append(Padding(hidden_line(review, paragraph.id, hidden[paragraph.id]), (0, 0, 1, 0)))
            continue
        text = Text(strip_unsafe(paragraph.text))
        if paragraph.spoiler_warning:
            items.append(Panel(text, title="spoiler warning", title_align="left"))
        elif paragraph.section:
            items.append(Padding(text, (0, 0, 1, 2)))
        else:
            items.append(Padding(text, (0, 0, 1, 0)))
    if review.comments:
        items.append(Rule(f"{len(review.comments)} reader comments", style="dim"))
        for comment in review.comments:
            items.append(Text(one_line(f"{comment.number}. {comment.author or 'anonymous'}"),
                              style="bold"))
            for part in comment.parts:
                if part.kind == "quote":
                    label = f"quoting #{part.quotes_comment}: " if part.quotes_comment else "quote: "
                    items.append(Padding(Text(label + strip_unsafe(part.text), style="italic"),
                                         (0, 0, 0, 4)))
                else:
                    items.append(Padding(Text(strip_unsafe(part.text)), (0, 0, 1, 2)))
    return Group(*items)
