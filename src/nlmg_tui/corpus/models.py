"""The structured review corpus: immutable records, JSON in and out.

Every string here was cut from a raw page (or an imported file) by the cleaning code; nothing is
typed by hand. ``Evidence`` records where a fact came from so the UI and docs can show it.

The parts of a review are NamedTuples and the review and corpus frozen dataclasses: this module
is imported before the app's first frame, and a frozen dataclass costs ~0.7 ms to create
(eleven cost 8 ms at each start); a NamedTuple ~0.15 ms. Change a part with ``_replace``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any, NamedTuple


class Evidence(NamedTuple):
    """Where a fact was read: the raw line (1-based) and the text of that line."""

    line: int
    text: str


class Rating(NamedTuple):
    """A rating as printed and normalised to 0..1.

    ``scale`` is how the text was read ("10", "5", "stars-5", "letter"); ``value`` is None when
    the text could not be normalised.
    """

    text: str
    value: float | None
    scale: str | None = None
    label: str | None = None
    evidence: Evidence | None = None


class Paragraph(NamedTuple):
    """One paragraph of a review; ``id`` is stable within the review (``p1``, ``p2`` ...).

    ``section`` is the label of the verdict/synopsis section holding it (None for the body);
    ``spoiler_warning`` marks a paragraph that warns about spoilers.
    """

    id: str
    text: str
    section: str | None = None
    spoiler_warning: bool = False


class Section(NamedTuple):
    """A labelled part of a review ("The Good", "Final Verdict", "The Lowdown")."""

    label: str
    kind: str  # "verdict" | "synopsis"
    paragraph_ids: tuple[str, ...]


class CommentPart(NamedTuple):
    """A run of a comment: the commenter's own words, or a quote of an earlier comment."""

    kind: str  # "text" | "quote"
    text: str
    quotes_comment: int | None = None


class Quote(NamedTuple):
    """A passage a reply quotes, and the number of the comment it came from (None if unknown)."""

    text: str
    comment_number: int | None


class Comment(NamedTuple):
    """A reader comment; ``text`` holds only the commenter's own words."""

    number: int
    author: str | None
    text: str
    quotes: tuple[Quote, ...] = ()
    parts: tuple[CommentPart, ...] = ()


class FilmFact(NamedTuple):
    """A fact about the film stated on a page, e.g. ``("director", "Mark Romanek")``."""

    field: str
    value: str
    evidence: Evidence
    detail: str | None = None  # e.g. the character an actor plays


class PullQuote(NamedTuple):
    """A sentence that carries the review's verdict, and the rule that chose it."""

    text: str
    rule: str
    paragraph_id: str | None = None


@dataclass(frozen=True)
class Review:
    """One cleaned review."""

    id: str
    source: str
    headline: str | None
    critic: str | None
    outlet: str | None
    published: str | None  # ISO date, YYYY-MM-DD
    rating: Rating | None
    site_rating: Rating | None
    paragraphs: tuple[Paragraph, ...]
    sections: tuple[Section, ...] = ()
    pull_quotes: tuple[PullQuote, ...] = ()
    comments: tuple[Comment, ...] = ()
    film_facts: tuple[FilmFact, ...] = ()
    critic_bio: str | None = None
    evidence: dict[str, Evidence] = field(default_factory=dict)
    film: str | None = None

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.paragraphs)

    @property
    def verdict(self) -> str | None:
        """The first pull quote: the line the list shows, as Rotten Tomatoes shows a quote."""
        return self.pull_quotes[0].text if self.pull_quotes else None

    def paragraph(self, paragraph_id: str) -> Paragraph | None:
        for paragraph in self.paragraphs:
            if paragraph.id == paragraph_id:
                return paragraph
        return None

    def paragraph_index(self, paragraph_id: str) -> int | None:
        for index, paragraph in enumerate(self.paragraphs):
            if paragraph.id == paragraph_id:
                return index
        return None

    def to_json(self) -> dict[str, Any]:
        data = {f.name: _plain(getattr(self, f.name)) for f in fields(self)}
        data["word_count"] = self.word_count
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Review:
        return cls(
            id=data["id"],
            source=data["source"],
            headline=data.get("headline"),
            critic=data.get("critic"),
            outlet=data.get("outlet"),
            published=data.get("published"),
            rating=rating_from_json(data.get("rating")),
            site_rating=rating_from_json(data.get("site_rating")),
            paragraphs=tuple(Paragraph(**p) for p in data["paragraphs"]),
            sections=tuple(
                Section(s["label"], s["kind"], tuple(s["paragraph_ids"]))
                for s in data.get("sections", [])
            ),
            pull_quotes=pull_quotes_from_json(data.get("pull_quotes", [])),
            comments=tuple(
                Comment(
                    number=c["number"],
                    author=c.get("author"),
                    text=c["text"],
                    quotes=tuple(Quote(**q) for q in c.get("quotes", [])),
                    parts=tuple(CommentPart(**p) for p in c.get("parts", [])),
                )
                for c in data.get("comments", [])
            ),
            film_facts=tuple(
                FilmFact(f["field"], f["value"], Evidence(**f["evidence"]), f.get("detail"))
                for f in data.get("film_facts", [])
            ),
            critic_bio=data.get("critic_bio"),
            evidence={k: Evidence(**v) for k, v in data.get("evidence", {}).items()},
            film=data.get("film"),
        )


def _plain(value: Any) -> Any:
    """``value`` as JSON holds it: records as objects, tuples as lists."""
    if hasattr(value, "_asdict"):
        return {name: _plain(item) for name, item in value._asdict().items()}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {name: _plain(item) for name, item in value.items()}
    return value


def rating_from_json(raw: dict[str, Any] | None) -> Rating | None:
    """A ``Rating`` from its ``to_json`` form (None for none)."""
    if not raw:
        return None
    evidence = raw.get("evidence")
    return Rating(**{**raw, "evidence": Evidence(**evidence) if evidence else None})


def pull_quotes_from_json(raw: list[dict[str, Any]]) -> tuple[PullQuote, ...]:
    return tuple(PullQuote(**quote) for quote in raw)


@dataclass(frozen=True)
class Corpus:
    """All reviews, in a stable order (bundled by source name, then imports)."""

    reviews: tuple[Review, ...]
    import_stamps: str | None = field(default=None, compare=False, repr=False)
    """The import files' stamps (``file_stamps``) when the imports were listed from a current
    summary: the search index keys on them without stating every file again."""

    def get(self, review_id: str) -> Review | None:
        return self._by_id.get(review_id)

    @cached_property
    def _by_id(self) -> dict[str, Review]:
        """Review by id, the first of any same-id reviews (a search shows fifty hits at a time:
        fifty scans of a thousand reviews each, without it)."""
        return {review.id: review for review in reversed(self.reviews)}

    def to_json(self) -> dict[str, Any]:
        return {"format": 1, "reviews": [r.to_json() for r in self.reviews]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Corpus:
        return cls(tuple(Review.from_json(r) for r in data["reviews"]))
