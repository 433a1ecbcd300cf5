"""Which bookmarks the Bookmarks screen shows: tag and critic filters, and fuzzy search.

Plain functions over plain data (no Textual), so they can run in a worker thread. Search is
rapidfuzz's ``partial_ratio`` over each bookmark's quote, note and tags, folded by
``default_process``; the query is capped, and nothing combinatorial runs on long text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from nlmg_tui.library.bookmarks import Bookmark

QUERY_MAX_CHARS = 100
MIN_SCORE = 80.0


def search_text(bookmark: Bookmark) -> str:
    return "\n".join((bookmark.quote, bookmark.note, " ".join(bookmark.tags)))


def search_bookmarks(query: str, bookmarks: Sequence[Bookmark]) -> list[str] | None:
    """Ids of the bookmarks matching ``query``, best first (ties keep list order); None when
    the query has nothing to search for (show everything)."""
    folded = default_process(query[:QUERY_MAX_CHARS])
    if not folded.strip():
        return None
    choices = {b.id: default_process(search_text(b)) for b in bookmarks}
    found = process.extract(folded, choices, scorer=fuzz.partial_ratio, processor=None,
                            score_cutoff=MIN_SCORE, limit=None)
    position = {b.id: index for index, b in enumerate(bookmarks)}
    ranked = sorted(found, key=lambda hit: (-hit[1], position[hit[2]]))
    return [key for _, _, key in ranked]


def all_tags(bookmarks: Iterable[Bookmark]) -> list[tuple[str, int]]:
    """Every tag with how many bookmarks carry it, most used first (case folded together)."""
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for bookmark in bookmarks:
        for tag in bookmark.tags:
            key = tag.casefold()
            names.setdefault(key, tag)
            counts[key] = counts.get(key, 0) + 1
    return sorted(((names[k], n) for k, n in counts.items()), key=lambda t: (-t[1], t[0].casefold()))


def has_tag(bookmark: Bookmark, tag: str) -> bool:
    return tag.casefold() in {t.casefold() for t in bookmark.tags}


def parse_tags(line: str) -> list[str]:
    """``"the ending, #acting"`` -> ``["the ending", "acting"]``: tags are comma-separated."""
    parts = line.split(",")
    return [part.strip().lstrip("#").strip() for part in parts if part.strip().lstrip("#").strip()]
