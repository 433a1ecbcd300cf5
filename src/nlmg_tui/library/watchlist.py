"""A watchlist entry (a film to watch, or watched and rated) and title matching."""

from __future__ import annotations

import math
import unicodedata
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from rapidfuzz.utils import default_process

from nlmg_tui.library.bookmarks import clean_id, clean_note, clean_time, now_iso
from nlmg_tui.library.errors import InvalidEntryError
from nlmg_tui.textsafety import one_line

STATUSES = ("want", "watched")
MAX_TITLE_CHARS = 300
MIN_YEAR, MAX_YEAR = 1870, 2100
MAX_RATING = 5


def title_key(title: str) -> str:
    """A title folded for matching: accents, case, punctuation and spacing ignored, so
    "One-Hour Photo" and "one hour photo" agree (rapidfuzz's default processor)."""
    decomposed = unicodedata.normalize("NFKD", title)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(default_process(plain).split())


def clean_title(title: Any) -> str:
    text = one_line(title) if isinstance(title, str) else ""
    if not title_key(text):
        raise InvalidEntryError("A film needs a title with at least one letter or digit.")
    if len(text) > MAX_TITLE_CHARS:
        raise InvalidEntryError(f"Titles are limited to {MAX_TITLE_CHARS} characters.")
    return text


def clean_year(year: Any) -> int | None:
    if year is None:
        return None
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidEntryError("A year must be a whole number such as 2010.")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidEntryError(f"A year must be between {MIN_YEAR} and {MAX_YEAR}.")
    return year


def clean_rating(rating: Any) -> float | int | None:
    """None, or a number from 0 to 5 (halves allowed); NaN and infinities are refused."""
    if rating is None:
        return None
    if isinstance(rating, bool) or not isinstance(rating, int | float):
        raise InvalidEntryError("A rating must be a number from 0 to 5.")
    if not math.isfinite(rating) or not 0 <= rating <= MAX_RATING:
        raise InvalidEntryError(f"A rating must be a number from 0 to {MAX_RATING}, not {rating}.")
    return int(rating) if float(rating).is_integer() else float(rating)


def clean_watched_on(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise InvalidEntryError("A watched date must look like 2026-11-21.") from None


@dataclass(frozen=True)
class WatchlistEntry:
    """A film on the watchlist; ``status`` is "want" or "watched"."""

    id: str
    title: str
    year: int | None
    status: str
    watched_on: str | None
    rating: float | int | None
    note: str
    created: str
    updated: str

    @property
    def key(self) -> str:
        return title_key(self.title)

    def matches(self, title: str, year: int | None = None) -> bool:
        """Same film: same folded title, and the same year where both are known."""
        if title_key(title) != self.key:
            return False
        return year is None or self.year is None or year == self.year

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "year": self.year,
            "status": self.status,
            "watched_on": self.watched_on,
            "rating": self.rating,
            "note": self.note,
            "created": self.created,
            "updated": self.updated,
        }

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> WatchlistEntry:
        if not isinstance(doc, Mapping):
            raise InvalidEntryError("A watchlist record must be a JSON object.")
        status = doc.get("status", "want")
        if status not in STATUSES:
            raise InvalidEntryError(f"A watchlist status must be one of {', '.join(STATUSES)}.")
        note = doc.get("note", "")
        return cls(
            id=clean_id(doc.get("id"), "id"),
            title=clean_title(doc.get("title")),
            year=clean_year(doc.get("year")),
            status=status,
            watched_on=clean_watched_on(doc.get("watched_on")),
            rating=clean_rating(doc.get("rating")),
            note=clean_note(note if note is not None else ""),
            created=clean_time(doc.get("created")),
            updated=clean_time(doc.get("updated", doc.get("created"))),
        )

    def changed(self, **fields: Any) -> WatchlistEntry:
        return replace(self, **fields, updated=now_iso())


def new_entry(title: str, year: int | None = None, note: str = "") -> WatchlistEntry:
    stamp = now_iso()
    return WatchlistEntry(
        id=uuid.uuid4().hex,
        title=clean_title(title),
        year=clean_year(year),
        status="want",
        watched_on=None,
        rating=None,
        note=clean_note(note),
        created=stamp,
        updated=stamp,
    )
