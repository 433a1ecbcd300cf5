"""The app: loads the corpus once, routes between screens, remembers the theme.

Each screen is opened by one method here (``open_reader``, ``open_comments``, ``action_help``),
so adding a screen is one method. Screens other than browse, and the command palette providers,
are imported when first used: nothing the first frame does not need is loaded before it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.app import App
from textual.binding import Binding
from textual.command import Provider
from textual.screen import Screen
from textual.signal import Signal
from textual.worker import Worker, WorkerState, get_current_worker

from nlmg_tui.corpus.models import Corpus
from nlmg_tui.corpus.store import find_review
from nlmg_tui.paths import user_data_dir
from nlmg_tui.textsafety import strip_unsafe
from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.session import ReadingSession
from nlmg_tui.tui.settings import SettingsError, load_settings, save_settings, settings_path
from nlmg_tui.tui.spoiler_shield import SETTING as SPOILER_SETTING
from nlmg_tui.tui.spoiler_shield import SpoilerShield, spoiler_free_setting

if TYPE_CHECKING:
    from textual.theme import Theme

    from nlmg_tui.library.library import Library
    from nlmg_tui.search import SearchIndex, SearchResult
    from nlmg_tui.search.notes import CurrentNotes, NotesIndex
    from nlmg_tui.tui.widgets.paragraph_view import HighlightSpan


def review_commands() -> type[Provider]:
    from nlmg_tui.tui.commands import ReviewCommands

    return ReviewCommands


def screen_commands() -> type[Provider]:
    from nlmg_tui.tui.commands import ScreenCommands

    return ScreenCommands


def compare_commands() -> type[Provider]:
    from nlmg_tui.tui.commands import CompareCommands

    return CompareCommands


def search_commands() -> type[Provider]:
    from nlmg_tui.tui.commands import SearchCommands

    return SearchCommands


def library_commands() -> type[Provider]:
    from nlmg_tui.tui.commands import LibraryCommands

    return LibraryCommands


SEARCH_HISTORY_SIZE = 20


class NlmgApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "nlmg-tui"
    SUB_TITLE = "Never Let Me Go (2010)"
    COMMANDS = App.COMMANDS | {review_commands, screen_commands, compare_commands,
                               library_commands, search_commands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, priority=True,
                id="app.commands"),
        Binding("ctrl+t", "change_theme", "Theme", show=False, id="app.theme"),
        Binding("B", "open_bookmarks", "Bookmarks", show=False, id="app.bookmarks"),
        Binding("W", "open_watchlist", "Watchlist", show=False, id="app.watchlist"),
        Binding("M", "open_mentions", "Mentions", show=False, id="app.mentions"),
        Binding("slash", "open_search", "Search", show=False, id="app.search"),
        Binding("Z", "toggle_spoiler_free", "Spoiler-free on/off", show=False,
                id="app.spoiler_free"),
        Binding("ctrl+z", "suspend_process", "Suspend to the shell (fg resumes)", show=False,
                id="app.suspend"),
    ]

    def __init__(self, corpus: Corpus, data_dir: str | os.PathLike[str] | None = None,
                 notices: Sequence[str] = ()) -> None:
        super().__init__()
        self.corpus = corpus
        self._startup_notices = tuple(notices)
        self.session = ReadingSession()
        self.settings_file = settings_path(user_data_dir(data_dir))
        loaded = load_settings(self.settings_file)
        self.settings = dict(loaded.values)
        self._settings_problem = loaded.problem
        self.spoiler_shield = SpoilerShield(spoiler_free_setting(self.settings))
        """Spoiler-free mode and this session's revealed paragraphs, for every screen."""
        self.spoiler_shield_changed: Signal[None] = Signal(self, "spoiler-shield-changed")
        """Published when the mode changes or paragraphs are revealed/hidden."""
        self._data_dir = data_dir
        self.corpus_from_files = False
        """True when the corpus is the bundled file plus the imports (``make_app``'s default):
        then the search index may come from the cache."""
        self._library: Library | None = None
        self.search_index: SearchIndex | None = None
        """One index over the corpus, built in a thread after the first frame."""
        self.search_index_problem: str | None = None
        self.search_index_ready: Signal[SearchIndex | None] = Signal(self, "search-index-ready")
        self._current_notes: CurrentNotes | None = None
        self.search_history: list[str] = []
        """This session's searches, newest first."""
        self.last_search: SearchResult | None = None
        """The search a hit was last opened from: ``n``/``N`` in the reader step through it."""

    @property
    def library(self) -> Library:
        """The user's bookmarks and watchlist: one ``Library`` shared by every screen, made
        on first use (the first frame doesn't need it)."""
        if self._library is None:
            from nlmg_tui.library.library import Library

            self._library = Library(self._data_dir)
        return self._library

    def get_default_screen(self) -> Screen[None]:
        return BrowseScreen(self.corpus, self.session)

    def on_mount(self) -> None:
        theme = self.settings.get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self._settings_problem:
            self.notify(self._settings_problem, severity="warning", markup=False, timeout=10)
        for notice in self._startup_notices:
            self.notify(notice, severity="warning", markup=False, timeout=10)
        self.call_after_refresh(self.run_worker, self._build_search_index, thread=True,
                                group="search-index", exit_on_error=False)

    def _remember_theme(self, theme: Theme) -> None:
        if self.settings.get("theme") == theme.name:
            return
        self.settings["theme"] = theme.name
        try:
            save_settings(self.settings_file, self.settings)
        except SettingsError as error:
            self.notify(f"Theme not saved: {error}", severity="warning", markup=False)

    def action_toggle_spoiler_free(self) -> None:
        """Turn spoiler-free mode on or off, remember it, and redraw the screens that show text."""
        shield = self.spoiler_shield
        shield.enabled = not shield.enabled
        self.settings[SPOILER_SETTING] = shield.enabled
        self.spoiler_shield_changed.publish(None)
        state = "on: spoilers are hidden" if shield.enabled else "off: every paragraph is shown"
        try:
            save_settings(self.settings_file, self.settings)
        except SettingsError as error:
            self.notify(f"Spoiler-free mode {state}, for this session only: {error}",
                        severity="warning", markup=False)
            return
        self.notify(f"Spoiler-free mode {state}.", markup=False)

    def copy_to_clipboard(self, text: str) -> None:
        """Selected text leaves the app through OSC 52: strip control sequences once more."""
        super().copy_to_clipboard(strip_unsafe(text))

    # Screen routing: one method per screen.

    def open_reader(self, review_id: str, paragraph_id: str | None = None,
                    highlights: Sequence[HighlightSpan] = ()) -> None:
        """Open a review in the reader, at ``paragraph_id`` with ``highlights`` if given."""
        from nlmg_tui.tui.screens.reader import ReaderScreen

        review = find_review(self.corpus, review_id)
        if review is None:
            self.notify(f"No review {review_id!r}.", severity="error", markup=False)
            return
        self.push_screen(ReaderScreen(self.corpus, self.session, review, paragraph_id,
                                      highlights))

    def open_comments(self, review_id: str, comment_number: int | None = None) -> None:
        from nlmg_tui.tui.screens.comments import CommentsScreen

        review = find_review(self.corpus, review_id)
        if review is None:
            self.notify(f"No review {review_id!r}.", severity="error", markup=False)
            return
        if not review.comments:
            self.notify("This review has no reader comments.", markup=False)
            return
        self.push_screen(CommentsScreen(review, comment_number))

    def open_compare(self, left_id: str, right_id: str) -> None:
        """Compare two reviews side by side (ids or unique prefixes)."""
        from nlmg_tui.tui.screens.compare import CompareScreen

        left, right = find_review(self.corpus, left_id), find_review(self.corpus, right_id)
        if left is None or right is None:
            missing = left_id if left is None else right_id
            self.notify(f"No review {missing!r}.", severity="error", markup=False)
            return
        self.push_screen(CompareScreen(self.corpus, left, right))

    def open_topics(self) -> None:
        """The topic map: where the critics agree."""
        from nlmg_tui.tui.screens.topics import TopicsScreen

        self.push_screen(TopicsScreen(self.corpus))

    def open_timeline(self) -> None:
        """The reception timeline: reviews by publication date, rating and tone."""
        from nlmg_tui.tui.screens.timeline import TimelineScreen

        if not isinstance(self.screen, TimelineScreen):
            self.push_screen(TimelineScreen(self.corpus))

    def open_bookmarks(self, bookmark_id: str | None = None) -> None:
        """Every bookmarked passage, with notes and tags; the cursor on ``bookmark_id`` if
        given (a note found by the search)."""
        from nlmg_tui.tui.screens.bookmarks import BookmarksScreen

        screen = self.screen
        if not isinstance(screen, BookmarksScreen):
            self.push_screen(BookmarksScreen(self.corpus, bookmark_id))
        elif bookmark_id is not None:
            screen.refresh_list(keep=bookmark_id)

    def open_watchlist(self) -> None:
        """The films to watch (or watched and rated)."""
        from nlmg_tui.tui.screens.watchlist import WatchlistScreen

        if not isinstance(self.screen, WatchlistScreen):
            self.push_screen(WatchlistScreen(self.corpus))

    def open_mentions(self, entity_id: str | None = None) -> None:
        """Every person and film the reviews name, at ``entity_id`` if given."""
        from nlmg_tui.tui.screens.mentions import MentionsScreen

        if isinstance(self.screen, MentionsScreen) and entity_id is None:
            return
        self.push_screen(MentionsScreen(self.corpus, entity_id))

    def open_search(self, query: str | None = None) -> None:
        """The search screen, searching ``query`` if given (on it, ``/`` focuses the box)."""
        from nlmg_tui.tui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen(self.corpus, query))
        elif query is not None:
            self.screen.set_query(query)
        else:
            self.screen.focus_query()

    def action_open_search(self) -> None:
        self.open_search()

    def remember_search(self, query: str, result: SearchResult | None = None) -> None:
        """Keep ``query`` first in the session's recent searches and ``result`` (if given) as
        the search ``n``/``N`` step through."""
        query = strip_unsafe(query).strip()
        if query:
            if query in self.search_history:
                self.search_history.remove(query)
            self.search_history.insert(0, query)
            del self.search_history[SEARCH_HISTORY_SIZE:]
        if result is not None:
            self.last_search = result

    def replace_corpus(self, corpus: Corpus) -> None:
        """A review was imported: screens opened from now on see ``corpus``, and the search
        index is built again (search says it is not ready until then)."""
        self.corpus = corpus
        self.search_index = None
        self._current_notes = None
        self.run_worker(self._build_search_index, thread=True, group="search-index",
                        exclusive=True, exit_on_error=False)

    def _build_search_index(self) -> SearchIndex:
        from nlmg_tui.search import SearchIndex, documents_from_corpus
        from nlmg_tui.search.index_cache import index_for_corpus

        worker = get_current_worker()
        if self.corpus_from_files:  # the cache is keyed by the files the corpus came from
            return index_for_corpus(self.corpus, self._data_dir,
                                    cancelled=lambda: worker.is_cancelled)
        return SearchIndex.build(documents_from_corpus(self.corpus),
                                 cancelled=lambda: worker.is_cancelled)

    def current_notes_index(self) -> NotesIndex:
        """The index over the user's bookmark notes as they are now: rebuilt (a few ms) when
        the bookmarks changed, here or in another instance. Called from search workers
        (threads); raises ``LibraryError`` when the bookmarks can't be read."""
        from nlmg_tui.search.notes import CurrentNotes

        if self._current_notes is None:
            self._current_notes = CurrentNotes(self.corpus)
        return self._current_notes.index_for(self.library.bookmarks())

    @on(Worker.StateChanged)
    def _search_index_built(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "search-index":
            return
        if event.state == WorkerState.SUCCESS:
            self.search_index = event.worker.result
        elif event.state == WorkerState.ERROR:
            self.search_index_problem = f"Search is unavailable: {event.worker.error}"
            self.notify(self.search_index_problem, severity="error", markup=False)
        else:
            return
        self.search_index_ready.publish(self.search_index)

    def action_open_bookmarks(self) -> None:
        self.open_bookmarks()

    def action_open_watchlist(self) -> None:
        self.open_watchlist()

    def action_open_mentions(self) -> None:
        self.open_mentions()

    def action_help(self) -> None:
        from nlmg_tui.tui.key_help import grouped, screen_keys
        from nlmg_tui.tui.screens.base import AppScreen
        from nlmg_tui.tui.screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        title = screen.HELP_TITLE if isinstance(screen, AppScreen) else "Keys"
        self.push_screen(HelpScreen(title, grouped(screen_keys(screen))))


def make_app(data_dir: str | os.PathLike[str] | None = None,
             corpus: Corpus | None = None) -> NlmgApp:
    """The app on ``corpus`` (default: the bundled reviews and the user's imports), shared by
    CLI and tests.

    Raises ``CorpusError`` (one-line message) when the corpus file cannot be read.
    """
    if corpus is not None:
        return NlmgApp(corpus, data_dir=data_dir)
    from nlmg_tui.importer.store import load_full_corpus

    full, notices = load_full_corpus(data_dir)
    app = NlmgApp(full, data_dir=data_dir, notices=notices)
    app.corpus_from_files = True
    return app
