"""The Watchlist screen: films to watch, watched (with the date) and rated, with notes.

Suggestions come from the films the reviews name (``film_suggestions``); any title can be
added. Enter shows the passages that mention the highlighted film. Every change goes through
the library and is on disk when the screen says so; another instance's changes are picked up
by a timer.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from nlmg_tui.corpus.mentions import film_suggestions
from nlmg_tui.corpus.models import Corpus
from nlmg_tui.library.watchlist import WatchlistEntry
from nlmg_tui.textsafety import one_line, strip_unsafe
from nlmg_tui.tui.screens.library_list import LibraryListScreen
from nlmg_tui.tui.widgets.bookmark_library import (
    LIBRARY_SCREEN_CSS,
    app_library,
    library_call,
    read_only_note,
    show_banner,
)
from nlmg_tui.tui.widgets.note_editor import LinePrompt, NoteEditor
from nlmg_tui.tui.widgets.watchlist_add import AddFilmDialog
from nlmg_tui.tui.widgets.watchlist_films import (
    film_mentions,
    mention_index,
    rating_stars,
    watchlist_row_text,
)

MOVE = Binding.Group("Move")

class WatchlistScreen(LibraryListScreen):
    """Lists the watchlist, oldest first."""

    EDIT_ACTIONS = frozenset({"add_film", "remove_film", "undo_remove", "mark_watched",
                              "mark_want", "rate", "edit_note"})

    MIN_SIZE = (50, 12)
    HELP_TITLE = "Watchlist"
    AUTO_FOCUS = "#watchlist"

    BINDINGS = [
        Binding("a", "add_film", "Add film…", id="watchlist.add"),
        Binding("w", "mark_watched", "Watched…", id="watchlist.watched"),
        Binding("m", "mark_want", "Want to watch", show=False, id="watchlist.want"),
        Binding("r", "rate", "Rate…", id="watchlist.rate"),
        Binding("n", "edit_note", "Note", id="watchlist.note"),
        Binding("enter,o", "show_passages", "Passages", id="watchlist.passages"),
        Binding("d,delete", "remove_film", "Remove", id="watchlist.remove"),
        Binding("u", "undo_remove", "Undo remove", show=False, id="watchlist.undo"),
        Binding("j,down", "cursor_down", "Down", group=MOVE, show=False, id="watchlist.down"),
        Binding("k,up", "cursor_up", "Up", group=MOVE, show=False, id="watchlist.up"),
        Binding("g,home", "cursor_first", "First", group=MOVE, show=False,
                id="watchlist.first"),
        Binding("G,end", "cursor_last", "Last", group=MOVE, show=False, id="watchlist.last"),
        Binding("q,escape", "back", "Back", id="watchlist.back"),
    ]

    DEFAULT_CSS = LIBRARY_SCREEN_CSS

    KEY_GROUPS = {
        "Film": ("add_film", "mark_watched", "mark_want", "rate", "edit_note", "show_passages",
                 "remove_film", "undo_remove"),
        "Move": ("cursor_down", "cursor_up", "cursor_first", "cursor_last"),
    }

    option_list = getters.query_one("#watchlist", OptionList)

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        self.entries: list[WatchlistEntry] = []
        self.removed: list[WatchlistEntry] = []

    def compose(self) -> ComposeResult:
        yield Static(id="watchlist-title", classes="screen-title")
        yield Static(id="watchlist-banner", classes="library-banner")
        yield OptionList(id="watchlist", classes="library-list", markup=False)
        with VerticalScroll(id="watchlist-detail-pane", classes="library-detail"):
            yield Static(id="watchlist-detail")
        yield from self.bottom_bars()

    # -- showing -------------------------------------------------------------------------

    def reload(self, keep: str | None = None) -> None:
        entries = library_call(self, lambda library: library.watchlist())
        self.entries = entries if entries is not None else []
        self.read_only = read_only_note(app_library(self), "watchlist")
        show_banner(self.query_one("#watchlist-banner", Static), self.read_only)
        self.refresh_bindings()
        self.refresh_list(keep)

    def refresh_list(self, keep: str | None = None) -> None:
        options = self.option_list
        if keep is None and options.highlighted_option is not None:
            keep = options.highlighted_option.id
        old_index = options.highlighted or 0
        index = mention_index(self.corpus)
        content: list[Option | None] = []
        for entry in self.entries:
            mentions = film_mentions(index, entry.title, entry.year)
            content += [Option(watchlist_row_text(entry, mentions), id=entry.id), None]
        options.set_options(content)
        ids = [entry.id for entry in self.entries]
        if ids:
            options.highlighted = ids.index(keep) if keep in ids else min(old_index, len(ids) - 1)
        watched = sum(1 for e in self.entries if e.status == "watched")
        title = Text("Watchlist", style="bold")
        title.append(f" · {len(self.entries)} film{'s' if len(self.entries) != 1 else ''}"
                     f" · {watched} watched")
        self.query_one("#watchlist-title", Static).update(title)
        self._show_detail()

    @property
    def highlighted_entry(self) -> WatchlistEntry | None:
        option = self.option_list.highlighted_option
        if option is None:
            return None
        return next((e for e in self.entries if e.id == option.id), None)

    def _show_detail(self) -> None:
        detail = self.query_one("#watchlist-detail", Static)
        entry = self.highlighted_entry
        if entry is None:
            detail.update(Text("Your watchlist is empty. a adds a film: any title, or one of "
                               "the films the critics bring up."))
            return
        text = Text()
        text.append(one_line(entry.title), style="bold")
        if entry.year:
            text.append(f" ({entry.year})")
        status = (f"watched on {entry.watched_on}" if entry.status == "watched"
                  else "want to watch")
        text.append(f"\n{status}")
        if entry.rating is not None:
            text.append(f" · rated {rating_stars(entry.rating)}")
        text.append("\n\nNote: ", style="bold")
        text.append(strip_unsafe(entry.note) if entry.note else "(none — n adds one)")
        mentions = film_mentions(mention_index(self.corpus), entry.title, entry.year)
        if mentions is None:
            text.append("\n\nNo review names this film.", style="dim")
        else:
            text.append(f"\n\nNamed {mentions.count} times in {len(mentions.passages)} "
                        "passages: enter shows them.", style="dim")
        detail.update(text)

    @on(OptionList.OptionHighlighted, "#watchlist")
    def _highlighted(self) -> None:
        self._show_detail()

    @on(OptionList.OptionSelected, "#watchlist")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_show_passages()

    # -- actions -------------------------------------------------------------------------

    def _need_entry(self) -> WatchlistEntry | None:
        entry = self.highlighted_entry
        if entry is None:
            self.notify("No film is selected (a adds one).", markup=False)
        return entry

    def action_add_film(self) -> None:
        index = mention_index(self.corpus)
        films = film_suggestions(index)
        on_list = {f.entity.id for f in films
                   if any(e.matches(f.entity.name, f.entity.year) for e in self.entries)}

        def add(answer: tuple[str, int | None] | None) -> None:
            if answer is None:
                return
            title, year = answer
            added = library_call(self, lambda library: library.add_film(title, year),
                                 failed="Not added:")
            if added is None:
                return
            self.reload(keep=added.item.id)
            name = one_line(added.item.title)
            self.notify(f"Added {name} to the watchlist." if added.created
                        else f"{name} is already on the watchlist.", markup=False)

        self.app.push_screen(AddFilmDialog(films, on_list), add)

    def action_mark_watched(self) -> None:
        entry = self._need_entry()
        if entry is None:
            return

        def save(line: str | None) -> None:
            if line is None:
                return
            day = line.strip() or None
            changed = library_call(self, lambda library: library.mark_watched(entry.id, day),
                                   failed="Not saved:")
            if changed is not None:
                self.reload()
                self.notify(f"Marked watched on {changed.watched_on}.", markup=False)

        today = entry.watched_on or date.today().isoformat()
        self.app.push_screen(LinePrompt(f"Watched {one_line(entry.title)} on…", today,
                                        hint="a date like 2026-11-21; empty means today",
                                        max_length=20), save)

    def action_mark_want(self) -> None:
        entry = self._need_entry()
        if entry is None:
            return
        if library_call(self, lambda library: library.mark_want(entry.id),
                        failed="Not saved:") is not None:
            self.reload()
            self.notify("Marked as want to watch.")

    def action_rate(self) -> None:
        entry = self._need_entry()
        if entry is None:
            return

        def save(line: str | None) -> None:
            if line is None:
                return
            try:
                rating = float(line) if line.strip() else None
            except ValueError:
                self.notify("A rating must be a number from 0 to 5 (halves allowed).",
                            severity="error", markup=False)
                return
            changed = library_call(self, lambda library: library.rate_film(entry.id, rating),
                                   failed="Not rated:")
            if changed is not None:
                self.reload()
                self.notify("Rating cleared." if rating is None else
                            f"Rated {rating_stars(changed.rating)}.", markup=False)

        current = f"{entry.rating:g}" if entry.rating is not None else ""
        self.app.push_screen(LinePrompt(f"Rate {one_line(entry.title)}", current,
                                        hint="0 to 5, halves allowed; empty clears",
                                        max_length=10), save)

    def action_edit_note(self) -> None:
        entry = self._need_entry()
        if entry is None:
            return

        def save(note: str | None) -> None:
            if note is None or note == entry.note:
                return
            if library_call(self, lambda library: library.set_film_note(entry.id, note),
                            failed="Note not saved:") is not None:
                self.reload()
                self.notify("Note saved.")

        self.app.push_screen(NoteEditor(f"Note on {one_line(entry.title)}", entry.note), save)

    def action_show_passages(self) -> None:
        """The passages naming the film: one opens in the reader, several in Mentions."""
        entry = self._need_entry()
        if entry is None:
            return
        mentions = film_mentions(mention_index(self.corpus), entry.title, entry.year)
        if mentions is None:
            self.notify(f"No review names {one_line(entry.title)}.", markup=False)
            return
        self.nlmg.open_mentions(mentions.entity.id)

    def action_remove_film(self) -> None:
        entry = self._need_entry()
        if entry is None:
            return
        removed = library_call(self, lambda library: library.remove_film(entry.id),
                               failed="Not removed:")
        if removed is not None:
            self.removed.append(removed)
            self.reload()
            self.notify(f"Removed {one_line(removed.title)}. u undoes it.", markup=False)

    def action_undo_remove(self) -> None:
        if not self.removed:
            self.notify("Nothing to undo.")
            return
        entry = self.removed[-1]
        restored = library_call(self, lambda library: library.restore_film(entry),
                                failed="Not restored:")
        if restored is not None:
            self.removed.pop()
            self.reload(keep=restored.id)
            self.notify(f"{one_line(restored.title)} is back on the watchlist.", markup=False)

