"""A review listed from a summary, its text read from its file when first used.

The app lists a thousand imported reviews from one small summary file
(``importer.summary``): the fields a list, a filter and a sort need are set at once, and the
text (paragraphs, sections, comments, film facts, evidence) is read from the review's own file
the first time anything asks for it. A ``LazyReview`` is a ``Review``: code that reads
``review.paragraphs`` gets them, loaded then; nothing else has to know.

If the file can no longer be read when the text is first needed (removed by another instance
since the start), the review keeps its listed fields and has no text; ``load_problem`` says
why. Loading is guarded by one lock, so two threads never load the same review twice.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import fields
from functools import lru_cache
from typing import Any, NamedTuple

from nlmg_tui.corpus.models import Review, pull_quotes_from_json, rating_from_json

TEXT_FIELDS = ("paragraphs", "sections", "comments", "film_facts", "evidence")
"""What is read from the file on first use; every other field comes from the summary."""
JSON_FIELDS = ("rating", "site_rating", "pull_quotes")
"""Listed fields a summary may give as JSON text, built when first asked for."""
_EMPTY: dict[str, Any] = {"paragraphs": (), "sections": (), "comments": (), "film_facts": (),
                          "evidence": {}}
_LOAD_LOCK = threading.RLock()


class ListedFacts(NamedTuple):
    """What the summary knows about the text, checked when it was written: the word count,
    the number of paragraphs, the paragraphs' content hash (``corpus.derived.content_hash``)
    and, through ``derived_entry()``, the review's stored derived entry (raw, parsed when first
    asked for, checked by its stamp when used)."""

    word_count: int
    paragraph_count: int
    content_hash: str
    derived_entry: Callable[[], Any] = lambda: None


class _ReadFromFile:
    """A text field: read from the review's file when first asked for. A non-data descriptor,
    so once read the value in the instance's ``__dict__`` is found first; without it,
    ``Review``'s class defaults (``comments = ()``) answered for a text not read yet."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, review: LazyReview | None, owner: type | None = None) -> Any:
        if review is None:
            return self
        review.load_text()
        return review.__dict__[self.name]


class _BuiltWhenRead:
    """A listed field kept as JSON text until first asked for: the list builds only the rows
    on screen, so with a thousand imports most are never built. If the text can't be built
    (it was checked when written, so only a bug could do that), the field comes from the
    review's file instead."""

    def __init__(self, build: Callable[[Any], Any], default: Any) -> None:
        self.build, self.default = build, default

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, review: LazyReview | None, owner: type | None = None) -> Any:
        if review is None:
            return self
        raw = review.__dict__["_json"].get(self.name)
        try:
            value = self.default if raw is None else self.build(json.loads(raw))
        except (KeyError, TypeError, ValueError, AttributeError):
            value = review.field_from_file(self.name, self.default)
        review.__dict__[self.name] = value
        return value


class LazyReview(Review):
    """Made with ``listed_from`` or ``from_values``; behaves as the review in ``load()``'s
    result once loaded."""

    listed: ListedFacts
    load_problem: str | None

    paragraphs = _ReadFromFile()
    sections = _ReadFromFile()
    comments = _ReadFromFile()
    film_facts = _ReadFromFile()
    evidence = _ReadFromFile()
    rating = _BuiltWhenRead(rating_from_json, None)
    site_rating = _BuiltWhenRead(rating_from_json, None)
    pull_quotes = _BuiltWhenRead(pull_quotes_from_json, ())

    @classmethod
    def listed_from(cls, review: Review, facts: ListedFacts,
                    load: Callable[[], Review | None]) -> LazyReview:
        """``review`` gives the listed fields (its text fields are ignored); ``load`` returns
        the whole review (None, or raises OSError/ValueError, when it can't be read)."""
        return cls.from_values({name: getattr(review, name) for name in listed_names()}, facts, load)

    @classmethod
    def from_values(cls, values: dict[str, Any], facts: ListedFacts,
                    load: Callable[[], Review | None],
                    json_fields: dict[str, Any] | None = None) -> LazyReview:
        """As ``listed_from``, from the listed fields' values (exactly ``listed_names()``, less
        any of ``JSON_FIELDS`` given as JSON text in ``json_fields``)."""
        lazy = object.__new__(cls)
        lazy.__dict__.update(values, listed=facts, load_problem=None, _loader=load,
                             _json=json_fields or {})
        return lazy

    def field_from_file(self, name: str, default: Any) -> Any:
        """``name`` as the review's file has it (``default`` when the file can't be read)."""
        try:
            whole = self.__dict__["_loader"]()
        except (OSError, ValueError, KeyError, TypeError):
            return default
        return getattr(whole, name) if whole is not None and whole.id == self.id else default

    @property
    def is_loaded(self) -> bool:
        return "paragraphs" in self.__dict__

    @property
    def word_count(self) -> int:
        if self.is_loaded or "listed" not in self.__dict__:
            return super().word_count
        return self.listed.word_count

    def load_text(self) -> None:
        """Read the text fields from the file, once (what any of them does when first read)."""
        with _LOAD_LOCK:
            if self.is_loaded:
                return
            problem, values = None, dict(_EMPTY)
            try:
                whole = self.__dict__["_loader"]()
            except (OSError, ValueError, KeyError, TypeError) as error:
                whole, problem = None, f"{type(error).__name__}: {error}"
            if whole is not None and whole.id == self.id:
                values = {name: getattr(whole, name) for name in TEXT_FIELDS}
            elif problem is None:
                problem = "its file is gone or holds another review"
            self.__dict__.update(values, load_problem=problem)


@lru_cache(maxsize=1)
def listed_names() -> tuple[str, ...]:
    """The fields a ``LazyReview`` has from the start: all but ``TEXT_FIELDS``."""
    return tuple(f.name for f in fields(Review) if f.name not in TEXT_FIELDS)


def is_loaded(review: Review) -> bool:
    """False only for a ``LazyReview`` whose text has not been read yet."""
    return not isinstance(review, LazyReview) or review.is_loaded


def text_problem(review: Review) -> str | None:
    """Why a listed review has no text (its file could not be read when first needed), for the
    screens to say so; None for every other review, and before a load was tried."""
    if isinstance(review, LazyReview):
        problem = review.__dict__.get("load_problem")
        if problem:
            return (f"Its text could not be read ({problem}): another nlmg-tui may have removed "
                    "or replaced this import. Restart to list the library afresh.")
    return None
