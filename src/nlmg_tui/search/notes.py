"""The user's bookmark notes (and tags) as search documents, in a small index of their own.

The corpus index is built once and never changes; notes change while the app runs (edited on the
Bookmarks screen, or in another instance). So notes get a second, small index, rebuilt whenever
the list of bookmarks differs from the one it was built from (a few milliseconds for hundreds of
notes), and ``search_with_notes`` searches both and merges the hits:

- both indexes score the same way (0..100, see ``ranking``), so hits are merged by score; equal
  scores keep the index's tie-break (field order, where ``note`` comes last, then shorter text);
- when one index has texts holding every word and the other only "all but one", the latter's
  hits are dropped, as one index would do;
- ``total`` is the sum of both counts.

A note document's text is the note, then the tags as ``#tag`` words on a line of their own, so
``in:notes`` finds either. The notes index also holds the critic, outlet and headline of each
review that has notes (never returned: the search is narrowed to ``note``), so ``critic:``,
``outlet:`` and ``review:`` filters work on notes as on the corpus.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.search.documents import FIELDS, Document
from nlmg_tui.search.index import DEFAULT_LIMIT, PARTIAL_NOTE, Cancelled, SearchIndex
from nlmg_tui.search.query import ParsedQuery
from nlmg_tui.search.results import Hit, SearchResult

NOTE_FIELDS = frozenset({"note"})
LABEL_FIELDS = ("critic", "outlet", "headline")
_FIELD_RANK = {name: rank for rank, name in enumerate(FIELDS)}


class BookmarkLike(Protocol):
    """What a note document needs from a bookmark (``library.Bookmark`` has it)."""

    @property
    def id(self) -> str: ...
    @property
    def review_id(self) -> str: ...
    @property
    def paragraph_id(self) -> str: ...
    @property
    def note(self) -> str: ...
    @property
    def tags(self) -> Sequence[str]: ...


def note_text(bookmark: BookmarkLike) -> str:
    """The searchable text of a bookmark: its note, then its tags as ``#tag`` words."""
    tags = " ".join(f"#{tag}" for tag in bookmark.tags)
    return "\n".join(part for part in (bookmark.note.strip(), tags) if part)


def documents_from_bookmarks(
    bookmarks: Iterable[BookmarkLike], reviews: Corpus | Iterable[Review] = ()
) -> Iterator[Document]:
    """A ``note`` document per bookmark with a note or tags, then the critic, outlet and
    headline of each of their reviews found in ``reviews`` (for the filters)."""
    review_ids: list[str] = []
    for bookmark in bookmarks:
        text = note_text(bookmark)
        if not text:
            continue
        yield Document("note", bookmark.review_id, text, bookmark.paragraph_id,
                       bookmark_id=bookmark.id)
        if bookmark.review_id not in review_ids:
            review_ids.append(bookmark.review_id)
    by_id = {r.id: r for r in (reviews.reviews if isinstance(reviews, Corpus) else reviews)}
    for review_id in review_ids:
        review = by_id.get(review_id)
        if review is None:
            continue
        for field in LABEL_FIELDS:
            value = getattr(review, field)
            if value:
                yield Document(field, review_id, value)


@dataclass(frozen=True)
class NotesIndex:
    """An index over the notes of ``bookmarks`` (the list it was built from)."""

    bookmarks: tuple[BookmarkLike, ...]
    index: SearchIndex

    @property
    def note_count(self) -> int:
        return sum(1 for b in self.bookmarks if note_text(b))


def build_notes_index(bookmarks: Iterable[BookmarkLike],
                      reviews: Corpus | Iterable[Review] = ()) -> NotesIndex:
    kept = tuple(bookmarks)
    return NotesIndex(kept, SearchIndex.build(documents_from_bookmarks(kept, reviews)))


class CurrentNotes:
    """The notes index for the newest bookmarks, rebuilt only when they changed.

    Safe to call from several worker threads: one builds, the others wait for it.
    """

    def __init__(self, reviews: Corpus | Iterable[Review] = ()) -> None:
        self._reviews = reviews if isinstance(reviews, Corpus) else tuple(reviews)
        self._lock = threading.Lock()
        self._built: NotesIndex | None = None

    def index_for(self, bookmarks: Sequence[BookmarkLike]) -> NotesIndex:
        """The index over ``bookmarks``' notes (the cached one if nothing changed: unchanged
        bookmarks are the same objects, so the comparison is cheap)."""
        wanted = tuple(bookmarks)
        with self._lock:
            built = self._built
            if built is None or built.bookmarks != wanted:
                built = self._built = build_notes_index(wanted, self._reviews)
            return built


def search_with_notes(
    index: SearchIndex,
    notes: NotesIndex | None,
    query: str | ParsedQuery,
    *,
    limit: int = DEFAULT_LIMIT,
    fields: Iterable[str] | None = None,
    cancelled: Cancelled | None = None,
) -> SearchResult:
    """Search the corpus ``index`` and the ``notes`` index (if any) and merge their hits
    (see the module's docstring for how)."""
    wanted = None if fields is None else frozenset(fields)
    main = index.search(query, limit=limit, fields=wanted, cancelled=cancelled)
    parsed = main.query
    note_fields = NOTE_FIELDS if wanted is None else wanted & NOTE_FIELDS
    if (notes is None or not len(notes.index) or not note_fields
            or (parsed.is_empty and wanted is None)
            or (parsed.fields is not None and not parsed.fields & NOTE_FIELDS)):
        return main
    extra = notes.index.search(parsed, limit=limit, fields=note_fields, cancelled=cancelled)
    return merge_results(main, extra, limit)


def merge_results(first: SearchResult, second: SearchResult, limit: int) -> SearchResult:
    """One result from two searches of the same query in different indexes."""
    parts = [r for r in (first, second) if r.hits]
    if any(not r.partial for r in parts):
        parts = [r for r in parts if not r.partial]  # texts with every word beat the rest
    partial = bool(parts) and all(r.partial for r in parts)
    hits: list[Hit] = sorted(
        (hit for r in parts for hit in r.hits),
        key=lambda h: (-h.score, -h.relevance, _FIELD_RANK.get(h.field, len(FIELDS)), len(h.document.text)),
    )
    notes: list[str] = []
    for note in (*first.notes, *second.notes):
        if note not in notes and (partial or note != PARTIAL_NOTE):
            notes.append(note)
    return SearchResult(first.query, tuple(hits[:limit]),
                        total=sum(r.total for r in parts), partial=partial, notes=tuple(notes))
