"""Exporting the bookmarks from the app: Markdown to read or JSON to import again.

``ask_export`` (the Bookmarks screen's ``E``, the palette's "Export bookmarks…") asks for the
format and a path in ``ExportDialog``, writes the file atomically (temp file, fsync, rename:
an existing file is replaced whole or not at all) and names it in a toast. When the file can't
be written the message says why and the dialog opens again on the same path: nothing the
user chose is lost, and the bookmarks themselves are only read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import platformdirs
from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from nlmg_tui.atomic_file import write_atomically
from nlmg_tui.library.exchange import bookmarks_to_json, bookmarks_to_markdown
from nlmg_tui.textsafety import one_line
from nlmg_tui.tui.typed_app import nlmg_app
from nlmg_tui.tui.widgets.bookmark_library import library_call
from nlmg_tui.tui.widgets.dialog import ListDialog

FORMATS = {"md": ("Markdown", "to read: quotes with critic, outlet, headline, date, notes"),
           "json": ("JSON", "to import again with nlmg-tui bookmarks import")}
MAX_PATH_CHARS = 4096


@dataclass(frozen=True)
class ExportRequest:
    """What the dialog answers: the format (``md`` or ``json``) and the file to write."""

    fmt: str
    path: Path


def export_folder() -> Path:
    """The user's documents folder when it exists, else the home folder."""
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def default_export_path(fmt: str, today: date, folder: Path | None = None) -> Path:
    """``<documents>/nlmg-bookmarks-2026-12-05.md`` (or ``.json``)."""
    return (folder or export_folder()) / f"nlmg-bookmarks-{today.isoformat()}.{fmt}"


def with_format(path_text: str, fmt: str) -> str:
    """``path_text`` with its ``.md``/``.json`` suffix switched to ``fmt``'s (else unchanged)."""
    for suffix in FORMATS:
        if path_text.endswith(f".{suffix}"):
            return path_text[: -len(suffix)] + fmt
    return path_text


def resolve_export_path(path_text: str, fmt: str, today: date) -> Path:
    """The typed path, ``~`` expanded; a folder gets the default file name inside it."""
    path = Path(path_text.strip()).expanduser()
    if path.is_dir():
        return default_export_path(fmt, today, path)
    return path


def write_export(request: ExportRequest, app: App[Any]) -> int | None:
    """Write the bookmarks to ``request.path``; the count written, or None (the user was told
    why). Bookmarks are read through the library, never changed."""
    nlmg = nlmg_app(app)
    bookmarks = library_call(app, lambda library: library.bookmarks(), failed="Not exported:")
    if bookmarks is None:
        return None
    render = bookmarks_to_markdown if request.fmt == "md" else bookmarks_to_json
    payload = render(bookmarks, nlmg.corpus).encode("utf-8")
    try:
        write_atomically(request.path, payload)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        app.notify(f"Could not write {one_line(str(request.path))}: {reason}. Nothing was "
                   "changed; choose another place.", title="Not exported", severity="error",
                   timeout=12, markup=False)
        return None
    return len(bookmarks)


def ask_export(app: App[Any], *, path_text: str | None = None, fmt: str = "md") -> None:
    """Ask where to export the bookmarks, write them, and name the file in a toast."""
    today = date.today()

    def chosen(request: ExportRequest | None) -> None:
        if request is None:
            return
        count = write_export(request, app)
        if count is None:
            ask_export(app, path_text=str(request.path), fmt=request.fmt)
            return
        app.notify(f"Exported {count} bookmark{'s' * (count != 1)} "
                   f"({FORMATS[request.fmt][0]}) to {one_line(str(request.path))}",
                   title="Bookmarks exported", timeout=10, markup=False)

    start = path_text if path_text is not None else str(default_export_path(fmt, today))
    app.push_screen(ExportDialog(start, fmt, today), chosen)


class ExportDialog(ListDialog[ExportRequest]):
    """Pick the format (j/k, enter), then confirm or edit the path (enter writes)."""

    DEFAULT_CSS = """
    ExportDialog OptionList {
        max-height: 4;
    }
    ExportDialog #export-path {
        margin: 1 0 0 0;
    }
    """

    def __init__(self, path_text: str, fmt: str, today: date) -> None:
        super().__init__("Export bookmarks")
        self.path_text = path_text
        self.fmt = fmt if fmt in FORMATS else "md"
        self.today = today

    @property
    def path_input(self) -> Input:
        return self.query_one("#export-path", Input)

    def compose_dialog(self) -> ComposeResult:
        yield Static(Text("Format (j/k, enter):"), classes="dialog-hint")
        yield OptionList(*(Option(Text.assemble((name, "bold"), f"  {about}"), id=fmt)
                           for fmt, (name, about) in FORMATS.items()),
                         id="export-formats", markup=False)
        yield Input(self.path_text, id="export-path", max_length=MAX_PATH_CHARS,
                    select_on_focus=False)
        yield Static(id="export-note", classes="dialog-hint")
        yield Static(Text("enter on the path writes the file · escape cancels"),
                     classes="dialog-hint")

    def on_mount(self) -> None:
        self.highlight_first(self.fmt)
        self._show_note()

    @on(OptionList.OptionHighlighted, "#export-formats")
    def _format_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_id in FORMATS:
            self.fmt = event.option_id
            self.path_input.value = with_format(self.path_input.value, self.fmt)

    def option_chosen(self, option_id: str | None) -> None:
        """Enter on a format: go on to the path, the cursor at its end."""
        self.path_input.focus()
        self.path_input.cursor_position = len(self.path_input.value)

    @on(Input.Changed, "#export-path")
    def _show_note(self) -> None:
        path = resolve_export_path(self.path_input.value, self.fmt, self.today) \
            if self.path_input.value.strip() else None
        note = Text()
        if path is None:
            note.append("Type the file to write.")
        elif path.exists():
            note.append(f"{one_line(str(path))} exists: it will be replaced.", style="bold")
        else:
            note.append(f"Writes {one_line(str(path))}")
        self.query_one("#export-note", Static).update(note)

    @on(Input.Submitted, "#export-path")
    def _path_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.notify("Type the file to write.", markup=False)
            return
        self.dismiss(ExportRequest(self.fmt, resolve_export_path(event.value, self.fmt,
                                                                  self.today)))
