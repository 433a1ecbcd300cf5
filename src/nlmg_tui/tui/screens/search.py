"""The search screen (``/``): a box, results as you type, enter opens the passage (or, for a
hit in one of the user's bookmark notes, the Bookmarks screen on that bookmark).

Each keystroke starts an exclusive thread worker; a result is shown only if it answers the query
now in the box (older workers are cancelled, and a late answer is dropped by its number). Until
the app's index is built the box already takes input: the query waits and runs when the index
is ready. Each search also reads the bookmarks (in the worker: a file stat while unchanged) so
the notes searched are the current ones; if they can't be read the corpus hits still come, with
a one-line note saying why notes were left out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static
from textual.worker import Worker, WorkerState, get_current_worker

from nlmg_tui.corpus.models import Corpus
from nlmg_tui.library.errors import LibraryError
from nlmg_tui.search import DEFAULT_LIMIT, SearchCancelled, SearchIndex, SearchResult
from nlmg_tui.search.notes import NotesIndex, search_with_notes
from nlmg_tui.search.query import MAX_QUERY_LENGTH
from nlmg_tui.textsafety import one_line
from nlmg_tui.tui.screens.base import AppScreen
from nlmg_tui.tui.widgets.bookmark_library import app_library, show_notices
from nlmg_tui.tui.widgets.search_input import SearchInput, clean_query_text
from nlmg_tui.tui.widgets.search_results import SearchResults

MOVE = Binding.Group("Move")
PLACEHOLDER = 'words, "a phrase", critic:name, in:comments, -word'


@dataclass(frozen=True)
class Answer:
    """What a search worker returns: which request it answers, and the result."""

    number: int
    result: SearchResult


def status_text(result: SearchResult | None, *, indexing: bool, searching: bool,
                problem: str | None = None, paste_note: str | None = None,
                has_history: bool = False) -> Text:
    """Counts, "partial", the parser's notes; "indexing…" while the index is built."""
    text = Text(end="")
    if problem:
        text.append(problem)
        return text
    if indexing:
        text.append("indexing… (your search runs when it is ready)", style="italic")
    elif result is None or result.query.is_empty:
        text.append("Type to search critics, outlets, headlines, quotes, passages, comments "
                    "and your bookmark notes.")
        if has_history:
            text.append(" ↑ brings back your last search; ↓ picks an earlier one.")
    else:
        shown, total = len(result.hits), result.total
        if not shown:
            text.append("No hits.", style="bold")
        elif total > shown:
            text.append(f"{shown} best of {total:,} hits", style="bold")
        else:
            text.append(f"{shown} hit{'s' if shown != 1 else ''}", style="bold")
        if result.partial:
            text.append(" · partial")
        if searching:
            text.append(" · searching…", style="italic")
    notes = list(result.notes) if result is not None and not indexing else []
    if paste_note:
        notes.insert(0, paste_note)
    for note in notes:
        text.append(" · ")
        text.append(one_line(note), style="italic")
    return text


class SearchScreen(AppScreen):
    """Search every review and the user's notes; ``enter`` opens a hit in the reader (or the
    comments, or the Bookmarks screen for a note)."""

    MIN_SIZE = (40, 10)
    HELP_TITLE = "Search"
    AUTO_FOCUS = "#search-box"

    DEFAULT_CSS = """
    SearchScreen #search-box {
        margin: 1 1 0 1;
    }
    SearchScreen #search-status {
        height: auto;
        padding: 0 1;
        margin: 0 0 1 0;
        color: $text-muted;
    }
    """

    BINDINGS = [
        Binding("down", "cursor_down", "Next result", group=MOVE, id="search.down"),
        Binding("up", "cursor_up", "Previous result / last search", group=MOVE,
                id="search.up"),
        Binding("j", "cursor_down", "Next result", group=MOVE, show=False, id="search.j"),
        Binding("k", "cursor_up", "Previous result", group=MOVE, show=False, id="search.k"),
        Binding("enter", "open_hit", "Open", id="search.open"),
        Binding("escape,q", "back", "Back", id="search.back"),
    ]

    KEY_GROUPS = {
        "Move": ("cursor_down", "cursor_up"),
        "Search": ("open_hit", "back"),
    }

    query_box = getters.query_one("#search-box", SearchInput)
    results = getters.query_one("#search-results", SearchResults)

    def __init__(self, corpus: Corpus, query: str | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self._initial_query = query
        self.result: SearchResult | None = None
        """The result on screen (it always answers the text in the box)."""
        self._requested = 0
        """Number of the newest search request; answers to older ones are dropped."""
        self._pending = False
        """A search for the box's text is running (or waiting for the index)."""
        self._open_when_answered = False
        self._paste_note: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._title(), id="search-title", classes="screen-title")
        yield SearchInput(placeholder=PLACEHOLDER, id="search-box")
        yield Static(id="search-status")
        yield SearchResults(id="search-results")
        yield from self.bottom_bars()

    @property
    def index(self) -> SearchIndex | None:
        """The app's index (None while it is being built)."""
        return self.nlmg.search.index

    @property
    def history(self) -> list[str]:
        """The session's recent searches, newest first (kept by the app)."""
        return self.nlmg.search.history

    def _title(self) -> Text:
        title = Text(end="")
        title.append("Search", style="bold")
        title.append(f" · {len(self.corpus.reviews)} reviews")
        index = self.index
        if index is not None:
            title.append(f" · {len(index):,} texts indexed")
        return title

    def on_mount(self) -> None:  # AppScreen.on_mount runs too (Textual calls each class's)
        app_library(self)  # made here, on the UI thread, before a search worker reads it
        if self.index is None:
            self.nlmg.search.ready.subscribe(self, self._index_ready)
            self.nlmg.search.start_building()
        self.nlmg.spoiler_shield_changed.subscribe(self, self._shield_changed)
        self._show_history()
        self._show_status()
        if self._initial_query:
            self.set_query(self._initial_query)

    def _shield_changed(self, _: object = None) -> None:
        self._show_hits()
        self._show_status()

    def _index_ready(self, index: SearchIndex | None) -> None:
        self.query_one("#search-title", Static).update(self._title())
        if self.query_box.value.strip():
            self._request(self.query_box.value)
        else:
            self._show_status()

    # -- searching ----------------------------------------------------------------------------

    @on(SearchInput.Changed, "#search-box")
    def _query_changed(self, event: SearchInput.Changed) -> None:
        clean = clean_query_text(event.value)
        if clean != event.value:  # text set or typed around the paste filter: clean it first
            self.query_box.value = clean
            return
        self._paste_note = None
        if not clean.strip():
            self._requested += 1  # any search still running answers an older box
            self._pending = self._open_when_answered = False
            self.result = None
            self.workers.cancel_group(self, "search")
            self._show_history()
            self._show_status()
            return
        if self.results.history:
            self.results.show_hits((), self.corpus)  # recent searches make way for the hits
        self._request(clean)

    @on(SearchInput.PasteCut)
    def _paste_cut(self, message: SearchInput.PasteCut) -> None:
        self._paste_note = (f"The paste was cut to {MAX_QUERY_LENGTH} characters "
                            f"({message.dropped:,} left out).")
        self._show_status()

    def _request(self, text: str) -> None:
        self._requested += 1
        self._pending = True
        index = self.index
        if index is not None:
            self._search(index, self._requested, text)
        self._show_status()

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, index: SearchIndex, number: int, text: str) -> Answer | None:
        worker = get_current_worker()
        notes, problem = self._current_notes()
        try:
            result = search_with_notes(index, notes, text, limit=DEFAULT_LIMIT,
                                       cancelled=lambda: worker.is_cancelled)
        except SearchCancelled:
            return None
        if problem is not None:
            result = replace(result, notes=(*result.notes, problem))
        return Answer(number, result)

    def _current_notes(self) -> tuple[NotesIndex | None, str | None]:
        """The notes index as the bookmarks are now (in the worker thread), or why not."""
        try:
            return self.nlmg.search.notes_index(), None
        except (LibraryError, OSError) as error:
            return None, f"Bookmark notes not searched: {error}"

    @on(Worker.StateChanged)
    def _search_finished(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "search":
            return
        if event.state == WorkerState.ERROR:
            self.notify(f"Search failed: {worker.error}", severity="error", markup=False)
            self._pending = False
            self._show_status()
            return
        answer = worker.result
        if event.state != WorkerState.SUCCESS or not isinstance(answer, Answer):
            return
        show_notices(self, app_library(self))  # a damaged bookmarks file moved aside, say
        if answer.number != self._requested:
            return  # an answer to an older query: the box has moved on
        self._pending = False
        self.result = answer.result
        self._show_hits()
        self._show_status()
        if self._open_when_answered:
            self._open_when_answered = False
            self.action_open_hit()

    def _show_hits(self) -> None:
        """The current result's hits, with spoiler-free mode applied."""
        if self.result is None:
            return
        shield = self.nlmg.spoiler_shield
        self.results.show_hits(self.result.hits, self.corpus,
                               lambda review, pid: shield.level(review, pid).level
                               if shield.hides(review, pid) else None)

    def _show_status(self) -> None:
        index_ready = self.index is not None
        problem = self.nlmg.search.problem
        text = status_text(
            self.result, indexing=not index_ready and problem is None,
            searching=self._pending and index_ready, problem=problem,
            paste_note=self._paste_note, has_history=bool(self.history))
        hidden = self._hidden_hit_count()
        if hidden and not self._pending:
            text.append(f" · {hidden} in hidden spoiler paragraphs (Z shows every spoiler)",
                        style="dim")
        self.query_one("#search-status", Static).update(text)

    def _hidden_hit_count(self) -> int:
        if self.result is None:
            return 0
        shield = self.nlmg.spoiler_shield
        return sum(1 for hit in self.result.hits
                   if hit.bookmark_id is None
                   and shield.hides(self.corpus.get(hit.review_id), hit.paragraph_id))

    def _show_history(self) -> None:
        self.results.show_history(self.history)

    # -- actions ------------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.results.move(+1)

    def action_cursor_up(self) -> None:
        """Move up the results; in an empty box, bring back the last search."""
        if self.query_box.has_focus and not self.query_box.value and self.history:
            self.set_query(self.history[0])
            return
        self.results.move(-1)

    def set_query(self, text: str) -> None:
        """Put ``text`` in the box (its search starts) and focus the box."""
        self.query_box.value = clean_query_text(text)
        self.query_box.cursor_position = len(self.query_box.value)
        self.query_box.focus()

    def show_query(self, text: str | None) -> None:
        """``text`` searched (when given), else the box focused with its text selected."""
        if text is None:
            self.focus_query()
        else:
            self.set_query(text)

    def focus_query(self) -> None:
        """Focus the box with its text selected, so typing replaces it (``/`` here)."""
        self.query_box.focus()
        self.query_box.select_all()

    @on(SearchInput.Submitted, "#search-box")
    def _submitted(self) -> None:
        self.action_open_hit()

    @on(SearchResults.OptionSelected, "#search-results")
    def _selected(self, event: SearchResults.OptionSelected) -> None:
        event.stop()
        self.results.highlighted = event.option_index
        self.action_open_hit()

    def action_open_hit(self) -> None:
        """Open the highlighted hit: a passage in the reader with its match highlighted, a
        comment in the comments, a note on the Bookmarks screen at its bookmark, a name or
        headline at the top of its review."""
        query = self.results.highlighted_query
        if query is not None:
            self.set_query(query)
            return
        if self._pending:
            self._open_when_answered = True  # the list still shows an older query's hits
            return
        hit = self.results.highlighted_hit
        if hit is None:
            if self.result is not None and not self.result.query.is_empty:
                self.notify("No hit to open.", markup=False)
            return
        assert self.result is not None
        self._remember(opened=True)
        app = self.nlmg
        if hit.bookmark_id is not None:
            app.open_bookmarks(hit.bookmark_id)
            return
        if hit.comment_number is not None:
            app.open_comments(hit.review_id, hit.comment_number)
            return
        review = self.corpus.get(hit.review_id)
        if review is None:
            return
        # Here, with the reader it opens: the search screen opens ~6 ms sooner without it.
        from nlmg_tui.tui.widgets.search_trail import hit_places, hit_spans, review_highlights

        found = hit_spans(hit, review)
        if found is not None:
            paragraph_id: str | None = found[0]
        else:  # a name or a headline: the review from its top
            paragraph_id = review.paragraphs[0].id if review.paragraphs else None
        highlights = review_highlights(hit_places(self.result.hits, self.corpus), review.id)
        app.open_reader(review.id, paragraph_id, highlights)

    def _remember(self, *, opened: bool) -> None:
        """Keep the box's query in the session's recent searches and, when a hit of it was
        opened, its result for ``n``/``N`` in the reader."""
        if self.result is not None and self.query_box.value.strip():
            self.nlmg.search.remember(
                self.query_box.value, self.result if opened else None)

    def action_back(self) -> None:
        if self.result is not None and self.result.hits:
            self._remember(opened=False)
        super().action_back()
