"""A one-line row of pane names for a ContentSwitcher: lighter to start than TabbedContent."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static

GAP = "   "


class PaneTabs(Static):
    """Pane names in one line; the active one is marked ``▸``, bold and underlined (no colour
    needed). Clicking a name posts ``PaneChosen``."""

    DEFAULT_CSS = """
    PaneTabs {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    """

    class PaneChosen(Message):
        def __init__(self, pane_id: str) -> None:
            super().__init__()
            self.pane_id = pane_id

    def __init__(self, panes: dict[str, str], active: str, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.panes = panes
        self.active = active
        self._spans: list[tuple[int, int, str]] = []
        self.show_active(active)

    def show_active(self, pane_id: str) -> None:
        self.active = pane_id
        text = Text()
        self._spans = []
        for index, (pid, label) in enumerate(self.panes.items()):
            if index:
                text.append(GAP)
            start = len(text)
            if pid == pane_id:
                text.append("▸ " + label, style="bold underline")
            else:
                text.append("  " + label, style="dim")
            self._spans.append((start, len(text), pid))
        self.update(text)

    def on_click(self, event: events.Click) -> None:
        x = event.x - 1  # left padding
        for start, end, pane_id in self._spans:
            if start <= x < end:
                event.stop()
                self.post_message(self.PaneChosen(pane_id))
