"""Search over reviews, quotes, passages and comments: pure Python, no Textual.

The UI builds one ``SearchIndex`` off the first frame and calls ``SearchIndex.search`` from a
thread worker on each keystroke::

    index = SearchIndex.build(documents_from_corpus(corpus))
    result = index.search("mulligen 'grace", limit=50, cancelled=lambda: worker.is_cancelled)
    for hit in result.hits:
        hit.review_id, hit.paragraph_id, hit.field, hit.score, hit.snippet, hit.snippet_spans

Bookmark notes live in a second, small index (``notes.CurrentNotes``) that ``search_with_notes``
searches beside the corpus index.
"""

from __future__ import annotations

from nlmg_tui.search.documents import FIELD_GROUPS, FIELDS, Document, documents_from_corpus
from nlmg_tui.search.folding import normalize, normalize_with_offsets
from nlmg_tui.search.index import DEFAULT_LIMIT, SearchIndex
from nlmg_tui.search.notes import (
    CurrentNotes,
    NotesIndex,
    build_notes_index,
    documents_from_bookmarks,
    search_with_notes,
)
from nlmg_tui.search.query import MAX_QUERY_LENGTH, ParsedQuery, parse_query
from nlmg_tui.search.results import Hit, SearchCancelled, SearchResult, spans_within

__all__ = [
    "CurrentNotes",
    "DEFAULT_LIMIT",
    "FIELDS",
    "FIELD_GROUPS",
    "MAX_QUERY_LENGTH",
    "Document",
    "Hit",
    "NotesIndex",
    "ParsedQuery",
    "SearchCancelled",
    "SearchIndex",
    "SearchResult",
    "build_notes_index",
    "documents_from_bookmarks",
    "documents_from_corpus",
    "normalize",
    "normalize_with_offsets",
    "parse_query",
    "search_with_notes",
    "spans_within",
]
