"""The Bookmarks screen: every bookmarked passage, with its note and tags.

Filter by tag or critic, fuzzy-search quotes and notes (in a worker), edit notes in place or in
``$EDITOR``, delete with undo, re-anchor orphans, and open a passage in the reader where it is
now (``anchor_bookmarks``: a rebuilt corpus may have moved it). Changes made by another running
instance are picked up by a timer.
"""

from __future__ import annotations

from textual import on
from textual.app import SuspendNotSupported
from textual.binding import Binding
from textual.widgets import OptionList

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Review
from nlmg_tui.library.anchoring import Anchor
from nlmg_tui.library.bookmarks import Bookmark
from nlmg_tui.textsafety import one_line
from nlmg_tui.tui.screens.bookmarks_view import BookmarksView
from nlmg_tui.tui.widgets.bookmark_choice import ChoicePicker, chosen_value, filter_choices
from nlmg_tui.tui.widgets.bookmark_export import ask_export
from nlmg_tui.tui.widgets.bookmark_filter import all_tags, parse_tags
from nlmg_tui.tui.widgets.bookmark_library import library_call
from nlmg_tui.tui.widgets.bookmark_list import PENDING, BookmarkRow
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


class BookmarksScreen(BookmarksView):
    """Lists bookmarks; the reader opens at the highlighted one. The list itself (loading,
    rows, search) is ``BookmarksView``; this class is the keys."""

    EDIT_ACTIONS = frozenset({"edit_note", "edit_note_in_editor", "edit_tags", "delete",
                              "undo_delete", "repair"})

    BINDINGS = [
        Binding("enter,o", "open_passage", "Read", id="bookmarks.read"),
        Binding("n", "edit_note", "Note", id="bookmarks.note"),
        Binding("e", "edit_note_in_editor", "Note in $EDITOR", show=False,
                id="bookmarks.editor"),
        Binding("t", "edit_tags", "Tags", id="bookmarks.tags"),
        Binding("d,delete", "delete", "Delete", id="bookmarks.delete"),
        # Not in the footer (room for E at 80 columns): the delete toast says "u undoes it".
        Binding("u", "undo_delete", "Undo delete", show=False, id="bookmarks.undo"),
        Binding("r", "repair", "Re-anchor orphan…", show=False, id="bookmarks.repair"),
        Binding("slash,f", "focus_search", "Search", id="bookmarks.search"),
        Binding("E", "export", "Export…", id="bookmarks.export"),
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

    KEY_GROUPS = {
        "Bookmark": ("open_passage", "edit_note", "edit_note_in_editor", "edit_tags", "delete",
                     "undo_delete", "repair"),
        "Find": ("focus_search", "filter_tag", "filter_critic", "clear_filters"),
        "Export": ("export",),
        "Move": ("cursor_down", "cursor_up", "cursor_first", "cursor_last"),
    }

    # -- actions -------------------------------------------------------------------------

    def _need_row(self) -> BookmarkRow | None:
        row = self.highlighted_row
        if row is None:
            self.notify("No bookmark is selected.", markup=False)
        return row

    @on(OptionList.OptionSelected, "#bookmark-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_passage()

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

    def action_export(self) -> None:
        """Export every bookmark (not only those shown) as Markdown or JSON, to a file the
        user confirms; reading them is all it does to the library."""
        if not self.bookmarks:
            self.notify("No bookmarks to export yet. In the reader, b bookmarks a paragraph.")
            return
        ask_export(self.app)

    def action_back(self) -> None:
        """Leave the search box (keeping the search), or close the screen."""
        if self.focused is self.search_input:
            self.option_list.focus()
        else:
            self.dismiss()
