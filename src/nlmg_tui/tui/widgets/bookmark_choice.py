"""A small modal list: pick one of some labelled choices (a tag, a critic, a paragraph).

Answers the chosen id, or None when cancelled. Labels are ``Text`` (untrusted text inside).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from nlmg_tui.corpus.models import Review
from nlmg_tui.tui.widgets.bookmark_list import shorten
from nlmg_tui.tui.widgets.bookmark_marks import paragraph_label


class ChoicePicker(ModalScreen[str | None]):
    """Lists ``choices`` (id, label); enter picks the highlighted one, escape cancels."""

    BINDINGS = [
        Binding("escape,q", "cancel", "Cancel", id="choice.cancel"),
        Binding("j", "cursor_down", "Down", show=False, id="choice.down"),
        Binding("k", "cursor_up", "Up", show=False, id="choice.up"),
    ]

    DEFAULT_CSS = """
    ChoicePicker {
        align: center middle;
    }
    ChoicePicker > Vertical {
        width: 90;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        border: round $accent;
        border-title-align: center;
        background: $surface;
        padding: 0 1;
    }
    ChoicePicker OptionList {
        height: auto;
        max-height: 20;
    }
    ChoicePicker .dialog-hint {
        color: $text-muted;
    }
    """

    def __init__(self, title: str, choices: Sequence[tuple[str, Text]], *,
                 current: str | None = None, hint: str = "") -> None:
        super().__init__()
        self.picker_title = title
        self.choices = tuple(choices)
        self.current = current
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            dialog.border_title = Text(self.picker_title)
            if self.hint:
                yield Static(Text(self.hint), classes="dialog-hint")
            yield OptionList(*(Option(label, id=key) for key, label in self.choices),
                             markup=False)
            yield Static(Text("enter picks · escape cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        keys = [key for key, _ in self.choices]
        if self.current in keys:
            options.highlighted = keys.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()


def paragraph_choices(review: Review) -> list[tuple[str, Text]]:
    """Each paragraph of ``review`` as ``¶ 3  first words…``."""
    choices = []
    for paragraph in review.paragraphs:
        label = Text()
        label.append(f"{paragraph_label(review, paragraph.id):>5}  ", style="bold")
        label.append(shorten(paragraph.text, 150))
        choices.append((paragraph.id, label))
    return choices


ALL = "*"
"""The choice id meaning "no filter"."""


def filter_choices(all_label: str, counts: list[tuple[str, int]],
                   prefix: str) -> list[tuple[str, Text]]:
    """``All …`` then each value with its count; ids are ``prefix + value``."""
    choices = [(ALL, Text(all_label, style="italic"))]
    choices += [(f"{prefix}{value}", Text(f"{prefix if prefix == '#' else ''}{value}  ({count})"))
                for value, count in counts]
    return choices


def chosen_value(key: str) -> str | None:
    """The value of a ``filter_choices`` id (None for ``All``)."""
    return None if key == ALL else key[1:]
