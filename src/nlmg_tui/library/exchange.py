"""Bookmark export (Markdown to read, JSON to re-import) and reading an export back.

Every string leaving here is passed through ``strip_unsafe`` again (rule 2). Imports are
bounded, decoded strictly and all-or-nothing: one bad record refuses the whole file.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.library.bookmarks import Bookmark
from nlmg_tui.library.errors import ImportFileError, InvalidEntryError
from nlmg_tui.textsafety import one_line, strip_unsafe

EXPORT_FORMAT = "nlmg-tui-bookmarks"
EXPORT_VERSION = 1
MAX_IMPORT_BYTES = 50 * 1024 * 1024
UNSIGNED = "Unsigned review"


def attribution(review: Review | None, review_id: str) -> dict[str, str | None]:
    """Critic, outlet, date and headline of the review, from the corpus (null where the page
    names none: no placeholder name is invented)."""
    if review is None:
        return {"critic": None, "outlet": None, "published": None, "headline": None}
    return {
        "critic": one_line(review.critic or "") or None,
        "outlet": one_line(review.outlet) if review.outlet else None,
        "published": review.published,
        "headline": one_line(review.headline) if review.headline else None,
    }


def bookmarks_to_json(bookmarks: Iterable[Bookmark], corpus: Corpus | None = None) -> str:
    """The JSON export: each bookmark's fields plus read-only ``attribution``."""
    records = []
    for bookmark in bookmarks:
        record: dict[str, Any] = bookmark.to_doc()
        if corpus is not None:
            record["attribution"] = attribution(corpus.get(bookmark.review_id), bookmark.review_id)
        records.append(record)
    document = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported": datetime.now(UTC).isoformat(timespec="seconds"),
        "bookmarks": records,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _markdown_text(text: str) -> str:
    """Neutralise raw HTML in Markdown (a renderer would run it); everything else reads as is."""
    return strip_unsafe(text).replace("&", "&amp;").replace("<", "&lt;")


def _blockquote(text: str) -> str:
    lines = _markdown_text(text).split("\n")
    return "\n".join(f"> {line}".rstrip() for line in lines)


def _markdown_source(bookmark: Bookmark, review: Review | None, corpus_read: bool) -> str:
    """``— critic, *outlet*, “headline”, date, ¶ 3``: what a reader can look up; never an
    internal id (a review missing from the corpus is named as such)."""
    if review is None:
        return ("— a review no longer in the collection" if corpus_read
                else "— source not named (the reviews could not be read)")
    who = attribution(review, bookmark.review_id)
    parts = [_markdown_text(who["critic"])] if who["critic"] else []
    if who["outlet"]:
        parts.append(f"*{_markdown_text(who['outlet'])}*")
    if who["headline"]:
        parts.append(f"“{_markdown_text(who['headline'])}”")
    if who["published"]:
        parts.append(_markdown_text(who["published"]))
    if not parts:
        parts.append(UNSIGNED)
    index = review.paragraph_index(bookmark.paragraph_id)
    if index is not None:
        parts.append(f"¶ {index + 1}")
    return "— " + ", ".join(parts)


def bookmarks_to_markdown(bookmarks: Iterable[Bookmark], corpus: Corpus | None = None) -> str:
    """Each passage as a blockquote, then "— critic, *outlet*, “headline”, date, ¶ n", then
    the note and tags."""
    items = list(bookmarks)
    out = [
        "# Bookmarks: Never Let Me Go (2010)",
        "",
        f"{len(items)} passage{'s' if len(items) != 1 else ''}, exported from nlmg-tui.",
    ]
    for bookmark in items:
        review = corpus.get(bookmark.review_id) if corpus is not None else None
        out += ["", "---", "", _blockquote(bookmark.quote), ""]
        out.append(_markdown_source(bookmark, review, corpus is not None))
        if bookmark.note.strip():
            out += ["", "**Note:**", "", _markdown_text(bookmark.note.strip())]
        if bookmark.tags:
            out += ["", "**Tags:** " + ", ".join(_markdown_text(t) for t in bookmark.tags)]
    return "\n".join(out) + "\n"


def read_bookmark_export(path: Path) -> list[Bookmark]:
    """Bookmarks from a JSON export (or a bare list of records); ImportFileError if the file
    is not a regular file, is too big, is not UTF-8 JSON, or holds any invalid record."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        raise ImportFileError(f"Could not open {path} ({error.strerror}).") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ImportFileError(f"{path} is not a regular file.")
        if info.st_size > MAX_IMPORT_BYTES:
            raise ImportFileError(
                f"{path} is {info.st_size:,} bytes; imports are limited to {MAX_IMPORT_BYTES:,}."
            )
        with os.fdopen(fd, "rb", closefd=False) as handle:
            payload = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise ImportFileError(f"Could not read {path} ({error.strerror}).") from None
    finally:
        os.close(fd)
    return parse_bookmark_export(payload, str(path))


def parse_bookmark_export(payload: bytes, name: str = "the file") -> list[Bookmark]:
    if len(payload) > MAX_IMPORT_BYTES:
        raise ImportFileError(f"{name} is larger than {MAX_IMPORT_BYTES:,} bytes.")
    try:
        data = json.loads(payload.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFileError(f"{name} is not UTF-8 text; nothing was imported.") from None
    except (json.JSONDecodeError, RecursionError):
        raise ImportFileError(f"{name} is not valid JSON; nothing was imported.") from None
    if isinstance(data, dict):
        if data.get("format") != EXPORT_FORMAT or not isinstance(data.get("bookmarks"), list):
            raise ImportFileError(f'{name} is not an nlmg-tui bookmarks export (no "bookmarks" list).')
        version = data.get("version", 1)
        if not isinstance(version, int) or version > EXPORT_VERSION:
            raise ImportFileError(f"{name} was exported by a newer nlmg-tui; upgrade to import it.")
        records = data["bookmarks"]
    elif isinstance(data, list):
        records = data
    else:
        raise ImportFileError(f"{name} is not an nlmg-tui bookmarks export.")
    bookmarks = []
    for number, record in enumerate(records, start=1):
        try:
            bookmarks.append(Bookmark.from_doc(record))
        except InvalidEntryError as error:
            raise ImportFileError(
                f"Bookmark {number} in {name} is invalid ({error}); nothing was imported."
            ) from None
    return bookmarks
