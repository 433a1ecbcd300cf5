"""The Bookmarks screen: every bookmarked passage, with its note and tags.

Filter by tag or critic, fuzzy-search quotes and notes (in a worker), edit notes in place or in
``$EDITOR``, delete with undo, re-anchor orphans, and open a passage in the reader where it is
now (``anchor_bookmarks``: a rebuilt corpus may have moved it). Changes made by another running
instance are picked up by a timer.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.library.anchoring import Anchor
from nlmg_tui.library.bookmarks import Bookmark
from nlmg_tui.textsafety import one_line
from nlmg_tui.tui.screens.library_list import LibraryListScreen
from nlmg_tui.tui.widgets.bookmark_anchors import AnchorCache, AnchorKey
from nlmg_tui.tui.widgets.bookmark_choice import ChoicePicker, chosen_value, filter_choices
from nlmg_tui.tui.widgets.bookmark_filter import (
    QUERY_MAX_CHARS,
    all_tags,
    has_tag,
    parse_tags,
    search_bookmarks,
)
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
from nlmg_tui.tui.widgets.bookmark_repair import ask_new_place, move_orphan
from nlmg_tui.tui.widgets.note_editor import (
    EditorFailed,
    LinePrompt,
    NoteEditor,
    edit_in_editor,
    editor_command,
)
from nlmg_tui.tui.widgets.paragraph_view import HighlightSpan

MOVE = Binding.Group("Move")
LIST_LIMIT = 200
"""Rows shown at once; searching or filtering narrows a longer list."""

class BookmarksScreen(LibraryListScreen):
    """Lists bookmarks; the reader opens at the highlighted one."""

    EDIT_ACTIONS = frozenset({"edit_note", "edit_note_in_editor", "edit_tags", "delete",
                              "undo_delete", "repair"})

    MIN_SIZE = (50, 14)
    HELP_TITLE = "Bookmarks"
    AUTO_FOCUS = "#bookmark-list"

    BINDINGS = [
        Binding("enter,o", "open_passage", "Read", id="bookmarks.read"),
        Binding("n", "edit_note", "Note", id="bookmarks.note"),
        Binding("e", "edit_note_in_editor", "Note in $EDITOR", show=False,
                id="bookmarks.editor"),
        Binding("t", "edit_tags", "Tags", id="bookmarks.tags"),
        Binding("d,delete", "delete", "Delete", id="bookmarks.delete"),
        Binding("u", "undo_delete", "Undo delete", id="bookmarks.undo"),
        Binding("r", "repair", "Re-anchor orphan…", show=False, id="bookmarks.repair"),
        Binding("slash,f", "focus_search", "Search", id="bookmarks.search"),
        Binding("T", "filter_tag", "Tag filter…", show=False, id="bookmarks.filter_tag"),
        Binding("c", "filter_critic", "Critic filter…", show=False,
                id="bookmarks.filter_critic"),
        Binding("x", "clear_filters", "Clear filters", show=False, id="bookmarks.clear"),
        Binding("j,down", "cursor_down", "Down", group=MOVE, show=False, id="bookmarks.down"),
        Binding("k,up", "cursor_up", "Up", group=MOVE, show=False, id="bookmarks.up"),
        Binding("g,home", "cursor_first", "First", group=MOVE, show=False,
                id="bookmarks.first"),
        Binding("G,end", "cursor_last", "Last", group=MOVE, show=False, id="bookmarks.last"),
        Binding("q,escape", "back", "Back", id="bookmarks.back"),
    ]

    DEFAULT_CSS = LIBRARY_SCREEN_CSS

    KEY_GROUPS = {
        "Bookmark": ("open_passage", "edit_note", "edit_note_in_editor", "edit_tags", "delete",
                     "undo_delete", "repair"),
        "Find": ("focus_search", "filter_tag", "filter_critic", "clear_filters"),
        "Move": ("cursor_down", "cursor_up", "cursor_first", "cursor_last"),
    }

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
        yield Footer(compact=True)

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
        for row in rows[:LIST_LIMIT]:
            content += [Option(bookmark_row_text(row, self._hidden(row)), id=row.bookmark.id),
                        None]
        options.set_options(content)
        ids = [row.bookmark.id for row in rows[:LIST_LIMIT]]
        if ids:
            options.highlighted = ids.index(keep) if keep in ids else min(old_index, len(ids) - 1)
        self._show_title(len(rows))
        self._show_detail()

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

    @on(OptionList.OptionSelected, "#bookmark-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_passage()

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

    # -- actions -------------------------------------------------------------------------

    def _need_row(self) -> BookmarkRow | None:
        row = self.highlighted_row
        if row is None:
            self.notify("No bookmark is selected.", markup=False)
        return row

    def action_open_passage(self) -> None:
        """Open the reader where the passage is now, with the quote highlighted."""
        row = self._need_row()
        if row is None:
            return
        anchor = row.anchor
        if anchor == PENDING:
            self.notify("Still looking for this passage in the reviews; try again in a moment.")
        elif not isinstance(anchor, Anchor):
            self.notify("This bookmark is an orphan: its passage is no longer in any review. "
                        "Press r to re-anchor it to a paragraph.", severity="warning",
                        markup=False)
        else:
            highlight = HighlightSpan(anchor.paragraph_id, anchor.start, anchor.end)
            self.nlmg.open_reader(anchor.review_id, anchor.paragraph_id,
                                 [highlight])

    def action_edit_note(self) -> None:
        row = self._need_row()
        if row is None:
            return
        bookmark = row.bookmark

        def save(note: str | None) -> None:
            if note is not None and note != bookmark.note:
                self._save_note(bookmark, note)

        title = f"Note on {row.critic}: “{one_line(bookmark.quote)[:40]}…”"
        self.app.push_screen(NoteEditor(title, bookmark.note), save)

    def _save_note(self, bookmark: Bookmark, note: str) -> None:
        changed = library_call(self, lambda library: library.update_note(bookmark.id, note),
                               failed="Note not saved:")
        if changed is not None:
            self.notify("Note saved.")
            self.reload()

    def action_edit_note_in_editor(self) -> None:
        """Edit the note in ``$VISUAL``/``$EDITOR``, the app suspended meanwhile."""
        row = self._need_row()
        if row is None:
            return
        command = editor_command()
        if command is None:
            self.notify("Set $EDITOR (or $VISUAL) to edit notes in your editor; n edits the "
                        "note here.", markup=False)
            return
        try:
            note = edit_in_editor(row.bookmark.note, command, self.app.suspend)
        except SuspendNotSupported:
            self.notify("This terminal can't hand over to an editor (suspend is not supported "
                        "here); n edits the note here.", severity="warning", markup=False)
            return
        except EditorFailed as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if note != row.bookmark.note:
            self._save_note(row.bookmark, note)
        else:
            self.notify("Note unchanged.")

    def action_edit_tags(self) -> None:
        row = self._need_row()
        if row is None:
            return
        bookmark = row.bookmark

        def save(line: str | None) -> None:
            if line is None:
                return
            changed = library_call(
                self, lambda library: library.set_tags(bookmark.id, parse_tags(line)),
                failed="Tags not saved:")
            if changed is not None:
                self.notify("Tags saved.")
                self.reload()

        current = ", ".join(bookmark.tags)
        self.app.push_screen(LinePrompt("Tags", current, hint="separate tags with commas"), save)

    def action_delete(self) -> None:
        row = self._need_row()
        if row is None:
            return
        deleted = library_call(self, lambda library: library.delete_bookmark(row.bookmark.id),
                               failed="Not deleted:")
        if deleted is not None:
            self.deleted.append(deleted)
            self.notify(f"Bookmark deleted ({row.critic}). u undoes it.", markup=False)
            self.reload()

    def action_undo_delete(self) -> None:
        if not self.deleted:
            self.notify("Nothing to undo.")
            return
        bookmark = self.deleted[-1]
        restored = library_call(self, lambda library: library.restore_bookmark(bookmark),
                                failed="Not restored:")
        if restored is not None:
            self.deleted.pop()
            self.reload()
            self.refresh_list(keep=restored.id)
            self.notify("Bookmark restored.")

    def action_repair(self) -> None:
        """Re-anchor an orphan: pick its review and paragraph; note and tags come along."""
        row = self._need_row()
        if row is None:
            return
        if not row.is_orphan:
            self.notify("This bookmark's passage is found in the reviews: nothing to repair.")
            return
        orphan = row.bookmark

        def move(review: Review, paragraph_id: str) -> None:
            kept = library_call(
                self, lambda library: move_orphan(library, orphan, review, paragraph_id),
                failed="Not re-anchored:")
            if kept is not None:
                self.reload()
                self.refresh_list(keep=kept.id)
                self.notify(f"Re-anchored to {labels.review_name(review)}, "
                            f"{paragraph_id}; the note and tags came along.", markup=False)

        ask_new_place(self, orphan, self.corpus, move)

    def action_focus_search(self) -> None:
        self.search_input.focus()

    def action_filter_tag(self) -> None:
        tags = all_tags(self.bookmarks)
        if not tags:
            self.notify("No bookmark has tags yet (t adds them).")
            return

        def chosen(key: str | None) -> None:
            if key is not None:
                self.tag_filter = chosen_value(key)
                self.refresh_list()

        choices = filter_choices("All tags", tags, "#")
        current = f"#{self.tag_filter}" if self.tag_filter is not None else None
        self.app.push_screen(ChoicePicker("Show bookmarks tagged…", choices, current=current),
                             chosen)

    def action_filter_critic(self) -> None:
        counts: dict[str, int] = {}
        for bookmark in self.bookmarks:
            critic = self.row(bookmark).critic
            counts[critic] = counts.get(critic, 0) + 1
        if not counts:
            self.notify("No bookmarks yet.")
            return

        def chosen(key: str | None) -> None:
            if key is not None:
                self.critic_filter = chosen_value(key)
                self.refresh_list()

        choices = filter_choices("All critics", sorted(counts.items()), "=")
        current = f"={self.critic_filter}" if self.critic_filter is not None else None
        self.app.push_screen(ChoicePicker("Show bookmarks from…", choices, current=current),
                             chosen)

    def action_clear_filters(self) -> None:
        self.tag_filter = self.critic_filter = None
        if self.search_input.value:
            self.search_input.value = ""  # Input.Changed clears the search
        self.refresh_list()

    def action_back(self) -> None:
        """Leave the search box (keeping the search), or close the screen."""
        if self.focused is self.search_input:
            self.option_list.focus()
        else:
            self.dismiss()
