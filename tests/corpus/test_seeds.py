"""The five bundled pages, cleaned: what each review must hold, and what it must not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nlmg_tui import paths
from nlmg_tui.corpus.build import build_corpus, read_page
from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.corpus.store import corpus_text, find_review, load_corpus
from nlmg_tui.corpus.text import normalize_line

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return build_corpus(paths.raw_dir())


def review(corpus: Corpus, prefix: str) -> Review:
    found = find_review(corpus, prefix)
    assert found is not None, prefix
    return found


# id prefix: critic, outlet, published, rating text, rating value, paragraphs, comments
EXPECTED = {
    "000": ("James Rocchi", "MSN Movies", None, None, None, 7, 0),
    "001": (None, None, "2011-01-22", None, None, 22, 0),
    "002": ("Ken Hanke", "Mountain Xpress", None, None, None, 9, 9),
    "003": ("bluemeanie", None, "2010-10-28", "10/10", 1.0, 5, 0),
    "004": (None, None, None, None, None, 19, 0),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_fields_per_seed(corpus: Corpus, prefix: str) -> None:
    critic, outlet, published, rating_text, rating_value, n_paragraphs, n_comments = EXPECTED[prefix]
    found = review(corpus, prefix)
    assert found.critic == critic
    assert found.outlet == outlet
    assert found.published == published
    assert (found.rating.text if found.rating else None) == rating_text
    assert (found.rating.value if found.rating else None) == rating_value
    assert len(found.paragraphs) == n_paragraphs
    assert len(found.comments) == n_comments
    assert found.film == "Never Let Me Go"


def test_raw_pages_are_shipped_byte_identical() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    shipped = sorted(p.name for p in paths.raw_dir().glob("*.txt"))
    assert shipped == sorted(p.name for p in SEEDS.glob("*.txt"))
    for name in shipped:
        assert (paths.raw_dir() / name).read_bytes() == (SEEDS / name).read_bytes()


def test_checked_in_corpus_matches_a_fresh_build(corpus: Corpus) -> None:
    """Any change to the cleaning code must come with a rebuilt data/corpus.json."""
    assert paths.corpus_file().read_text(encoding="utf-8") == corpus_text(corpus)
    assert corpus_text(load_corpus()) == corpus_text(corpus)  # the JSON round-trips losslessly


def test_site_rating_is_kept_apart_from_the_critics(corpus: Corpus) -> None:
    found = review(corpus, "003")
    assert found.site_rating is not None
    assert found.site_rating.text == "7.1 / 10"
    assert found.site_rating.value == pytest.approx(0.71)
    assert found.site_rating.label == "Overall Rating"
    assert found.rating is not None and found.rating.text == "10/10"


def test_doubled_body_is_kept_once(corpus: Corpus) -> None:
    found = review(corpus, "000")
    texts = [p.text for p in found.paragraphs]
    assert len(texts) == len(set(texts))
    assert texts[0].startswith("Staging Kazuo Ishiguro's acclaimed 2005 novel")
    assert sum("poisoned grace" in t for t in texts) == 1
    raw = read_page(paths.raw_dir() / found.source)
    assert raw.count("poisoned grace") == 2


def test_bio_is_metadata_not_body(corpus: Corpus) -> None:
    rocchi = review(corpus, "000")
    assert rocchi.critic_bio and rocchi.critic_bio.startswith("James Rocchi's writings")
    assert not any("writings on film" in p.text for p in rocchi.paragraphs)
    hanke = review(corpus, "002")
    assert hanke.critic_bio and "Head film critic for Mountain Xpress" in hanke.critic_bio
    assert not any("Head film critic" in p.text for p in hanke.paragraphs)


def test_headlines(corpus: Corpus) -> None:
    assert review(corpus, "000").headline == "'Never Let Me Go' Is Dark, Moving, Brooding and Brilliant"
    assert review(corpus, "001").headline is None
    assert review(corpus, "003").headline == "Never Let Me Go (2010)"


def test_verdict_sections_are_labelled(corpus: Corpus) -> None:
    labels = {prefix: [s.label for s in review(corpus, prefix).sections] for prefix in EXPECTED}
    assert labels["001"] == ["The Good", "The Bad", "The Truth"]
    assert labels["002"] == ["The Story", "The Lowdown"]
    assert labels["004"] == ["Final Verdict"]
    lowdown = review(corpus, "002").sections[1]
    assert lowdown.kind == "verdict"
    paragraph = review(corpus, "002").paragraph(lowdown.paragraph_ids[0])
    assert paragraph is not None and paragraph.text.startswith("Intense and methodical")


def test_spoiler_warnings(corpus: Corpus) -> None:
    warned = {prefix: [p.id for p in review(corpus, prefix).paragraphs if p.spoiler_warning]
              for prefix in EXPECTED}
    assert warned["004"][0] == "p1"
    assert review(corpus, "004").paragraphs[0].text.startswith("WARNING:")
    assert len(warned["001"]) == 1
    assert len(warned["002"]) == 1
    assert warned["000"] == []


def test_pull_quotes_follow_the_rules(corpus: Corpus) -> None:
    assert review(corpus, "000").pull_quotes[0].rule == "headline"
    truth = review(corpus, "001").pull_quotes[0]
    assert truth.rule == "verdict-section" and truth.text.startswith("“Never Let Me Go” is a superb")
    assert review(corpus, "002").verdict.startswith("Intense and methodical")
    best = review(corpus, "003").pull_quotes[0]
    assert best.rule == "evaluative-sentence"
    assert best.text == '"Never Let Me Go" is the best film of the year, by miles.'
    for found in corpus.reviews:
        assert 1 <= len(found.pull_quotes) <= 3


def test_comments_of_002(corpus: Corpus) -> None:
    comments = review(corpus, "002").comments
    assert [c.number for c in comments] == list(range(1, 10))
    assert [c.author for c in comments] == [
        "Steven Adam Renkovish", "Steven", "Steven Adam Renkovish", "Ken Hanke", "john r",
        "Ken Hanke", "john r", "Ken Hanke", "KB",
    ]
    second = comments[1]
    assert [(q.text, q.comment_number) for q in second.quotes] == [
        ("My friend and I really didn’t say much to each other on the ride home from the theatre.", 1)
    ]
    assert "[b]" not in second.text and "[/b]" not in second.text
    assert second.text.startswith("That happened to me as well.")
    assert [q.comment_number for q in comments[5].quotes] == [5]
    assert [q.comment_number for q in comments[7].quotes] == [7, 7]
    assert [p.kind for p in comments[7].parts] == ["quote", "text", "quote", "text"]


def test_film_facts_carry_their_source(corpus: Corpus) -> None:
    facts = {(f.field, f.value, f.detail): (r.id[:3], f.evidence)
             for r in corpus.reviews for f in r.film_facts}
    assert ("director", "Mark Romanek", None) in facts
    assert facts[("runtime", "103 minutes", None)][0] == "001"
    assert facts[("certificate", "R", None)][0] in {"001", "002"}
    assert ("cast", "Carey Mulligan", "Kathy") in facts
    assert ("genre", "Allegorical Science Fiction", None) in facts
    assert facts[("premiere", "Telluride Film Festival, 2010-09-03", None)][0] == "001"
    for r in corpus.reviews:
        lines = read_page(paths.raw_dir() / r.source).splitlines()
        for fact in r.film_facts:
            assert fact.evidence.text == normalize_line(lines[fact.evidence.line - 1])


def test_fact_provenance_for_bylines_and_dates(corpus: Corpus) -> None:
    for r in corpus.reviews:
        lines = read_page(paths.raw_dir() / r.source).splitlines()
        for name, evidence in r.evidence.items():
            assert evidence.text in normalize_line(lines[evidence.line - 1]) or name == "outlet"
    assert review(corpus, "001").evidence["published"].line == 1


CHROME = [
    "Bing Search", "Critics' Reviews", "Our critic says", "showtimes & tickets",
    "Search by location", "featured video", "7 photos", "Photo Gallery", "+4more",
    "Sign up", "Add to Collection", "Add to Favorites", "User Lists", "Recommended Movies",
    "Privacy Policy", "Join us on Facebook", "Follow us on Twitter", "©",
    "Leave a Reply", "Leave a comment", "Filed under", "You are commenting using",
    "Connecting to", "Before you comment", "The comments section is here",
    "We don't have a synopsis", "Movie Information", "DVD Cover", "* * * * *",
    "a film by Mark Romanek with Carey Mulligan", "To leave a reply",
    "thoughts on", "About Ken Hanke",
]


@pytest.mark.parametrize("chrome", CHROME)
def test_no_chrome_in_any_body(corpus: Corpus, chrome: str) -> None:
    for found in corpus.reviews:
        for paragraph in found.paragraphs:
            assert chrome not in paragraph.text, (found.id, paragraph.id)


def _normalized_raw(found: Review) -> str:
    raw = read_page(paths.raw_dir() / found.source)
    return "\n".join(normalize_line(line) for line in raw.splitlines())


def test_no_text_is_invented(corpus: Corpus) -> None:
    """Every paragraph, pull quote, comment part and bio is cut from its raw page."""
    for found in corpus.reviews:
        page = _normalized_raw(found)
        pieces = [p.text for p in found.paragraphs] + [q.text for q in found.pull_quotes]
        pieces += [part.text for c in found.comments for part in c.parts]
        pieces += [c.author for c in found.comments if c.author]
        pieces += [x for x in (found.critic_bio, found.headline, found.critic, found.outlet) if x]
        for piece in pieces:
            assert piece in page, (found.id, piece[:60])


def test_whitespace_is_normalised_and_punctuation_kept(corpus: Corpus) -> None:
    for found in corpus.reviews:
        for paragraph in found.paragraphs:
            assert "\u00a0" not in paragraph.text
            assert "  " not in paragraph.text
            assert paragraph.text == paragraph.text.strip()
    assert "’" in review(corpus, "001").paragraphs[0].text
    assert "mise-en-scené" in " ".join(p.text for p in review(corpus, "000").paragraphs)


def test_paragraph_ids_are_unique_and_stable(corpus: Corpus) -> None:
    again = build_corpus(paths.raw_dir())
    for first, second in zip(corpus.reviews, again.reviews, strict=True):
        ids = [p.id for p in first.paragraphs]
        assert len(ids) == len(set(ids))
        assert all(re.fullmatch(r"p\d+", i) for i in ids)
        assert ids == [p.id for p in second.paragraphs]
