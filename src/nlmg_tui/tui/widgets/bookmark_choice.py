"""A small modal list: pick one of some labelled choices (a tag, a critic, a paragraph).

Answers the chosen id, or None when cancelled. Labels are ``Text`` (untrusted text inside).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from nlmg_tui.corpus.models import Review
from nlmg_tui.tui.widgets.bookmark_list import shorten
from nlmg_tui.tui.widgets.bookmark_marks import paragraph_label
from nlmg_tui.tui.widgets.dialog import ListDialog


class ChoicePicker(ListDialog[str]):
    """Lists ``choices`` (id, label); j/k/arrows move, enter picks, escape cancels."""

    DEFAULT_CSS = """
    ChoicePicker OptionList {
        max-height: 20;
    }
    """

    def __init__(self, title: str, choices: Sequence[tuple[str, Text]], *,
                 current: str | None = None, hint: str = "") -> None:
        super().__init__(title)
        self.choices = tuple(choices)
        self.current = current
        self.hint = hint

    @property
    def picker_title(self) -> str:
        return str(self.dialog_title)

    def compose_dialog(self) -> ComposeResult:
        if self.hint:
            yield Static(Text(self.hint), classes="dialog-hint")
        yield OptionList(*(Option(label, id=key) for key, label in self.choices),
                         markup=False)
        yield Static(Text("enter picks · escape cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.highlight_first(self.current)

    def picked(self, option_id: str | None) -> str | None:
        return option_id


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
