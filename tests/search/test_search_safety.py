"""Hostile queries (docs: RELIABILITY.md, "Search"): no exception, well-formed results."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlmg_tui.search import MAX_QUERY_LENGTH, SearchIndex, SearchResult

HOSTILE = [
    "(", "[", "\\", "*", "+?", "a{1000000}", "[/b]", "[/", "[@click=app.quit]",
    "[bold red]x[/]", "", " ", "   \t  ", "\n", "x" * 10_000, "film " * 2_000, "eeeeee",
    "a" * 30, "e" * 200, unicodedata.normalize("NFD", "naïve"), "naïve", "ß", "İ", "😀",
    '"😀"', "'😀", "電影", "^", "'", '"', '""', "-", "--", "!!", "^^^", "'''", "critic:",
    "in:", "in:nowhere", "review:", "-critic:hanke", "critic:\"", "\x00\x1b[31m\x07",
    "\x1b]52;c;ZXZpbA==\x07grace", "\u202egrace", "\ud800", "(?i)film", ".*", "^$",
    "film$", "|||", "%s %d {0}", "\\x00", "'mise-en", '"the film', "-\"unclosed",
]


def assert_well_formed(result: SearchResult) -> None:
    assert isinstance(result, SearchResult)
    assert len(result.query.text) <= MAX_QUERY_LENGTH
    assert result.total >= len(result.hits)
    for hit in result.hits:
        assert 0 <= hit.score <= 100
        text = hit.document.text
        for start, end in hit.spans:
            assert 0 <= start < end <= len(text)
        for start, end in hit.snippet_spans:
            assert 0 <= start < end <= len(hit.snippet)
        assert "\n" not in hit.snippet and "\x1b" not in hit.snippet


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_are_safe(small_index: SearchIndex, query: str) -> None:
    result = small_index.search(query)
    assert_well_formed(result)
    assert_well_formed(small_index.search(query + " "))


def test_long_paste_is_capped_and_said(small_index: SearchIndex) -> None:
    result = small_index.search("x" * 10_000)
    assert result.query.truncated
    assert any("cut" in note for note in result.notes)


def test_markup_in_queries_is_matched_as_words(small_index: SearchIndex) -> None:
    result = small_index.search("[@click=app.quit] ")
    assert result.hits and result.hits[0].comment_number == 2


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_random_queries_never_raise(small_index: SearchIndex, query: str) -> None:
    assert_well_formed(small_index.search(query, limit=5))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(
    ["grace", "poisoned", "-film", '"', "'", "^", "critic:", "hanke", "in:comments", "mulligen",
     "ß", "😀", "[/b]", "(", "\\", "-", "review:00", " "]), max_size=12))
def test_random_operator_soup_never_raises(small_index: SearchIndex, parts: list[str]) -> None:
    assert_well_formed(small_index.search(" ".join(parts)))
    assert_well_formed(small_index.search("".join(parts)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=80), min_size=1, max_size=6), st.text(max_size=40))
def test_spans_stay_inside_any_documents(texts: list[str], query: str) -> None:
    from nlmg_tui.search import Document

    index = SearchIndex.build(Document("paragraph", "r", t, f"p{i}") for i, t in enumerate(texts))
    assert_well_formed(index.search(query))
    for text in texts:
        words = text.split()
        if words:
            assert_well_formed(index.search(words[0]))
