"""The help screen (``?``): every key of the screen below, grouped."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from nlmg_tui.tui.key_help import KeyHelp
from nlmg_tui.tui.widgets.dialog import DialogScreen


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


class HelpScreen(DialogScreen[None]):
    """Lists the keys it is given; escape, q or ? close it; j/k/arrows scroll."""

    BINDINGS = [
        Binding("escape,q,question_mark", "cancel", "Close help", id="help.close"),
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="help.down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="help.up"),
    ]

    DEFAULT_CSS = """
    HelpScreen > .dialog-frame {
        width: 64;
    }
    HelpScreen VerticalScroll {
        height: auto;
        max-height: 80vh;
    }
    HelpScreen #help-close {
        margin: 1 0 0 0;
    }
    """

    def __init__(self, title: str, groups: list[tuple[str, list[KeyHelp]]]) -> None:
        super().__init__(f"Keys: {title}")
        self.help_title = title
        self.groups = groups

    def compose_dialog(self) -> ComposeResult:
        with VerticalScroll(id="help-scroll"):
            yield Static(help_table(self.groups), id="help-keys")
        yield Static(Text("escape, q or ? closes this help"), id="help-close",
                     classes="dialog-hint")

    def action_scroll_down(self) -> None:
        self.query_one("#help-scroll", VerticalScroll).scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.query_one("#help-scroll", VerticalScroll).scroll_up(animate=False)
