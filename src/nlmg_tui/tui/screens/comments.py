"""Reader comments as a thread: each reply's quotes name the comment they answer."""

from __future__ import annotations

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Review
from nlmg_tui.tui.screens.base import AppScreen
from nlmg_tui.tui.widgets.comment_view import CommentView, author_name, quoted_numbers

MOVE = Binding.Group("Move")


class CommentsScreen(AppScreen):
    """The comments of one review, with a cursor; ``enter`` follows a quote to its comment."""

    MIN_SIZE = (30, 8)
    HELP_TITLE = "Comments"

    BINDINGS = [
        Binding("j,down", "next_comment", "Next comment", group=MOVE, id="comments.down"),
        Binding("k,up", "previous_comment", "Previous comment", group=MOVE, id="comments.up"),
        Binding("g,home", "first_comment", "First comment", group=MOVE, show=False,
                id="comments.first"),
        Binding("G,end", "last_comment", "Last comment", group=MOVE, show=False,
                id="comments.last"),
        Binding("enter,greater_than_sign", "follow_quote", "Go to quoted comment",
                id="comments.follow_quote"),
        Binding("backspace,less_than_sign", "jump_back", "Back to the reply",
                id="comments.jump_back"),
        Binding("q,escape", "back", "Back", id="comments.back"),
    ]

    KEY_GROUPS = {
        "Move": ("next_comment", "previous_comment", "first_comment", "last_comment"),
        "Thread": ("follow_quote", "jump_back", "back"),
    }

    cursor: reactive[int] = reactive(0, init=False)
    body = getters.query_one("#comments-body", VerticalScroll)

    def __init__(self, review: Review, comment_number: int | None = None) -> None:
        super().__init__()
        self.review = review
        self.authors = {c.number: author_name(c) for c in review.comments}
        self.jump_history: list[int] = []
        """Cursor positions to return to with ``<``, newest last."""
        self._next_quote: dict[int, int] = {}
        """For a comment quoting several others: which quote ``enter`` follows next."""
        self.set_reactive(CommentsScreen.cursor, self._index_of(comment_number) or 0)

    def _index_of(self, number: int | None) -> int | None:
        for index, comment in enumerate(self.review.comments):
            if comment.number == number:
                return index
        return None

    def compose(self) -> ComposeResult:
        title = Text()
        title.append(f"{len(self.review.comments)} reader comments", style="bold")
        title.append(" on ")
        title.append(labels.headline(self.review), style="italic")
        title.append("\n")
        title.append(labels.byline(self.review), style="dim")
        yield Static(title, id="comments-header", classes="screen-title")
        with VerticalScroll(id="comments-body", can_focus=False):
            if not self.review.comments:
                yield Static(Text("This review has no reader comments.", style="italic"))
            for index, comment in enumerate(self.review.comments):
                yield CommentView(comment, index, self.authors)
        yield Static(id="comments-status")
        yield from self.bottom_bars()

    def on_mount(self) -> None:
        self._show_cursor()

    @property
    def views(self) -> list[CommentView]:
        return list(self.query(CommentView))

    @property
    def current_comment_number(self) -> int | None:
        comments = self.review.comments
        return comments[self.cursor].number if comments else None

    def watch_cursor(self) -> None:
        self._show_cursor()

    def _show_cursor(self) -> None:
        views = self.views
        for view in views:
            view.set_class(view.index == self.cursor, "-cursor")
        self._show_status()
        if views:
            self.call_after_refresh(self.body.scroll_to_widget, views[self.cursor],
                                    animate=False, top=False)

    def _show_status(self) -> None:
        status = Text()
        comments = self.review.comments
        if comments:
            comment = comments[self.cursor]
            status.append(f"#{comment.number} · {self.cursor + 1} of {len(comments)}")
            quoted = quoted_numbers(comment)
            if quoted:
                status.append(" · quotes " + ", ".join(f"#{n}" for n in quoted) + " (enter)")
            if self.jump_history:
                back_to = comments[self.jump_history[-1]].number
                status.append(f" · < back to #{back_to}")
        self.query_one("#comments-status", Static).update(status)

    @on(CommentView.Clicked)
    def _comment_clicked(self, message: CommentView.Clicked) -> None:
        self.cursor = message.index

    def _move_to(self, index: int) -> None:
        if self.review.comments:
            self.cursor = min(max(index, 0), len(self.review.comments) - 1)

    def action_next_comment(self) -> None:
        self._move_to(self.cursor + 1)

    def action_previous_comment(self) -> None:
        self._move_to(self.cursor - 1)

    def action_first_comment(self) -> None:
        self._move_to(0)

    def action_last_comment(self) -> None:
        self._move_to(len(self.review.comments) - 1)

    def action_follow_quote(self) -> None:
        """Jump to the comment the current one quotes (several quotes: each in turn)."""
        if not self.review.comments:
            return
        comment = self.review.comments[self.cursor]
        targets = [n for n in quoted_numbers(comment) if self._index_of(n) is not None]
        if not targets:
            self.notify("This comment quotes no other comment here.", markup=False)
            return
        turn = self._next_quote.get(comment.number, 0)
        self._next_quote[comment.number] = turn + 1
        target = self._index_of(targets[turn % len(targets)])
        assert target is not None
        self.jump_history.append(self.cursor)
        self.cursor = target
        self._show_status()

    def action_jump_back(self) -> None:
        if not self.jump_history:
            self.notify("No jump to go back from.", markup=False)
            return
        self.cursor = self.jump_history.pop()
        self._show_status()
