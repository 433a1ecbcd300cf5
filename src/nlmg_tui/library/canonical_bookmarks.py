"""Reading a chunk of stored bookmark records at once, when every one is already canonical.

``canonical_bookmark`` (in ``bookmarks``) checks one record with a few C-level scans; at 10,000
records the Python around those scans dominated a cold list. Here the same checks run field by
field over a whole chunk: each field of every record is gathered with ``itemgetter``, and each
check is one C call over the gathered values (``set(map(type, ...))``, ``min``/``max`` of the
lengths, one ``isprintable`` over the joined texts). The answer is all or nothing: the chunk's
bookmarks, or None when any record in it is not canonical; the caller then reads that chunk one
record at a time (which cleans what can be cleaned and reports the rest). Every record is still
checked, and a chunk is accepted only if ``canonical_bookmark`` would accept each of its
records (tests/library/test_canonical_bookmarks.py checks that the two agree).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from datetime import datetime
from itertools import chain
from operator import itemgetter
from typing import Any

from nlmg_tui.library.bookmarks import (
    MAX_CONTEXT_CHARS,
    MAX_ID_CHARS,
    MAX_NOTE_CHARS,
    MAX_QUOTE_CHARS,
    MAX_TAG_CHARS,
    MAX_TAGS,
    Bookmark,
    is_safe_text,
)

_FIELD_NAMES = tuple(field.name for field in fields(Bookmark))
_NAME_FIELDS = ("id", "review_id", "paragraph_id")
_TEXT_FIELDS = ("quote", "prefix", "suffix", "note")
_parse_time = datetime.fromisoformat
_fields_of = itemgetter(*_FIELD_NAMES)


def canonical_bookmarks(docs: Sequence[Any]) -> list[Bookmark] | None:
    """The bookmarks of ``docs`` if every record is exactly what ``Bookmark.from_doc`` would
    make of it (as ``canonical_bookmark`` decides), else None: then read them one by one."""
    if not docs:
        return []
    # Plain dicts of exactly the ten fields: ten keys, and each field found in every record.
    if set(map(type, docs)) != {dict} or set(map(len, docs)) != {len(_FIELD_NAMES)}:
        return None
    try:
        # One look-up pass per record (cache-friendly), then turned into one tuple per field.
        columns = dict(zip(_FIELD_NAMES, zip(*map(_fields_of, docs), strict=True), strict=True))
        # str.join and str.isprintable refuse anything but text: they check the types too.
        names = list(chain.from_iterable(columns[name] for name in _NAME_FIELDS))
        canonical = (_one_line_texts(names, MAX_ID_CHARS) and _free_texts(columns)
                     and _canonical_tag_lists(columns["tags"])
                     and _iso_times(columns["created"], columns["updated"]))
    except (KeyError, TypeError):
        return None
    return _build(docs, columns["tags"]) if canonical else None


def _one_line_texts(texts: Sequence[Any], limit: int) -> bool:
    """Each text is what ``one_line`` keeps, 1 to ``limit`` characters (``bookmarks._one_line``);
    TypeError if one is not text."""
    if not texts:
        return True
    joined = "".join(texts)
    if not (all(texts) and max(map(len, texts)) <= limit and joined.isprintable()):
        return False
    if " " not in joined:
        return True
    # Printable texts hold no newline, so in the joined lines a space at the edge of a line is
    # a space at the edge of a text, and "  " can only be inside one.
    lines = "\n".join(texts)
    return not (lines[0] == " " or lines[-1] == " " or "  " in lines or " \n" in lines or "\n " in lines)


def _free_texts(columns: dict[str, tuple[Any, ...]]) -> bool:
    """Quotes, prefixes, suffixes and notes: text within its limit with nothing to strip;
    quotes not empty and without blanks at either end. TypeError if one is not text."""
    quotes, contexts = columns["quote"], chain(columns["prefix"], columns["suffix"])
    texts = tuple(chain.from_iterable(columns[name] for name in _TEXT_FIELDS))
    if not all(map(str.isprintable, texts)) and not is_safe_text("".join(texts)):
        return False
    if max(map(len, quotes)) > MAX_QUOTE_CHARS or max(map(len, columns["note"])) > MAX_NOTE_CHARS:
        return False
    if max(map(len, contexts)) > MAX_CONTEXT_CHARS:
        return False
    return all(quotes) and tuple(map(str.strip, quotes)) == quotes


def _canonical_tag_lists(tag_lists: tuple[Any, ...]) -> bool:
    """Lists of at most MAX_TAGS one-line tags, none starting with "#", no two alike."""
    if set(map(type, tag_lists)) != {list}:
        return False
    most = max(map(len, tag_lists))
    tags = list(chain.from_iterable(tag_lists))
    if most > MAX_TAGS or not _one_line_texts(tags, MAX_TAG_CHARS):
        return False
    if tags and ("#" in "".join(map(itemgetter(0), tags))):
        return False
    return most < 2 or all(len({tag.casefold() for tag in group}) == len(group)
                           for group in tag_lists if len(group) > 1)


def _iso_times(created: tuple[Any, ...], updated: tuple[Any, ...]) -> bool:
    """Every created/updated value is an ISO date-time, each distinct one parsed once;
    TypeError if one is not text."""
    try:
        for stamp in set(created).union(updated):
            _parse_time(stamp)
    except ValueError:
        return False
    return True


def _build(docs: Sequence[dict[str, Any]], tag_lists: tuple[list[str], ...]) -> list[Bookmark]:
    """Bookmarks made as ``canonical_bookmark`` makes them: the instance dict filled at once."""
    new = object.__new__
    bookmarks: list[Bookmark] = []
    append = bookmarks.append
    for doc, tags in zip(docs, tag_lists, strict=True):
        bookmark = new(Bookmark)
        state = bookmark.__dict__
        state.update(doc)
        state["tags"] = tuple(tags)
        append(bookmark)
    return bookmarks
