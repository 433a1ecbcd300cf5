"""A bookmark: a quoted passage of a review with its context, a note and tags."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from nlmg_tui.library.errors import InvalidEntryError
from nlmg_tui.textsafety import one_line, strip_unsafe

MAX_NOTE_CHARS = 100_000
MAX_QUOTE_CHARS = 20_000
MAX_CONTEXT_CHARS = 200
MAX_ID_CHARS = 200
MAX_TAGS = 50
MAX_TAG_CHARS = 60


_NEEDS_CLEANING = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ud800-\udfff]"
)
"""Any character ``strip_unsafe`` would change (escape sequences start with ESC, CSI or OSC)."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def clean_note(note: str) -> str:
    """Strip unsafe characters (lone surrogates become U+FFFD); refuse over-long notes."""
    if not isinstance(note, str):
        raise InvalidEntryError("A note must be text.")
    if len(note) > MAX_NOTE_CHARS:
        raise InvalidEntryError(
            f"That note is {len(note):,} characters; notes are limited to {MAX_NOTE_CHARS:,}."
        )
    return strip_unsafe(note)


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """One-line, non-empty tags, duplicates (ignoring case) dropped, order kept."""
    if isinstance(tags, str):
        tags = [tags]
    seen: set[str] = set()
    cleaned: list[str] = []
    for tag in tags:
        if not isinstance(tag, str):
            raise InvalidEntryError("Tags must be text.")
        tag = one_line(tag).lstrip("#")
        if not tag:
            continue
        if len(tag) > MAX_TAG_CHARS:
            raise InvalidEntryError(f"Tags are limited to {MAX_TAG_CHARS} characters.")
        if tag.casefold() not in seen:
            seen.add(tag.casefold())
            cleaned.append(tag)
    if len(cleaned) > MAX_TAGS:
        raise InvalidEntryError(f"A bookmark can have at most {MAX_TAGS} tags.")
    return tuple(cleaned)


def clean_id(value: Any, what: str) -> str:
    text = one_line(value) if isinstance(value, str) else ""
    if not text or len(text) > MAX_ID_CHARS:
        raise InvalidEntryError(f"A bookmark needs a {what} (1 to {MAX_ID_CHARS} characters).")
    return text


def clean_quote(quote: Any) -> str:
    text = strip_unsafe(quote).strip() if isinstance(quote, str) else ""
    if not text:
        raise InvalidEntryError("A bookmark needs a non-empty quote.")
    if len(text) > MAX_QUOTE_CHARS:
        raise InvalidEntryError(f"Quotes are limited to {MAX_QUOTE_CHARS:,} characters.")
    return text


def clean_context(text: Any) -> str:
    return strip_unsafe(text)[:MAX_CONTEXT_CHARS] if isinstance(text, str) else ""


def passage_key(review_id: str, paragraph_id: str, quote: str) -> tuple[str, str, str]:
    """Two bookmarks with the same key mark the same passage."""
    return (review_id, paragraph_id, " ".join(quote.split()))


@dataclass(frozen=True)
class Bookmark:
    """A bookmarked passage. ``id`` is a uuid that never changes; times are ISO 8601 UTC."""

    id: str
    review_id: str
    paragraph_id: str
    quote: str
    prefix: str
    suffix: str
    note: str
    tags: tuple[str, ...]
    created: str
    updated: str

    @property
    def key(self) -> tuple[str, str, str]:
        return passage_key(self.review_id, self.paragraph_id, self.quote)

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "review_id": self.review_id,
            "paragraph_id": self.paragraph_id,
            "quote": self.quote,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "note": self.note,
            "tags": list(self.tags),
            "created": self.created,
            "updated": self.updated,
        }

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> Bookmark:
        """Read (and re-sanitise) a stored or imported record; InvalidEntryError if unusable."""
        return (canonical_bookmark(doc) if isinstance(doc, dict) else None) or bookmark_from_any_doc(doc)

    def with_note(self, note: str) -> Bookmark:
        return replace(self, note=clean_note(note), updated=now_iso())

    def with_tags(self, tags: Iterable[str]) -> Bookmark:
        return replace(self, tags=clean_tags(tags), updated=now_iso())


def bookmark_from_any_doc(doc: Mapping[str, Any]) -> Bookmark:
    """Every field checked and cleaned (the full path of ``Bookmark.from_doc``)."""
    if not isinstance(doc, Mapping):
        raise InvalidEntryError("A bookmark record must be a JSON object.")
    tags = doc.get("tags", [])
    if not isinstance(tags, list | tuple):
        raise InvalidEntryError("A bookmark's tags must be a list.")
    note = doc.get("note", "")
    return Bookmark(
        id=clean_id(doc.get("id"), "id"),
        review_id=clean_id(doc.get("review_id"), "review id"),
        paragraph_id=clean_id(doc.get("paragraph_id"), "paragraph id"),
        quote=clean_quote(doc.get("quote")),
        prefix=clean_context(doc.get("prefix", "")),
        suffix=clean_context(doc.get("suffix", "")),
        note=clean_note(note if note is not None else ""),
        tags=clean_tags(tags),
        created=clean_time(doc.get("created")),
        updated=clean_time(doc.get("updated", doc.get("created"))),
    )


def clean_time(value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidEntryError("A bookmark needs created/updated times.")
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise InvalidEntryError(f"{one_line(value)[:40]!r} is not an ISO date-time.") from None
    return value


def new_bookmark(
    review_id: str,
    paragraph_id: str,
    quote: str,
    prefix: str = "",
    suffix: str = "",
    note: str = "",
    tags: Iterable[str] = (),
) -> Bookmark:
    stamp = now_iso()
    return Bookmark(
        id=uuid.uuid4().hex,
        review_id=clean_id(review_id, "review id"),
        paragraph_id=clean_id(paragraph_id, "paragraph id"),
        quote=clean_quote(quote),
        prefix=clean_context(prefix),
        suffix=clean_context(suffix),
        note=clean_note(note),
        tags=clean_tags(tags),
        created=stamp,
        updated=stamp,
    )


_FIELDS = frozenset(
    ("id", "review_id", "paragraph_id", "quote", "prefix", "suffix", "note", "tags", "created", "updated")
)
_search_unsafe = _NEEDS_CLEANING.search
_parse_time = datetime.fromisoformat


def is_safe_text(text: str) -> bool:
    """``strip_unsafe(text) == text``; ``isprintable`` answers most texts at C speed (every
    character ``strip_unsafe`` removes is unprintable, so this holds for a joined text exactly
    when it holds for each of its parts)."""
    return text.isprintable() or not _search_unsafe(text)


def _spaced_once(text: str) -> bool:
    """No leading, trailing or doubled spaces (given ``text.isprintable()``: no other blanks)."""
    return " " not in text or " ".join(text.split()) == text


def _one_line(text: str, limit: int) -> bool:
    """``one_line(text) == text``, non-empty and at most ``limit`` characters."""
    return 0 < len(text) <= limit and text.isprintable() and _spaced_once(text)


def _canonical_tags(tags: Any) -> bool:
    if type(tags) is not list or len(tags) > MAX_TAGS:
        return False
    for tag in tags:
        if type(tag) is not str or not _one_line(tag, MAX_TAG_CHARS) or tag[0] == "#":
            return False
    return len(tags) < 2 or len({tag.casefold() for tag in tags}) == len(tags)


def _canonical_texts(doc: dict[str, Any]) -> bool:
    ident, review_id, paragraph_id = doc["id"], doc["review_id"], doc["paragraph_id"]
    quote, prefix, suffix, note = doc["quote"], doc["prefix"], doc["suffix"], doc["note"]
    if not (type(ident) is type(review_id) is type(paragraph_id) is type(quote) is type(prefix)
            is type(suffix) is type(note) is type(doc["created"]) is type(doc["updated"]) is str):
        return False
    if not (0 < len(ident) <= MAX_ID_CHARS and 0 < len(review_id) <= MAX_ID_CHARS
            and 0 < len(paragraph_id) <= MAX_ID_CHARS and 0 < len(quote) <= MAX_QUOTE_CHARS):
        return False
    if max(len(prefix), len(suffix)) > MAX_CONTEXT_CHARS or len(note) > MAX_NOTE_CHARS:
        return False
    if not (ident + review_id + paragraph_id).isprintable():
        return False
    if not (_spaced_once(ident) and _spaced_once(review_id) and _spaced_once(paragraph_id)):
        return False
    return quote.strip() == quote and is_safe_text(quote) and is_safe_text(prefix + suffix + note)


def canonical_bookmark(doc: dict[str, Any]) -> Bookmark | None:
    """The bookmark of a record that is already exactly what ``from_doc`` would make of it
    (every record this app writes), checked without rebuilding each field; None otherwise.

    Reading 10,000 bookmarks then costs a few C-level scans per record instead of a dozen
    cleanings; anything unusual (a hand edit, an import, an old file) takes the full path.
    """
    if doc.keys() != _FIELDS or not _canonical_texts(doc) or not _canonical_tags(doc["tags"]):
        return None
    created, updated = doc["created"], doc["updated"]
    try:
        _parse_time(created)
        if updated != created:
            _parse_time(updated)
    except ValueError:
        return None
    bookmark = object.__new__(Bookmark)
    # The keys are exactly the fields (checked above), so the instance dict is filled at once,
    # as copy and pickle do; the frozen __init__ would set each field through __setattr__.
    bookmark.__dict__.update(doc)
    bookmark.__dict__["tags"] = tuple(doc["tags"])
    return bookmark
