"""The app: the corpus, the app-wide state, and one routing method per screen.

Screens other than browse and the palette providers are imported on first use. The app-wide
keys are in ``app_keys``, the search state in ``search_state``, the settings in ``preferences``
(kept saved as they change by ``saved_preferences``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import App
from textual.screen import Screen
from textual.signal import Signal
from textual.widget import AwaitMount
from textual.worker import Worker

from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.corpus.store import find_review
from nlmg_tui.paths import user_data_dir
from nlmg_tui.textsafety import strip_unsafe
from nlmg_tui.tui.app_keys import APP_BINDINGS, OPENED_BY_KEY, slash_opens_search
from nlmg_tui.tui.palette import PALETTE_PROVIDERS
from nlmg_tui.tui.preferences import Preferences
from nlmg_tui.tui.saved_preferences import follow_saved_theme, reading_session
from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.search_state import SearchState
from nlmg_tui.tui.spoiler_shield import SpoilerShield

if TYPE_CHECKING:
    from nlmg_tui.library.library import Library
    from nlmg_tui.tui.widgets.paragraph_view import HighlightSpan


class NlmgApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "nlmg-tui"
    COMMANDS = App.COMMANDS | PALETTE_PROVIDERS
    BINDINGS = [*APP_BINDINGS]

    def __init__(self, corpus: Corpus, data_dir: str | os.PathLike[str] | None = None,
                 notices: Sequence[str] = ()) -> None:
        super().__init__()
        self.corpus = corpus
        self._data_dir = data_dir
        self.preferences = Preferences(user_data_dir(data_dir))
        """Theme, spoiler-free mode and read reviews, kept in ``tui-settings.json``."""
        self._notices = tuple(n for n in (self.preferences.problem, *notices) if n)
        self.session = reading_session(self, self.preferences)
        self.spoiler_shield = SpoilerShield(self.preferences.spoiler_free)
        """Spoiler-free mode and this session's revealed paragraphs, for every screen."""
        self.spoiler_shield_changed: Signal[None] = Signal(self, "spoiler-shield-changed")
        """Published when the mode changes or paragraphs are revealed/hidden."""
        self._library: Library | None = None  # made on first use (see ``library``)
        self.search = SearchState(self, corpus, lambda: self.library, data_dir)
        """The search index, this session's searches and the result ``n``/``N`` follow."""
        self.when_ready: list[Callable[[], object]] = []
        """Called once the first frame is on screen (the console script resumes garbage
        collection there)."""

    def replace_corpus(self, corpus: Corpus) -> None:
        """A review was imported: screens opened from now on, and search, see ``corpus``."""
        self.corpus = corpus
        self.search.replace_corpus(corpus)

    @property
    def settings_file(self) -> Path:  # tui-settings.json, in the user's data folder
        return self.preferences.path

    @property
    def library(self) -> Library:
        """The user's bookmarks and watchlist, one ``Library`` for every screen."""
        if self._library is None:
            from nlmg_tui.library.library import Library

            self._library = Library(self._data_dir)
        return self._library

    def get_default_screen(self) -> Screen[None]:
        return BrowseScreen(self.corpus, self.session)

    def on_mount(self) -> None:
        follow_saved_theme(self, self.preferences)
        for notice in self._notices:
            self.notify(notice, severity="warning", markup=False, timeout=10)

    def on_ready(self) -> None:
        # Ready comes right after the first frame: start loading the index then, not after a
        # later refresh, so that a "/" typed at once finds it on its way.
        self.search.start_building()
        for call in self.when_ready:
            call()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        self.search.worker_changed(event)

    def action_toggle_spoiler_free(self) -> None:
        from nlmg_tui.tui.spoiler_keys import toggle_spoiler_free_mode
        toggle_spoiler_free_mode(self)

    def copy_to_clipboard(self, text: str) -> None:
        """Selected text leaves the app through OSC 52: strip control sequences once more."""
        super().copy_to_clipboard(strip_unsafe(text))

    # Screen routing: one method per screen.

    def _push_once(self, screen: Screen[None]) -> None:  # unless one of its kind is on top
        if type(self.screen) is not type(screen):
            self.push_screen(screen)

    def _review(self, review_id: str) -> Review | None:  # None (and a toast) when not found
        review = find_review(self.corpus, review_id)
        if review is None:
            self.notify(f"No review {review_id!r}.", severity="error", markup=False)
        return review

    def open_reader(self, review_id: str, paragraph_id: str | None = None,
                    highlights: Sequence[HighlightSpan] = ()) -> None:
        """The reader, at ``paragraph_id`` with ``highlights`` if given."""
        from nlmg_tui.tui.screens.reader import ReaderScreen
        if review := self._review(review_id):
            self.push_screen(ReaderScreen(self.corpus, self.session, review, paragraph_id,
                                          highlights))

    def open_comments(self, review_id: str, comment_number: int | None = None) -> None:
        from nlmg_tui.tui.screens.comments import CommentsScreen
        review = self._review(review_id)
        if review is not None and not review.comments:
            self.notify("This review has no reader comments.", markup=False)
        elif review is not None:
            self.push_screen(CommentsScreen(review, comment_number))

    def open_compare(self, left_id: str, right_id: str) -> None:
        """Compare two reviews side by side (ids or unique prefixes)."""
        from nlmg_tui.tui.screens.compare import CompareScreen
        left = self._review(left_id)
        right = self._review(right_id) if left else None
        if left and right:
            self.push_screen(CompareScreen(self.corpus, left, right))

    def open_topics(self) -> None:
        """The topic map: where the critics agree."""
        from nlmg_tui.tui.screens.topics import TopicsScreen
        self._push_once(TopicsScreen(self.corpus))

    def open_timeline(self) -> None:
        """The reception timeline: reviews by publication date, rating and tone."""
        from nlmg_tui.tui.screens.timeline import TimelineScreen
        self._push_once(TimelineScreen(self.corpus))

    def open_bookmarks(self, bookmark_id: str | None = None) -> None:
        """The bookmarks, the cursor on ``bookmark_id`` if given (a note found by search)."""
        from nlmg_tui.tui.screens.bookmarks import BookmarksScreen
        screen = self.screen
        if not isinstance(screen, BookmarksScreen):
            self.push_screen(BookmarksScreen(self.corpus, bookmark_id))
        elif bookmark_id is not None:
            screen.refresh_list(keep=bookmark_id)

    def open_watchlist(self) -> None:
        """The films to watch (or watched and rated)."""
        from nlmg_tui.tui.screens.watchlist import WatchlistScreen
        self._push_once(WatchlistScreen(self.corpus))

    def open_mentions(self, entity_id: str | None = None) -> None:
        """Every person and film the reviews name, at ``entity_id`` if given."""
        from nlmg_tui.tui.screens.mentions import MentionsScreen
        if entity_id is not None or not isinstance(self.screen, MentionsScreen):
            self.push_screen(MentionsScreen(self.corpus, entity_id))

    def open_search(self, query: str | None = None) -> AwaitMount | None:
        """The search screen, searching ``query`` if given (on it, ``/`` focuses the box).
        Awaitable when a new screen is pushed: done once it is mounted."""
        from nlmg_tui.tui.screens.search import SearchScreen
        if isinstance(self.screen, SearchScreen):
            self.screen.show_query(query)
            return None
        return self.push_screen(SearchScreen(self.corpus, query))

    def action_help(self) -> None:
        """Help for the current screen: the app-wide keys first, then the screen's."""
        from nlmg_tui.tui.key_help import help_screen_for
        if (help_screen := help_screen_for(self.screen)) is not None:
            self.push_screen(help_screen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open" and parameters == ("search",):
            return slash_opens_search(self.screen)
        return True

    async def action_open(self, screen: str) -> None:
        """The app-wide keys (``app_keys.APP_BINDINGS``): ``open('search')`` and the like.

        ``/`` focuses the new search box before the app reads the next key (the keys wait in
        its queue while this is awaited), so a query typed in one go after ``/`` lands in it."""
        if screen == "search":
            mounted = self.open_search()
            if mounted is not None:
                await mounted
                self.screen.set_focus(self.screen.query_one("#search-box"))  # now, not next turn
        elif screen in OPENED_BY_KEY:
            getattr(self, f"open_{screen}")()

def make_app(data_dir: str | os.PathLike[str] | None = None,
             corpus: Corpus | None = None) -> NlmgApp:
    """The app on ``corpus`` (default: bundled reviews and the user's imports), for the CLI and
    the tests. Raises ``CorpusError`` (one-line message) when the corpus can't be read."""
    if corpus is not None:
        return NlmgApp(corpus, data_dir=data_dir)
    from nlmg_tui.importer.store import load_full_corpus

    full, notices = load_full_corpus(Path(data_dir) if data_dir is not None else None,
                                     listed=True)
    app = NlmgApp(full, data_dir=data_dir, notices=notices)
    app.search.from_files = True  # the index cache is keyed by the files the corpus came from
    return app
