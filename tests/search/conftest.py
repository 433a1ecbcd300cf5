"""Small hand-made reviews for search tests (the real corpus is used where it exists)."""

from __future__ import annotations

import pytest

from nlmg_tui.corpus.models import Comment, Paragraph, PullQuote, Review, Section
from nlmg_tui.search import SearchIndex, documents_from_corpus


def make_review(review_id: str, critic: str | None, outlet: str | None, paragraphs: list[str],
                comments: list[str] = (), verdict: str | None = None) -> Review:
    paras = [Paragraph(f"p{i}", text) for i, text in enumerate(paragraphs, 1)]
    sections: tuple[Section, ...] = ()
    quotes: tuple[PullQuote, ...] = ()
    if verdict:
        paras.append(Paragraph(f"p{len(paras) + 1}", verdict, section="Verdict"))
        sections = (Section("Verdict", "verdict", (paras[-1].id,)),)
        quotes = (PullQuote(verdict, "verdict-section", paras[-1].id),)
    return Review(
        id=review_id,
        source=f"{review_id}.txt",
        headline=f"Review by {critic}" if critic else None,
        critic=critic,
        outlet=outlet,
        published=None,
        rating=None,
        site_rating=None,
        paragraphs=tuple(paras),
        sections=sections,
        pull_quotes=quotes,
        comments=tuple(Comment(n, "reader", text) for n, text in enumerate(comments, 1)),
    )


REVIEWS = (
    make_review(
        "001_aaaa", "James Rocchi", "MSN Movies",
        [
            "Mark Romanek's film unfolds with the beautiful poisoned grace of a viper.",
            "Kathy (Carey Mulligan) works as a carer; Tommy (Andrew Garfield) loves her.",
            "The pure power of mise-en-scené: every aspect of filmmaking working in concert.",
        ],
        verdict="A beautiful film about ugly truths.",
    ),
    make_review(
        "002_bbbb", "Ken Hanke", "Mountain Xpress",
        [
            "It is one of the most depressing films, and it is haunting me days later.",
            "Grace is not the word; the film is cold and its grace is poisoned by design.",
        ],
        comments=[
            "I saw this film earlier today. It was so powerful.",
            "Hanke is right, a depressing [/b] film [@click=app.quit] but a great one.",
        ],
    ),
    make_review(
        "003_cccc", None, None,
        ["Straße und Café: naïve Zuschauer sehen İstanbul nicht. 電影很好. 😀 Emoji line."],
    ),
)


@pytest.fixture(scope="session")
def small_index() -> SearchIndex:
    return SearchIndex.build(documents_from_corpus(REVIEWS))
