"""One reader comment: number, author, own words, and the passages it quotes."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static

from nlmg_tui.corpus.models import Comment, CommentPart
from nlmg_tui.textsafety import one_line, strip_unsafe

QUOTE_BAR = "▌ "


def quoted_numbers(comment: Comment) -> list[int]:
    """The comment numbers this comment quotes, first quote first, without repeats."""
    numbers = [p.quotes_comment for p in comment.parts if p.kind == "quote"]
    numbers += [q.comment_number for q in comment.quotes]
    seen: list[int] = []
    for number in numbers:
        if number is not None and number not in seen:
            seen.append(number)
    return seen


def comment_parts(comment: Comment) -> tuple[CommentPart, ...]:
    """The comment in reading order; older data without ``parts`` is rebuilt from quotes+text."""
    if comment.parts:
        return comment.parts
    quotes = tuple(CommentPart("quote", q.text, q.comment_number) for q in comment.quotes)
    return quotes + ((CommentPart("text", comment.text),) if comment.text else ())


def author_name(comment: Comment) -> str:
    return one_line(comment.author or "") or "anonymous"


def comment_text(comment: Comment, authors: Mapping[int, str]) -> Text:
    """``authors`` maps comment numbers to author names, to say whose words a quote are."""
    text = Text()
    text.append(f"#{comment.number} ", style="bold")
    text.append(author_name(comment), style="bold")
    replies_to = quoted_numbers(comment)
    if replies_to:
        text.append("  ↩ replies to " + ", ".join(f"#{n}" for n in replies_to), style="dim")
    for part in comment_parts(comment):
        text.append("\n")
        body = strip_unsafe(part.text).strip()
        if part.kind == "quote":
            number = part.quotes_comment
            if number is None:
                who = "an earlier comment"
            else:
                who = f"#{number} {authors.get(number, '(a comment not shown)')}"
            text.append(QUOTE_BAR + f"quoting {who}:", style="italic dim")
            for line in body.splitlines() or [""]:
                text.append("\n" + QUOTE_BAR, style="dim")
                text.append(line, style="italic")
        else:
            text.append(body)
    return text


class CommentView(Static):
    """A comment; the comments screen gives the cursor comment the ``-cursor`` class."""

    DEFAULT_CSS = """
    CommentView {
        padding: 0 1;
        margin: 0 0 1 0;
        border-left: blank;
    }
    CommentView.-cursor {
        border-left: outer $accent;
        background: $boost;
    }
    """

    class Clicked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, comment: Comment, index: int, authors: Mapping[int, str]) -> None:
        super().__init__(comment_text(comment, authors))
        self.comment = comment
        self.index = index

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self.index))
