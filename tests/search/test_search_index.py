"""Searching a small index: what is found, in what order, with which spans."""

from __future__ import annotations

import pytest

from nlmg_tui.search import Document, SearchCancelled, SearchIndex, SearchResult, spans_within


def first(result: SearchResult) -> tuple[str, str | None, str]:
    hit = result.hits[0]
    return hit.review_id, hit.paragraph_id or str(hit.comment_number), hit.field


def highlighted(result: SearchResult) -> list[str]:
    hit = result.hits[0]
    return [hit.document.text[s:e] for s, e in hit.spans]


@pytest.mark.parametrize(
    ("query", "review_id", "where", "field"),
    [
        ("mulligen", "001_aaaa", "p2", "paragraph"),
        ("garfeild", "001_aaaa", "p2", "paragraph"),
        ("romaneck", "001_aaaa", "p1", "paragraph"),
        ('"poisoned grace"', "001_aaaa", "p1", "paragraph"),
        ("grace poisoned", "001_aaaa", "p1", "paragraph"),
        ("hanke", "002_bbbb", None, "critic"),
        ("mise-en-scene", "001_aaaa", "p3", "paragraph"),
        ("ugly truths", "001_aaaa", "p4", "quote"),
        ("istanbul", "003_cccc", "p1", "paragraph"),
        ("strasse cafe naive", "003_cccc", "p1", "paragraph"),
        ("好", "003_cccc", "p1", "paragraph"),
        ("in:comments powerful", "002_bbbb", "1", "comment"),
    ],
)
def test_finds(small_index: SearchIndex, query: str, review_id: str, where: str | None,
               field: str) -> None:
    result = small_index.search(query)
    assert result.hits, query
    got_review, got_where, got_field = first(result)
    assert (got_review, got_field) == (review_id, field)
    if where is not None:
        assert got_where == where


def test_typo_spans_point_at_the_real_word(small_index: SearchIndex) -> None:
    result = small_index.search("mulligen ")
    assert highlighted(result) == ["Mulligan"]
    hit = result.hits[0]
    assert hit.score == 80
    assert any("typo" in line for line in hit.why)


def test_accent_spans_point_at_the_accented_text(small_index: SearchIndex) -> None:
    assert highlighted(small_index.search('"mise-en-scene"')) == ["mise-en-scené"]
    assert highlighted(small_index.search("strasse ")) == ["Straße"]


def test_snippet_spans_match_the_text_spans(small_index: SearchIndex) -> None:
    for query in ("grace", "film", "hanke depressing", "'anek"):
        for hit in small_index.search(query).hits:
            snippet_words = [hit.snippet[s:e] for s, e in hit.snippet_spans]
            text_words = [hit.document.text[s:e].replace("\n", " ") for s, e in hit.spans]
            assert all(word in text_words for word in snippet_words), (query, hit)


def test_exact_hits_outrank_typos_and_critic_names_come_first(small_index: SearchIndex) -> None:
    result = small_index.search("hanke ")
    assert [h.field for h in result.hits] == ["critic", "headline", "comment"]
    assert all(h.score == 100 for h in result.hits)


def test_phrase_needs_the_words_together(small_index: SearchIndex) -> None:
    result = small_index.search('"poisoned grace"')
    assert [(h.review_id, h.paragraph_id) for h in result.hits] == [("001_aaaa", "p1")]
    assert highlighted(result) == ["poisoned grace"]


def test_words_far_apart_cost_points(small_index: SearchIndex) -> None:
    near = small_index.search("poisoned grace ").hits[0]
    assert (near.review_id, near.paragraph_id, near.score) == ("001_aaaa", "p1", 100)


def test_negation_leaves_texts_out(small_index: SearchIndex) -> None:
    with_word = {(h.review_id, h.paragraph_id, h.comment_number)
                 for h in small_index.search("film ").hits}
    without = {(h.review_id, h.paragraph_id, h.comment_number)
               for h in small_index.search("film -depressing ").hits}
    assert ("002_bbbb", None, 2) in with_word
    assert ("002_bbbb", None, 2) not in without
    assert without < with_word
    assert small_index.search('film -"beautiful film" ').hits
    assert all("beautiful film" not in h.document.text.lower()
               for h in small_index.search('film -"beautiful film" ').hits)


def test_filters(small_index: SearchIndex) -> None:
    assert {h.review_id for h in small_index.search("critic:hanke film").hits} == {"002_bbbb"}
    assert {h.review_id for h in small_index.search("critic:hamke film").hits} == {"002_bbbb"}
    assert {h.review_id for h in small_index.search("outlet:xpress").hits} == {"002_bbbb"}
    assert {h.review_id for h in small_index.search("review:001 film").hits} == {"001_aaaa"}
    assert {h.review_id for h in small_index.search("-review:001 film").hits} == {"002_bbbb"}
    assert {h.field for h in small_index.search("in:quotes film").hits} <= {"quote", "verdict"}
    assert {h.field for h in small_index.search("film", fields=["comment"]).hits} == {"comment"}
    assert not small_index.search("critic:nobody film").hits


def test_literal_and_prefix_operators(small_index: SearchIndex) -> None:
    assert highlighted(small_index.search("'anek")) == ["anek"]
    assert highlighted(small_index.search("^roma ")) == ["Romanek"]
    assert not small_index.search("^omanek ").hits
    assert not small_index.search("'romaneck").hits  # literal: no typo tolerance


def test_as_you_type_completes_the_last_word(small_index: SearchIndex) -> None:
    assert small_index.search("poisoned gra").hits[0].paragraph_id == "p1"
    assert not small_index.search("poisoned gra ").hits or \
        small_index.search("poisoned gra ").partial


def test_no_text_with_every_word_falls_back_to_all_but_one(small_index: SearchIndex) -> None:
    result = small_index.search("mulligan zzzzqqq ")
    assert result.partial
    assert result.hits[0].score == 50
    assert any("missing" in line for line in result.hits[0].why)


def test_empty_queries_find_nothing(small_index: SearchIndex) -> None:
    for query in ("", "   ", "(", "critic:"):
        assert small_index.search(query).hits == ()


def test_limit_and_total(small_index: SearchIndex) -> None:
    result = small_index.search("film", limit=2)
    assert len(result.hits) == 2
    assert result.total > 2


def test_cancelled_search_raises() -> None:
    index = SearchIndex.build([Document("paragraph", "r", "some film text", "p1")])
    with pytest.raises(SearchCancelled):
        index.search("film", cancelled=lambda: True)
    with pytest.raises(SearchCancelled):
        SearchIndex.build([Document("paragraph", "r", "x", "p1")], cancelled=lambda: True)


def test_generic_documents_and_control_characters() -> None:
    index = SearchIndex.build([
        Document("note", "001_aaaa", "my note about \x1b]52;c;ZXZpbA==\x07grace", "p1"),
        Document("paragraph", "001_aaaa", "   "),
    ])
    assert len(index) == 1
    hit = index.search("grace").hits[0]
    assert hit.field == "note"
    assert "\x1b" not in hit.document.text and "\x1b" not in hit.snippet


def test_hits_serialise_to_the_cli_json_shape(small_index: SearchIndex) -> None:
    data = small_index.search("mulligen").hits[0].to_json()
    assert set(data) >= {"review_id", "paragraph_id", "field", "score", "snippet", "spans"}
    start, end = data["spans"][0]
    assert data["snippet"][start:end] == "Mulligan"


def test_rendered_snippets_style_the_spans_and_keep_brackets(small_index: SearchIndex) -> None:
    from nlmg_tui.search.render import document_text, snippet_text

    hit = small_index.search('"[/b] film"').hits[0]
    text = snippet_text(hit)
    assert "[/b]" in text.plain
    styled = [text.plain[span.start:span.end] for span in text.spans]
    assert styled == [hit.snippet[s:e] for s, e in hit.snippet_spans]
    assert document_text(hit).plain == hit.document.text


def test_phrase_checks_are_bounded_and_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    import nlmg_tui.search.index as index_module

    index = SearchIndex.build(
        Document("paragraph", f"r{i}", "beta alpha, then more words", "p1") for i in range(30)
    )
    assert index.search('"alpha beta"').hits == ()
    assert index.search('"alpha beta"').total == 0  # every candidate was checked
    monkeypatch.setattr(index_module, "CONFIRM_BUDGET", 10)
    result = index.search('"alpha beta"')
    assert result.hits == ()
    assert any("Stopped checking after 10 texts" in note for note in result.notes)


def test_quote_spans_can_be_placed_in_their_paragraph(small_index: SearchIndex) -> None:
    paragraph = "Some words first. A beautiful film about ugly truths."
    hit = next(h for h in small_index.search("ugly truths").hits if h.field == "quote")
    placed = spans_within(hit, paragraph)
    assert [paragraph[s:e] for s, e in placed] == ["ugly", "truths"]
    assert spans_within(hit, "unrelated text") == ()


def test_snippet_shows_where_most_words_meet_when_no_window_holds_them_all() -> None:
    # "b" (the last word, matched as a prefix) first meets "because" far from the other words;
    # the snippet must show the passage where the named actors are, not the stray prefix match.
    filler = " ".join(["The sound cut out during an important scene, I missed a lot."] * 4)
    text = (f"Partly because I was out of town. {filler} "
            "Later I felt that Kestrel Moorcroft was the standout performance.")
    index = SearchIndex.build([Document("comment", "001_x", text, comment_number=1)])
    hit = index.search("kestrel moorcroft [/b]").hits[0]
    assert "Kestrel Moorcroft was the standout" in hit.snippet
    assert {"Kestrel", "Moorcroft"} <= {hit.snippet[s:e] for s, e in hit.snippet_spans}
