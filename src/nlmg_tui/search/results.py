"""What a search returns: hits with spans into the original text, and a few facts about the run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nlmg_tui.search.documents import Document
from nlmg_tui.search.query import ParsedQuery

Span = tuple[int, int]


class SearchCancelled(Exception):
    """Raised inside ``SearchIndex.search`` when its ``cancelled`` callback says stop."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One matching text.

    ``spans`` are ``(start, end)`` offsets into ``document.text`` (the original, unfolded text);
    ``snippet`` is a window of that text (newlines shown as spaces, ``…`` where it was cut) and
    ``snippet_spans`` are offsets into ``snippet``. ``why`` says how the score was reached.
    """

    document: Document
    score: int
    spans: tuple[Span, ...]
    snippet: str
    snippet_spans: tuple[Span, ...]
    why: tuple[str, ...] = ()
    relevance: int = 0
    """0..100: ``score`` weighed by where the text sits and how much of it is about the
    words (see ``ranking.relevance``); orders hits of equal score."""

    @property
    def review_id(self) -> str:
        return self.document.review_id

    @property
    def field(self) -> str:
        return self.document.field

    @property
    def paragraph_id(self) -> str | None:
        return self.document.paragraph_id

    @property
    def comment_number(self) -> int | None:
        return self.document.comment_number

    @property
    def bookmark_id(self) -> str | None:
        """The bookmark whose note this is (None unless ``field`` is ``note``)."""
        return self.document.bookmark_id

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON shape: ``spans`` index ``snippet``; ``text_spans`` the whole text;
        ``bookmark_id`` names the bookmark of a note hit (null for the others)."""
        return {
            "review_id": self.review_id,
            "paragraph_id": self.paragraph_id,
            "comment_number": self.comment_number,
            "bookmark_id": self.bookmark_id,
            "field": self.field,
            "score": self.score,
            "relevance": self.relevance,
            "snippet": self.snippet,
            "spans": [list(span) for span in self.snippet_spans],
            "text_spans": [list(span) for span in self.spans],
            "why": list(self.why),
        }


@dataclass(frozen=True)
class SearchResult:
    """Hits best first.

    ``total`` counts the texts that matched (an upper bound when phrases or literal text had to
    be checked one by one); ``partial`` is True when no text held every word and the hits hold
    all but one; ``notes`` are sentences for the user (query cut, words ignored...).
    """

    query: ParsedQuery
    hits: tuple[Hit, ...] = ()
    total: int = 0
    partial: bool = False
    notes: tuple[str, ...] = ()


def spans_within(hit: Hit, container: str) -> tuple[Span, ...]:
    """The hit's spans shifted into ``container``, a text that holds the hit's text.

    For a pull quote, ``container`` is the paragraph it was cut from, so the reader can
    highlight the match there. Empty when the hit's text is not found in ``container``.
    """
    offset = container.find(hit.document.text)
    if offset == -1:
        return ()
    return tuple((start + offset, end + offset) for start, end in hit.spans)
