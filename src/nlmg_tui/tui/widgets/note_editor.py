"""Typing the user's own text: a note (many lines), a line (tags, a date, a rating), or a
note in the user's ``$EDITOR`` while the app is suspended.

The modals answer the text, or None when cancelled; saving is the caller's job (through the
library), so nothing here touches the store.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from nlmg_tui.library.bookmarks import MAX_NOTE_CHARS, Bookmark
from nlmg_tui.tui.widgets.dialog import DialogScreen


class NoteEditor(DialogScreen[str]):
    """Edit a note in place; ctrl+s answers the text, escape answers None."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", id="note.save")]
    SHOW_FOOTER = True
    DEFAULT_CSS = """
    NoteEditor TextArea {
        height: 12;
    }
    """

    def __init__(self, title: str, note: str) -> None:
        super().__init__(title)
        self.note = note

    def compose_dialog(self) -> ComposeResult:
        yield TextArea(self.note, soft_wrap=True, show_line_numbers=False, id="note-text")
        yield Static(Text("ctrl+s saves · escape cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)


def offer_note(screen: Screen[Any], bookmark: Bookmark, title: str) -> None:
    """Right after a bookmark is made: the note editor, empty. ctrl+s saves a note (once it
    is on disk the user is told); escape, or an empty note, leaves the bookmark without one."""
    from nlmg_tui.tui.widgets.bookmark_library import library_call

    def save(note: str | None) -> None:
        if note and note.strip() and library_call(
                screen, lambda library: library.update_note(bookmark.id, note),
                failed="Note not saved:") is not None:
            screen.notify("Note saved.", markup=False)

    screen.app.push_screen(NoteEditor(f"{title} · optional", ""), save)


class LinePrompt(DialogScreen[str]):
    """Ask for one line (tags, a date, a rating); enter answers it, escape answers None."""

    SHOW_FOOTER = True

    def __init__(self, title: str, value: str = "", *, hint: str = "", max_length: int = 1000) -> None:
        super().__init__(title)
        self.value = value
        self.hint = hint
        self.max_length = max_length

    def compose_dialog(self) -> ComposeResult:
        yield Input(self.value, id="prompt-input", max_length=self.max_length)
        hint = f"{self.hint} · " if self.hint else ""
        yield Static(Text(f"{hint}enter saves · escape cancels"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)


class EditorFailed(Exception):
    """The editor could not be run, or it failed; the message is one sentence."""


def editor_command() -> list[str] | None:
    """``$VISUAL`` or ``$EDITOR`` split like a shell would, or None when neither is set."""
    value = os.environ.get("VISUAL") or os.environ.get("EDITOR") or ""
    try:
        words = shlex.split(value)
    except ValueError:
        return None
    return words or None


def edit_in_editor(text: str, command: list[str],
                   suspend: Callable[[], AbstractContextManager[object]]) -> str:
    """Write ``text`` to a private temp file, run ``command FILE`` inside ``suspend()`` (the
    app hands the terminal over), and return the file's text afterwards.

    Raises ``EditorFailed`` if the editor can't be started or exits with an error; the
    ``suspend`` context manager's own exceptions (``SuspendNotSupported``) pass through.
    """
    handle, name = tempfile.mkstemp(prefix="nlmg-note-", suffix=".md")  # mode 0600
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", errors="replace") as file:
            file.write(text)
        with suspend():
            try:
                result = subprocess.run([*command, str(path)], check=False)
            except OSError as error:
                raise EditorFailed(f"Could not start the editor {command[0]!r}: "
                                   f"{error.strerror or error}.") from None
        if result.returncode != 0:
            raise EditorFailed(f"The editor exited with status {result.returncode}; "
                               "the note was not changed.")
        with path.open(encoding="utf-8", errors="replace", newline="") as file:
            edited = file.read(MAX_NOTE_CHARS + 2)  # the library refuses anything longer
        if edited.endswith("\n") and not text.endswith("\n"):
            edited = edited[:-1]  # most editors end the file with a newline
        return edited
    finally:
        path.unlink(missing_ok=True)
