"""The Bookmarks screen's list: loading, anchoring, the rows and the detail pane, the search.

``BookmarksView`` reads the bookmarks through the library, anchors them in the corpus (those
that moved in a worker), filters and searches them (in a worker) and shows them; the keys
that act on them are ``BookmarksScreen``'s (``bookmarks.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events, getters, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from nlmg_tui.corpus.models import Corpus
from nlmg_tui.library.anchoring import Anchor
from nlmg_tui.library.bookmarks import Bookmark
from nlmg_tui.textsafety import one_line
from nlmg_tui.tui.screens.library_list import LibraryListScreen
from nlmg_tui.tui.widgets.bookmark_anchors import AnchorCache, AnchorKey
from nlmg_tui.tui.widgets.bookmark_filter import QUERY_MAX_CHARS, has_tag, search_bookmarks
from nlmg_tui.tui.widgets.bookmark_library import (
    LIBRARY_SCREEN_CSS,
    app_library,
    library_call,
    read_only_note,
    show_banner,
)
from nlmg_tui.tui.widgets.bookmark_list import (
    PENDING,
    BookmarkRow,
    bookmark_detail_text,
    bookmark_row_text,
)

LIST_LIMIT = 200
"""Rows shown at once; searching or filtering narrows a longer list."""
SCROLLBAR_ROOM = 2
"""Kept free on the right for the list's scrollbar, which comes and goes."""


class BookmarksView(LibraryListScreen):
    """Lists bookmarks, filtered and searched; the detail pane shows the highlighted one."""

    MIN_SIZE = (50, 14)
    HELP_TITLE = "Bookmarks"
    AUTO_FOCUS = "#bookmark-list"

    DEFAULT_CSS = LIBRARY_SCREEN_CSS

    option_list = getters.query_one("#bookmark-list", OptionList)
    search_input = getters.query_one("#bookmark-search", Input)

    def __init__(self, corpus: Corpus, bookmark_id: str | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self._start_at = bookmark_id
        """The bookmark to put the cursor on when the list is first shown (from the search)."""
        self.bookmarks: list[Bookmark] = []
        self.anchors = AnchorCache(corpus)
        self.matches: list[str] | None = None
        """Ids matching the search, best first; None when there is no search."""
        self.tag_filter: str | None = None
        self.critic_filter: str | None = None
        self._wrapped_at: int | None = None
        """The row width the rows were last wrapped to."""
        self.deleted: list[Bookmark] = []
        """Deleted this visit, newest last: ``u`` restores them one by one."""

    def compose(self) -> ComposeResult:
        yield Static(id="bookmarks-title", classes="screen-title")
        yield Static(id="bookmarks-banner", classes="library-banner")
        with Horizontal(id="bookmarks-controls", classes="library-controls"):
            yield Static(Text("Search "), classes="library-label")
            yield Input(placeholder="words from quotes, notes, tags… (/)", id="bookmark-search",
                        compact=True, max_length=QUERY_MAX_CHARS)
            yield Static(id="bookmark-filters", classes="library-filters")
        yield OptionList(id="bookmark-list", classes="library-list", markup=False)
        with VerticalScroll(id="bookmark-detail-pane", classes="library-detail"):
            yield Static(id="bookmark-detail")
        yield from self.bottom_bars()

    # -- loading -------------------------------------------------------------------------

    def on_mount(self) -> None:  # LibraryListScreen.on_mount runs too
        self.nlmg.spoiler_shield_changed.subscribe(
            self, lambda _: self.refresh_list())

    def reload(self) -> None:
        """Read the bookmarks again and show them (keeping the cursor on the same one)."""
        bookmarks = library_call(self, lambda library: library.bookmarks())
        self.bookmarks = bookmarks if bookmarks is not None else []
        self.read_only = read_only_note(app_library(self), "bookmarks")
        show_banner(self.query_one("#bookmarks-banner", Static), self.read_only)
        self.refresh_bindings()
        self._locate()
        if self.search_input.value.strip():
            self._start_search(self.search_input.value)
        else:
            self.matches = None
            self.refresh_list(keep=self._start_at)
        if self._start_at is not None:
            if all(b.id != self._start_at for b in self.bookmarks):
                self.notify("That bookmark no longer exists (perhaps deleted in another "
                            "window).", markup=False)
            self._start_at = None

    def _locate(self) -> None:
        """Anchor the bookmarks: those still in their paragraph now, the others in a worker."""
        pending = self.anchors.place_quickly(self.bookmarks)
        if pending:
            self._anchor_in_worker(pending)

    @work(thread=True, exclusive=True, group="bookmark-anchors")
    def _anchor_in_worker(self, bookmarks: list[Bookmark]) -> None:
        """Moved and orphaned bookmarks need a fuzzy scan of the corpus (about 10 ms each)."""
        worker = get_current_worker()
        found: dict[AnchorKey, Anchor | None] = {}
        for bookmark in bookmarks:
            if worker.is_cancelled:
                return
            key, anchor = self.anchors.locate(bookmark)
            found[key] = anchor
        self.app.call_from_thread(self._anchors_found, found)

    def _anchors_found(self, found: dict[AnchorKey, Anchor | None]) -> None:
        self.anchors.update(found)
        self.refresh_list()

    # -- showing -------------------------------------------------------------------------

    def row(self, bookmark: Bookmark) -> BookmarkRow:
        anchor: Anchor | None | str = (self.anchors.get(bookmark) if bookmark in self.anchors
                                       else PENDING)
        review_id = anchor.review_id if isinstance(anchor, Anchor) else bookmark.review_id
        return BookmarkRow(bookmark, anchor, self.corpus.get(review_id))

    @property
    def visible_rows(self) -> list[BookmarkRow]:
        """The rows the filters and the search let through, in the order shown."""
        bookmarks = self.bookmarks
        if self.matches is not None:
            by_id = {b.id: b for b in bookmarks}
            bookmarks = [by_id[key] for key in self.matches if key in by_id]
        rows = [self.row(b) for b in bookmarks]
        if self.tag_filter is not None:
            rows = [r for r in rows if has_tag(r.bookmark, self.tag_filter)]
        if self.critic_filter is not None:
            rows = [r for r in rows if r.critic == self.critic_filter]
        return rows

    @property
    def highlighted_row(self) -> BookmarkRow | None:
        option = self.option_list.highlighted_option
        if option is None or option.id is None:
            return None
        bookmark = next((b for b in self.bookmarks if b.id == option.id), None)
        return self.row(bookmark) if bookmark is not None else None

    def refresh_list(self, keep: str | None = None) -> None:
        """Rebuild the rows, keeping the cursor on ``keep`` (default: the highlighted one)."""
        options = self.option_list
        if keep is None and options.highlighted_option is not None:
            keep = options.highlighted_option.id
        old_index = options.highlighted or 0
        rows = self.visible_rows
        content: list[Option | None] = []
        width = self._wrapped_at = self._row_width()
        for row in rows[:LIST_LIMIT]:
            content += [Option(bookmark_row_text(row, self._hidden(row), width),
                               id=row.bookmark.id), None]
        options.set_options(content)
        ids = [row.bookmark.id for row in rows[:LIST_LIMIT]]
        if ids:
            options.highlighted = ids.index(keep) if keep in ids else min(old_index, len(ids) - 1)
        self._show_title(len(rows))
        self._show_detail()

    def _row_width(self) -> int | None:
        """Cells a row may use (None before the list is laid out): rows are wrapped here, so
        continuation lines keep their indent."""
        options = self.option_list
        padding = options.get_component_styles("option-list--option").padding.width
        width = options.scrollable_content_region.width - padding - SCROLLBAR_ROOM
        return width if width > 0 else None

    @on(events.Resize)
    def _resized(self) -> None:  # AppScreen.on_resize runs too
        self.call_after_refresh(self._rewrap)

    def _rewrap(self) -> None:
        if self.bookmarks and self._row_width() != self._wrapped_at:
            self.refresh_list()

    def _hidden(self, row: BookmarkRow) -> bool:
        """Is the bookmarked paragraph hidden by spoiler-free mode now?"""
        anchor = row.anchor
        if not isinstance(anchor, Anchor):
            return False
        return self.nlmg.spoiler_shield.hides(row.review, anchor.paragraph_id)

    def _show_title(self, shown: int) -> None:
        total = len(self.bookmarks)
        orphans = sum(1 for b in self.bookmarks if b in self.anchors and self.anchors.get(b) is None)
        title = Text("Bookmarks", style="bold")
        title.append(f" · {shown} of {total}" if shown != total else f" · {total}")
        if orphans:
            title.append(f" · ⚠ {orphans} orphan{'s' if orphans != 1 else ''}")
        if shown > LIST_LIMIT:
            title.append(f" · first {LIST_LIMIT} shown: search or filter to narrow", style="dim")
        self.query_one("#bookmarks-title", Static).update(title)
        filters = Text()
        if self.tag_filter is not None:
            filters.append(f"tag: #{one_line(self.tag_filter)} ", style="bold")
        if self.critic_filter is not None:
            filters.append(f"critic: {self.critic_filter} ", style="bold")
        if filters:
            filters.append("(x clears)", style="dim")
        else:
            filters.append("T tag · c critic", style="dim")
        self.query_one("#bookmark-filters", Static).update(filters)

    def _show_detail(self) -> None:
        detail = self.query_one("#bookmark-detail", Static)
        row = self.highlighted_row
        if row is not None:
            detail.update(bookmark_detail_text(row, self._hidden(row)))
        elif not self.bookmarks:
            detail.update(Text("No bookmarks yet. In the reader, b bookmarks the paragraph "
                               "under the cursor and v selects sentences to bookmark."))
        else:
            detail.update(Text("Nothing matches the search and filters (x clears filters)."))

    @on(OptionList.OptionHighlighted, "#bookmark-list")
    def _highlighted(self) -> None:
        self._show_detail()

    # -- search --------------------------------------------------------------------------

    @on(Input.Changed, "#bookmark-search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._start_search(event.value)

    @on(Input.Submitted, "#bookmark-search")
    def _search_submitted(self) -> None:
        self.option_list.focus()

    def _start_search(self, query: str) -> None:
        if not query.strip():
            self.workers.cancel_group(self, "bookmark-search")
            self.matches = None
            self.refresh_list()
            return
        self._search_in_worker(query, list(self.bookmarks))

    @work(thread=True, exclusive=True, group="bookmark-search")
    def _search_in_worker(self, query: str, bookmarks: Sequence[Bookmark]) -> None:
        matches = search_bookmarks(query, bookmarks)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._search_done, query, matches)

    def _search_done(self, query: str, matches: list[str] | None) -> None:
        if query != self.search_input.value:
            return  # typing went on: a newer search is coming
        self.matches = matches
        self.refresh_list()
