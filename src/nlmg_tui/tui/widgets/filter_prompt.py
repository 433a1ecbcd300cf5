"""The browse screen's filter box before its first use: one line of text in its place.

A Textual ``Input`` is the heaviest widget of the first screen (its styles, its cursor
timer), and most launches never filter. ``FilterPrompt`` shows the box's placeholder where the
box will be; ``f`` or a click swaps the real ``Input`` in (see ``BrowseScreen.filter_box``).
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static


class FilterPrompt(Static):
    """The placeholder, styled as the empty compact box it stands for."""

    DEFAULT_CSS = """
    FilterPrompt {
        background: $surface;
        color: $text-muted;
        padding: 0 1;
    }
    FilterPrompt:hover {
        background: $surface-lighten-1;
    }
    """

    class Wanted(Message):
        """Clicked: the screen mounts the real box and focuses it."""

    def __init__(self, placeholder: str, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(Text(placeholder, end=""), id=id)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Wanted())
