"""The note a screen shows instead of its layout when the terminal is too small for it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class TooSmallNote(Static):
    """Hidden until the screen adds the ``-too-small`` class (see ``AppScreen``)."""

    DEFAULT_CSS = """
    TooSmallNote {
        display: none;
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        text-align: center;
    }
    """

    def show_sizes(self, width: int, height: int, min_width: int, min_height: int) -> None:
        self.update(
            Text(
                f"Terminal too small ({width}x{height}).\n"
                f"This screen needs {min_width}x{min_height}; enlarge the window.\n"
                "Nothing is lost meanwhile; q goes back.",
                justify="center",
            )
        )
