"""Relevance over the shipped corpus: each query's expected passage ranks in the top 3."""

from __future__ import annotations

import pytest

from nlmg_tui import paths
from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.search import SearchIndex, documents_from_corpus

pytestmark = pytest.mark.skipif(not paths.corpus_file().exists(),
                                reason="data/corpus.json not built yet")


@pytest.fixture(scope="module")
def corpus_index() -> SearchIndex:
    return SearchIndex.build(documents_from_corpus(load_corpus()))


def matches(hit, review_prefix: str, field: str | None, needle: str) -> bool:
    return (hit.review_id.startswith(review_prefix)
            and (field is None or hit.field == field)
            and needle.lower() in hit.document.text.lower())


# (query, review id prefix, field or None, text the hit must contain)
CASES = [
    ("garfeild", "", None, "Garfield"),
    ("Mulligen", "", None, "Mulligan"),
    ("romaneck", "", None, "Romanek"),
    ('"poisoned grace"', "000", "paragraph", "poisoned grace"),
    ("grace poisoned viper", "000", "paragraph", "poisoned grace"),
    ("critic:hanke", "002", "critic", "Ken Hanke"),
    ("hanke", "002", "critic", "Ken Hanke"),
    ("in:comments powerful", "002", "comment", "powerful"),
    ("mise-en-scene", "000", "paragraph", "mise-en-scené"),
    ("depressing experience", "002", "paragraph", "depressing experience"),
    ("in:quotes superb heartbreaking", "001", None, "superb, heartbreaking"),
    ("best film of the year by miles", "003", None, "best film of the year"),
    ("kazuo ishiguro novel acclaimed", "", None, "Ishiguro"),
    ("hailsham boarding schol", "003", "paragraph", "Hailsham"),
    ("outlet:xpress methodical", "002", None, "methodical"),
    ("'anek", "", None, "Romanek"),
    ("^knightl", "", None, "Knightley"),
    ("bluemeanie", "003", "critic", "bluemeanie"),
    ("Jamse Rochi", "000", "critic", "James Rocchi"),
]


@pytest.mark.parametrize(("query", "review", "field", "needle"), CASES)
def test_expected_hit_in_top_three(corpus_index: SearchIndex, query: str, review: str,
                                   field: str | None, needle: str) -> None:
    hits = corpus_index.search(query + " ", limit=10).hits
    assert hits, query
    assert any(matches(hit, review, field, needle) for hit in hits[:3]), [
        (h.review_id[:3], h.field, h.snippet[:60], h.score) for h in hits[:3]
    ]


def test_negation_removes_the_depressing_passages(corpus_index: SearchIndex) -> None:
    hits = corpus_index.search("film -depressing ", limit=200).hits
    assert hits
    assert all("depressing" not in hit.document.text.lower() for hit in hits)
