"""Cutting a passage out of a review: the quote, and the text just before and after it.

The context (about 40 characters each side, running into the neighbouring paragraphs) is what
lets a bookmark find its place again after the corpus is rebuilt, as a Hypothesis text-quote
selector does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlmg_tui.corpus.models import Review
from nlmg_tui.library.errors import InvalidEntryError

CONTEXT_CHARS = 40
PARAGRAPH_SEPARATOR = "\n\n"

_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]]*\s+")


@dataclass(frozen=True)
class Passage:
    """A span of one paragraph (``start``/``end`` index its text) with its context."""

    review_id: str
    paragraph_id: str
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int


def passage_from_review(
    review: Review, paragraph_id: str, start: int | None = None, end: int | None = None
) -> Passage:
    """The whole paragraph, or its ``[start:end]`` span, with context; InvalidEntryError if the
    paragraph does not exist or the span is empty or out of range."""
    index = review.paragraph_index(paragraph_id)
    if index is None:
        raise InvalidEntryError(f"Review {review.id} has no paragraph {paragraph_id!r}.")
    text = review.paragraphs[index].text
    start = 0 if start is None else start
    end = len(text) if end is None else end
    if not 0 <= start < end <= len(text):
        raise InvalidEntryError(
            f"The span {start}..{end} is not inside paragraph {paragraph_id} ({len(text)} characters)."
        )
    before = PARAGRAPH_SEPARATOR.join(p.text for p in review.paragraphs[:index])
    after = PARAGRAPH_SEPARATOR.join(p.text for p in review.paragraphs[index + 1 :])
    if before:
        before += PARAGRAPH_SEPARATOR
    if after:
        after = PARAGRAPH_SEPARATOR + after
    prefix = (before + text[:start])[-CONTEXT_CHARS:]
    suffix = (text[end:] + after)[:CONTEXT_CHARS]
    return Passage(review.id, paragraph_id, text[start:end], prefix, suffix, start, end)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text``, trailing spaces excluded.

    Good enough for choosing a sentence to bookmark; abbreviations ("Mr. Romanek") may split.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + len(match.group().rstrip())
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    tail = text[start:].rstrip()
    if tail.strip():
        spans.append((start, start + len(tail)))
    return spans
