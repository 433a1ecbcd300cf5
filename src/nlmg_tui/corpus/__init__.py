"""Reviews as data: models, page cleaning, and the corpus file."""

from nlmg_tui.corpus.models import (
    Comment,
    CommentPart,
    Corpus,
    Evidence,
    FilmFact,
    Paragraph,
    PullQuote,
    Quote,
    Rating,
    Review,
    Section,
)

__all__ = [
    "Comment",
    "CommentPart",
    "Corpus",
    "Evidence",
    "FilmFact",
    "Paragraph",
    "PullQuote",
    "Quote",
    "Rating",
    "Review",
    "Section",
]
