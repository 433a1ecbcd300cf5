"""The topic map: who addresses each topic, with a quote and a tone from each critic."""

from __future__ import annotations

from nlmg_tui.compare.agreement import QUOTE_MAX_CHARS, topic_map, topics_of
from nlmg_tui.corpus.models import Corpus


def test_topic_map_on_hand_made_reviews(make_review):
    corpus = Corpus(
        (
            make_review(
                "a",
                "The acting is superb. Mulligan's performance is lovely and strong.",
                "The ending is too on-the-nose.",
                critic="Ann",
            ),
            make_review("b", "The cast is weak and the acting dull.", critic="Bob"),
            make_review("c", "Nothing about that here.", critic="Cy"),
        )
    )
    topics = topic_map(corpus)
    assert topics.review_ids == ("a", "b", "c")
    cast = topics.row("topic:cast")
    assert [c.critic for c in cast.cells] == ["Ann", "Bob"]
    ann, bob = cast.cells
    assert (ann.paragraph_id, ann.tone.label, ann.sentences) == ("p1", "positive", 2)
    assert ann.quote == "Mulligan's performance is lovely and strong."
    assert bob.tone.label == "negative"
    assert [w.word for w in bob.tone.negative] == ["weak", "dull"]
    assert cast.consensus == "split"
    assert (cast.tally, cast.spread, cast.summary) == (
        {"positive": 1, "negative": 1}, "1 positive · 1 negative", "split, 1 each of 2")
    ending = topics.cell("topic:ending", "a")
    assert (ending.paragraph_id, ending.tone.label) == ("p2", "negative")
    assert topics.cell("topic:ending", "b") is None
    assert topics.row("topic:score").cells == ()
    assert topics.row("topic:score").consensus == "unclear"
    assert topics.row("topic:score").summary == "0 of 0 unclear"


def test_long_sentences_are_cut_around_the_topic(make_review):
    filler = "words " * 80
    corpus = Corpus((make_review("a", f"{filler}and then the score is lovely {filler}."),))
    quote = topic_map(corpus).cell("topic:score", "a").quote
    assert "score is lovely" in quote
    assert quote.startswith("…") and quote.endswith("…")
    assert len(quote) <= QUOTE_MAX_CHARS + 10


def test_json_shape(make_review):
    corpus = Corpus((make_review("a", "A superb cast."),))
    rows = topic_map(corpus).to_json()
    cast = next(row for row in rows if row["topic"] == "cast")
    assert cast["label"] == "Cast and acting"
    assert cast["consensus"] == "positive"
    assert (cast["summary"], cast["tally"]) == ("1 of 1 positive", {"positive": 1})
    assert cast["critics"] == [
        {
            "review_id": "a",
            "critic": "Critic a",
            "paragraph_id": "p1",
            "quote": "A superb cast.",
            "tone": "positive",
            "because": "for: superb",
            "tone_words": [{"word": "superb", "polarity": 1, "negated_by": None}],
            "sentences": 1,
        }
    ]


def test_the_spread_never_hides_dissent(make_review):
    texts = {"a": "The cast is superb.", "b": "The cast is lovely.", "c": "The cast is brilliant.",
             "d": "The cast is superb, if a little wooden.", "e": "The cast arrives."}
    corpus = Corpus(tuple(make_review(key, text) for key, text in texts.items()))
    cast = topic_map(corpus).row("topic:cast")
    assert cast.tally == {"positive": 3, "mixed": 1, "unclear": 1}
    assert cast.spread == "3 positive · 1 mixed · 1 unclear"
    assert cast.summary == "3 of 5 positive"
    assert cast.consensus == "split"  # the mixed critic is not outvoted into "positive"
    agreeing = Corpus(tuple(make_review(k, texts[k]) for k in ("a", "b", "e")))
    row = topic_map(agreeing).row("topic:cast")
    assert (row.consensus, row.summary, row.spread) == (
        "positive", "2 of 3 positive", "2 positive · 1 unclear")


def test_critics_without_an_opinion_are_counted_not_leading(make_review):
    corpus = Corpus((make_review("a", "The cast is superb."),
                     *(make_review(k, "The cast arrives.") for k in "bcd")))
    cast = topic_map(corpus).row("topic:cast")
    assert (cast.leading, cast.summary, cast.spread) == (
        ("positive", 1), "1 of 4 positive", "1 positive · 3 unclear")
    tied = Corpus((make_review("a", "The cast is superb."), make_review("b", "The cast is dull."),
                   make_review("c", "The cast is lovely."), make_review("d", "The cast is weak.")))
    row = topic_map(tied).row("topic:cast")
    assert (row.leading, row.summary, row.consensus) == (("split", 2), "split, 2 each of 4",
                                                         "split")


def test_real_corpus_everyone_praises_the_cast(real_corpus):
    topics = topic_map(real_corpus)
    cast = topics.row("topic:cast")
    assert len(cast.cells) == len(real_corpus.reviews)
    assert {c.tone.label for c in cast.cells} == {"positive"}
    assert cast.consensus == "positive"
    # Ken Hanke alone finds the bleakness a drawback.
    bleak = topics.row("topic:bleakness")
    hanke = next(c for c in bleak.cells if c.review_id.startswith("002"))
    assert hanke.tone.label == "negative"
    assert "depressing" in [w.word for w in hanke.tone.negative]
    for row in topics.rows:
        for cell in row.cells:
            paragraph = real_corpus.get(cell.review_id).paragraph(cell.paragraph_id)
            assert paragraph is not None
            assert cell.quote.strip("…")[:20] in " ".join(paragraph.text.split())


def test_topics_of_a_review_in_gazetteer_order(make_review):
    review = make_review("a", "The score is lovely.", "The cast is fine; the ending sad.")
    assert [t.slug for t in topics_of(review)] == ["cast", "ending", "score", "bleakness"]
    assert topics_of(make_review("b", "Nothing.")) == ()
