"""The app-wide search state: one index over the corpus, the session's searches, the last result.

The app owns one ``SearchState`` (``app.search``); the search screen, the reader's ``n``/``N``
and the command palette read it. The index is built in a thread worker after the first frame;
``ready`` is published when it is there (or when building it failed, with None).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App
from textual.signal import Signal
from textual.worker import Worker, WorkerState, get_current_worker

from nlmg_tui.corpus.models import Corpus
from nlmg_tui.textsafety import strip_unsafe

if TYPE_CHECKING:
    from nlmg_tui.library.library import Library
    from nlmg_tui.search import SearchIndex, SearchResult
    from nlmg_tui.search.notes import CurrentNotes, NotesIndex

HISTORY_SIZE = 20
INDEX_GROUP = "search-index"
"""The worker group of the index build."""


class SearchState:
    """The index, its readiness, this session's searches and the search ``n``/``N`` follow."""

    def __init__(self, app: App[None], corpus: Corpus, library: Callable[[], Library],
                 data_dir: str | os.PathLike[str] | None = None) -> None:
        self._app = app
        self._corpus = corpus
        self._data_dir = data_dir
        self.from_files = False
        """True when the corpus is the bundled file plus the imports (``make_app``'s default):
        then the index may come from the cache (``search.index_cache``)."""
        self._library = library
        self.index: SearchIndex | None = None
        """One index over the corpus, None until built."""
        self.problem: str | None = None
        """Why there is no index (the build failed), for the search screen's status line."""
        self.ready: Signal[SearchIndex | None] = Signal(app, "search-index-ready")
        self.history: list[str] = []
        """This session's searches, newest first."""
        self.last_result: SearchResult | None = None
        """The search a hit was last opened from: ``n``/``N`` in the reader step through it."""
        self._current_notes: CurrentNotes | None = None
        self._build_started = False

    def start_building(self) -> None:
        """Build the index in a thread worker, once: the app calls this after its first frame,
        and the search screen when it opens (a ``/`` pressed before the first screen's
        refresh would otherwise wait on a callback of a screen no longer shown)."""
        if self._build_started:
            return
        self._build_started = True
        self._app.run_worker(self._build, thread=True, group=INDEX_GROUP, exit_on_error=False)

    def replace_corpus(self, corpus: Corpus) -> None:
        """Search ``corpus`` from now on: the index is built again (not ready until then)."""
        self._corpus = corpus
        self.index = None
        self._current_notes = None
        self._build_started = True
        self._app.run_worker(self._build, thread=True, group=INDEX_GROUP, exclusive=True,
                             exit_on_error=False)

    def _build(self) -> SearchIndex:
        from nlmg_tui.search import SearchIndex, documents_from_corpus
        from nlmg_tui.search.index_cache import index_for_corpus

        worker = get_current_worker()
        if self.from_files:
            return index_for_corpus(self._corpus, self._data_dir,
                                    cancelled=lambda: worker.is_cancelled)
        return SearchIndex.build(documents_from_corpus(self._corpus),
                                 cancelled=lambda: worker.is_cancelled)

    def worker_changed(self, event: Worker.StateChanged) -> None:
        """Take the built index (or the error) from the worker and publish ``ready``."""
        if event.worker.group != INDEX_GROUP:
            return
        if event.state == WorkerState.SUCCESS:
            self.index = event.worker.result
        elif event.state == WorkerState.ERROR:
            self.problem = f"Search is unavailable: {event.worker.error}"
            self._app.notify(self.problem, severity="error", markup=False)
        else:
            return
        self.ready.publish(self.index)

    def remember(self, query: str, result: SearchResult | None = None) -> None:
        """Keep ``query`` first in the recent searches and ``result`` (if given) as the search
        ``n``/``N`` step through."""
        query = strip_unsafe(query).strip()
        if query:
            if query in self.history:
                self.history.remove(query)
            self.history.insert(0, query)
            del self.history[HISTORY_SIZE:]
        if result is not None:
            self.last_result = result

    def notes_index(self) -> NotesIndex:
        """The index over the user's bookmark notes as they are now: rebuilt (a few ms) when
        the bookmarks changed, here or in another instance. Called from search workers
        (threads); raises ``LibraryError`` when the bookmarks can't be read."""
        from nlmg_tui.search.notes import CurrentNotes

        if self._current_notes is None:
            self._current_notes = CurrentNotes(self._corpus)
        return self._current_notes.index_for(self._library().bookmarks())
