"""Adding a film: type any title, or pick one of the films the reviews name.

Answers ``(title, year)`` (year None when unknown), or None when cancelled. A typed title may
end with a year in brackets: ``Solaris (1972)``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from nlmg_tui.corpus.mentions import EntityMentions
from nlmg_tui.library.watchlist import MAX_TITLE_CHARS
from nlmg_tui.tui.widgets.dialog import ListDialog
from nlmg_tui.tui.widgets.watchlist_films import suggestion_text

_YEAR_SUFFIX = re.compile(r"^(?P<title>.*\S)\s*\((?P<year>\d{4})\)\s*$")
SUGGESTION_MIN_SCORE = 60.0


def parse_title(line: str) -> tuple[str, int | None]:
    """``"Solaris (1972)"`` -> ``("Solaris", 1972)``; no year in brackets -> year None."""
    match = _YEAR_SUFFIX.match(line)
    if match:
        return match.group("title").strip(), int(match.group("year"))
    return line.strip(), None


def rank_suggestions(query: str, films: Sequence[EntityMentions]) -> list[EntityMentions]:
    """Films whose name is close to ``query`` (all of them, in order, for an empty query)."""
    folded = default_process(query[:MAX_TITLE_CHARS])
    if not folded:
        return list(films)
    scored = [(fuzz.WRatio(folded, default_process(f.entity.label)), i, f)
              for i, f in enumerate(films)]
    return [f for score, _, f in sorted(scored, key=lambda s: (-s[0], s[1]))
            if score >= SUGGESTION_MIN_SCORE]


class AddFilmDialog(ListDialog[tuple[str, int | None]]):
    """Type a title (enter adds it) or move down to the suggestions (enter adds that film).

    While the title box has the focus, ``q``, ``j`` and ``k`` are typed into it; ``↓`` moves
    to the suggestions, where j/k/arrows move and q or escape cancels.
    """

    BINDINGS = [
        Binding("down", "focus_suggestions", "Suggestions", id="add_film.suggestions"),
    ]

    SHOW_FOOTER = True

    DEFAULT_CSS = """
    AddFilmDialog OptionList {
        max-height: 14;
    }
    """

    def __init__(self, films: Sequence[EntityMentions], on_list: set[str]) -> None:
        """``films``: suggestions, best first; ``on_list``: entity ids already on the list."""
        super().__init__("Add a film to the watchlist")
        self.films = tuple(films)
        self.on_list = set(on_list)
        self.shown: list[EntityMentions] = list(self.films)

    def compose_dialog(self) -> ComposeResult:
        yield Input(placeholder="any title, e.g. Solaris (1972)", id="film-title",
                    max_length=MAX_TITLE_CHARS)
        yield Static(Text("Films the reviews name (↓ to choose):"), classes="dialog-hint")
        yield OptionList(id="film-suggestions", markup=False)
        yield Static(Text("enter adds · escape cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        self._show_suggestions()
        self.query_one(Input).focus()

    def _show_suggestions(self) -> None:
        options = self.query_one(OptionList)
        options.set_options(
            Option(suggestion_text(f, f.entity.id in self.on_list), id=f.entity.id)
            for f in self.shown)

    @on(Input.Changed, "#film-title")
    def _typed(self, event: Input.Changed) -> None:
        self.shown = rank_suggestions(event.value, self.films)
        self._show_suggestions()

    @on(Input.Submitted, "#film-title")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        title, year = parse_title(event.value)
        if title:
            self.dismiss((title, year))
        else:
            self.notify("Type a title, or pick a suggestion.", markup=False)

    def picked(self, option_id: str | None) -> tuple[str, int | None] | None:
        film = next((f for f in self.shown if f.entity.id == option_id), None)
        return (film.entity.name, film.entity.year) if film is not None else None

    def action_focus_suggestions(self) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            options.focus()
            if options.highlighted is None:
                options.highlighted = 0
