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
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from nlmg_tui.corpus.mentions import EntityMentions
from nlmg_tui.library.watchlist import MAX_TITLE_CHARS
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


class AddFilmDialog(ModalScreen[tuple[str, int | None] | None]):
    """Type a title (enter adds it) or move down to the suggestions (enter adds that film)."""

    BINDINGS = [
        Binding("down", "focus_suggestions", "Suggestions", id="add_film.suggestions"),
        Binding("escape", "cancel", "Cancel", id="add_film.cancel"),
    ]

    DEFAULT_CSS = """
    AddFilmDialog {
        align: center middle;
    }
    AddFilmDialog > Vertical {
        width: 90;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        border: round $accent;
        border-title-align: center;
        background: $surface;
        padding: 0 1;
    }
    AddFilmDialog OptionList {
        height: auto;
        max-height: 14;
    }
    AddFilmDialog .dialog-hint {
        color: $text-muted;
    }
    """

    def __init__(self, films: Sequence[EntityMentions], on_list: set[str]) -> None:
        """``films``: suggestions, best first; ``on_list``: entity ids already on the list."""
        super().__init__()
        self.films = tuple(films)
        self.on_list = set(on_list)
        self.shown: list[EntityMentions] = list(self.films)

    def compose(self) -> ComposeResult:
        with Vertical() as dialog:
            dialog.border_title = "Add a film to the watchlist"
            yield Input(placeholder="any title, e.g. Solaris (1972)", id="film-title",
                        max_length=MAX_TITLE_CHARS)
            yield Static(Text("Films the reviews name (↓ to choose):"), classes="dialog-hint")
            yield OptionList(id="film-suggestions", markup=False)
            yield Static(Text("enter adds · escape cancels"), classes="dialog-hint")
        yield Footer(compact=True)

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

    @on(OptionList.OptionSelected, "#film-suggestions")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        film = next(f for f in self.shown if f.entity.id == event.option_id)
        self.dismiss((film.entity.name, film.entity.year))

    def action_focus_suggestions(self) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            options.focus()
            if options.highlighted is None:
                options.highlighted = 0

    def action_cancel(self) -> None:
        self.dismiss(None)
