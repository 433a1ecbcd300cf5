"""What the index holds: small documents cut from reviews, and the user's bookmark notes
(``search.notes``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, overload

from nlmg_tui.corpus.models import Corpus, Review

# Field names in tie-break order: when two hits score the same, the earlier field wins
# (a critic's name before a passage that mentions it).
FIELDS: tuple[str, ...] = (
    "critic",
    "outlet",
    "headline",
    "quote",
    "verdict",
    "paragraph",
    "comment",
    "note",
)

# What `in:` (and the CLI's --in) accept, each naming a group of fields.
FIELD_GROUPS: dict[str, frozenset[str]] = {
    "critic": frozenset({"critic"}),
    "critics": frozenset({"critic"}),
    "outlet": frozenset({"outlet"}),
    "outlets": frozenset({"outlet"}),
    "headline": frozenset({"headline"}),
    "headlines": frozenset({"headline"}),
    "title": frozenset({"headline"}),
    "quote": frozenset({"quote", "verdict"}),
    "quotes": frozenset({"quote", "verdict"}),
    "verdict": frozenset({"quote", "verdict"}),
    "verdicts": frozenset({"quote", "verdict"}),
    "paragraph": frozenset({"paragraph", "verdict"}),
    "paragraphs": frozenset({"paragraph", "verdict"}),
    "passages": frozenset({"paragraph", "verdict"}),
    "text": frozenset({"paragraph", "verdict"}),
    "comment": frozenset({"comment"}),
    "comments": frozenset({"comment"}),
    "note": frozenset({"note"}),
    "notes": frozenset({"note"}),
}


class Document(NamedTuple):
    """One searchable text and where it lives.

    ``field`` is one of ``FIELDS``; ``paragraph_id`` is set for paragraphs, verdicts, pull quotes
    and notes on a paragraph; ``comment_number`` for reader comments; ``bookmark_id`` for a
    bookmark's note (the way back to the bookmark). A named tuple: small and cheap to make by
    the hundred thousand (the index itself keeps them as a ``DocumentTable``).
    """

    field: str
    review_id: str
    text: str
    paragraph_id: str | None = None
    comment_number: int | None = None
    bookmark_id: str | None = None

    @property
    def location(self) -> str:
        """A short label for where the text sits: ``p3``, ``comment 4`` or the field name."""
        if self.comment_number is not None:
            return f"comment {self.comment_number}"
        return self.paragraph_id or self.field


def documents_from_review(review: Review) -> Iterator[Document]:
    """Every searchable text of one review."""
    rid = review.id
    for field, value in (
        ("critic", review.critic),
        ("outlet", review.outlet),
        ("headline", review.headline),
    ):
        if value:
            yield Document(field, rid, value)
    for quote in review.pull_quotes:
        yield Document("quote", rid, quote.text, paragraph_id=quote.paragraph_id)
    verdict_ids = {
        pid for section in review.sections if section.kind == "verdict"
        for pid in section.paragraph_ids
    }
    for paragraph in review.paragraphs:
        field = "verdict" if paragraph.id in verdict_ids else "paragraph"
        yield Document(field, rid, paragraph.text, paragraph_id=paragraph.id)
    for comment in review.comments:
        if comment.text:
            yield Document("comment", rid, comment.text, comment_number=comment.number)


def documents_from_corpus(corpus: Corpus | Iterable[Review]) -> Iterator[Document]:
    """Every searchable text of every review, in corpus order (lazily: see ``SearchIndex.build``)."""
    reviews = corpus.reviews if isinstance(corpus, Corpus) else corpus
    for review in reviews:
        yield from documents_from_review(review)


class PackedTexts(Sequence[str]):
    """Texts kept as one UTF-8 blob, each decoded when read: a cached index loads without
    decoding megabytes it may never show. ``ends[i]`` is where text ``i`` ends in ``data``
    (one separator byte follows each text but the last)."""

    __slots__ = ("_data", "_ends")

    def __init__(self, data: bytes, ends: Sequence[int]) -> None:
        previous = -1
        for end in ends:  # checked once: every slice below is then in bounds and ordered
            if end <= previous or end > len(data):
                raise ValueError("text offsets out of order")
            previous = end
        if ends and ends[-1] != len(data):
            raise ValueError("text offsets do not cover the data")
        self._data = data
        self._ends = ends

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self._ends)
        start = self._ends[index - 1] + 1 if index > 0 else 0
        return self._data[start : self._ends[index]].decode("utf-8", "surrogatepass")


class DocumentColumns(NamedTuple):
    """A ``DocumentTable``'s six columns, one entry per document in each."""

    fields: Sequence[str]
    review_ids: Sequence[str]
    texts: Sequence[str]
    paragraph_ids: Sequence[str | None]
    comment_numbers: Sequence[int | None]
    bookmark_ids: Sequence[str | None]


class _GrowingColumns(NamedTuple):
    """The columns while a table is being filled (``DocumentTable.append``)."""

    fields: list[str]
    review_ids: list[str]
    texts: list[str]
    paragraph_ids: list[str | None]
    comment_numbers: list[int | None]
    bookmark_ids: list[str | None]


class DocumentTable(Sequence[Document]):
    """Documents stored column by column: a few lists instead of 100,000 objects for the
    garbage collector to walk on every full collection.

    A table grows (``append``) until ``freeze`` turns its columns into tuples; a table made
    from ``columns`` is frozen from the start.
    """

    def __init__(self, documents: Iterable[Document] = (),
                 columns: DocumentColumns | None = None) -> None:
        self._growing: _GrowingColumns | None = None
        if columns is None:
            self._growing = _GrowingColumns([], [], [], [], [], [])
            self._use(DocumentColumns(*self._growing))
        else:
            # A text column that is a sequence other than a list (``PackedTexts``, decoded on
            # access) is kept as it is.
            texts = columns.texts
            self._use(DocumentColumns(
                tuple(columns.fields), tuple(columns.review_ids),
                texts if isinstance(texts, PackedTexts) else tuple(texts),
                tuple(columns.paragraph_ids), tuple(columns.comment_numbers),
                tuple(columns.bookmark_ids)))
        for document in documents:
            self.append(document)

    def _use(self, columns: DocumentColumns) -> None:
        # One attribute per column: ``__getitem__`` is on the search's hot path.
        self._fields = columns.fields
        self._review_ids = columns.review_ids
        self._texts = columns.texts
        self._paragraph_ids = columns.paragraph_ids
        self._comment_numbers = columns.comment_numbers
        self._bookmark_ids = columns.bookmark_ids

    def append(self, document: Document) -> None:
        """Add a document; ValueError once the table is frozen."""
        growing = self._growing
        if growing is None:
            raise ValueError("a frozen document table takes no more documents")
        growing.fields.append(document.field)
        growing.review_ids.append(document.review_id)
        growing.texts.append(document.text)
        growing.paragraph_ids.append(document.paragraph_id)
        growing.comment_numbers.append(document.comment_number)
        growing.bookmark_ids.append(document.bookmark_id)

    def freeze(self) -> DocumentTable:
        """Turn the columns into tuples of strings and ints, which the garbage collector stops
        tracking: it then no longer walks 100,000 entries on every full collection."""
        growing, self._growing = self._growing, None
        if growing is not None:
            self._use(DocumentColumns(
                tuple(growing.fields), tuple(growing.review_ids), tuple(growing.texts),
                tuple(growing.paragraph_ids), tuple(growing.comment_numbers),
                tuple(growing.bookmark_ids)))
        return self

    def __len__(self) -> int:
        return len(self._texts)

    def columns(self) -> DocumentColumns:
        """The six columns (field, review id, text, paragraph id, comment number, bookmark id)."""
        return DocumentColumns(tuple(self._fields), tuple(self._review_ids), self._texts,
                               tuple(self._paragraph_ids), tuple(self._comment_numbers),
                               tuple(self._bookmark_ids))

    @classmethod
    def from_columns(cls, columns: DocumentColumns) -> DocumentTable:
        """A frozen table from ``columns()``'s output (all six of the same length)."""
        if len({len(column) for column in columns}) != 1:
            raise ValueError("document columns of different lengths")
        return cls(columns=columns)

    @overload
    def __getitem__(self, index: int) -> Document: ...

    @overload
    def __getitem__(self, index: slice) -> list[Document]: ...

    def __getitem__(self, index: int | slice) -> Document | list[Document]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return Document(
            self._fields[index],
            self._review_ids[index],
            self._texts[index],
            self._paragraph_ids[index],
            self._comment_numbers[index],
            self._bookmark_ids[index],
        )

    def review_id(self, index: int) -> str:
        return self._review_ids[index]
