"""The help screen (``?``): every key of the screen below, grouped."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from nlmg_tui.tui.key_help import KeyHelp


def help_table(groups: list[tuple[str, list[KeyHelp]]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", no_wrap=True)
    table.add_column()
    for index, (group, entries) in enumerate(groups):
        if index:
            table.add_row("", "")
        table.add_row(Text(""), Text(group, style="bold underline"))
        for entry in entries:
            table.add_row(Text(" ".join(entry.keys), style="bold"), Text(entry.description))
    return table


class HelpScreen(ModalScreen[None]):
    """Lists the keys it is given; escape, q or ? close it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close help", id="help.close"),
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="help.down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="help.up"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > Vertical {
        width: 64;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        border: round $accent;
        border-title-align: center;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen VerticalScroll {
        height: auto;
        max-height: 80vh;
    }
    HelpScreen #help-close {
        color: $text-muted;
        margin: 1 0 0 0;
    }
    """

    def __init__(self, title: str, groups: list[tuple[str, list[KeyHelp]]]) -> None:
        super().__init__()
        self.help_title = title
        self.groups = groups

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            dialog.border_title = f"Keys: {self.help_title}"
            with VerticalScroll(id="help-scroll"):
                yield Static(help_table(self.groups), id="help-keys")
            yield Static(Text("escape, q or ? closes this help"), id="help-close")

    def action_close(self) -> None:
        self.dismiss()

    def action_scroll_down(self) -> None:
        self.query_one("#help-scroll", VerticalScroll).scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.query_one("#help-scroll", VerticalScroll).scroll_up(animate=False)
