from __future__ import annotations

import pytest

from nlmg_tui.library import InvalidEntryError, passage_from_review, sentence_spans


def test_whole_paragraph_takes_context_from_neighbours(corpus):
    passage = passage_from_review(corpus.get("r1"), "p2")
    assert passage.quote.startswith("Tommy's rages")
    assert passage.prefix.endswith("strict but kind.\n\n")
    assert passage.suffix.startswith("\n\nThe ending lingers")
    assert len(passage.prefix) == 40 and len(passage.suffix) == 40


def test_span_context_comes_from_the_same_paragraph(corpus):
    text = corpus.get("r1").paragraph("p2").text
    start = text.index("Ruth")
    passage = passage_from_review(corpus.get("r1"), "p2", start, len(text))
    assert passage.quote == "Ruth is harder to love."
    assert passage.prefix.endswith("rawest moments. ")
    assert passage.start == start


def test_first_paragraph_has_short_prefix(corpus):
    passage = passage_from_review(corpus.get("r1"), "p1")
    assert passage.prefix == ""


@pytest.mark.parametrize("span", [(5, 5), (-1, 3), (0, 10_000), (9, 3)])
def test_bad_spans_are_refused(corpus, span):
    with pytest.raises(InvalidEntryError):
        passage_from_review(corpus.get("r1"), "p1", *span)


def test_unknown_paragraph_is_refused(corpus):
    with pytest.raises(InvalidEntryError, match="no paragraph"):
        passage_from_review(corpus.get("r1"), "p9")


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two! Three?", ["One.", "Two!", "Three?"]),
        ("He said \u201cno.\u201d Then left.", ["He said \u201cno.\u201d", "Then left."]),
        ("No full stop at the end", ["No full stop at the end"]),
        ("Trailing space.   ", ["Trailing space."]),
        ("", []),
        ("Wait\u2026 what?", ["Wait\u2026", "what?"]),
    ],
)
def test_sentence_spans(text, sentences):
    assert [text[a:b] for a, b in sentence_spans(text)] == sentences
