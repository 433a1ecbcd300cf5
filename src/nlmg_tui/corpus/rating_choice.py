"""Which of the ratings on a page is the critic's, and which is the site's aggregate.

Ratings are read from the lines around the body (and any heading or field inside it: a rating
under a subheading); a personal score ("Subjective", "Judgment", "My rating") beats a plain
one, and part scores ("Video", "Audio", "Extras", "Objective") are never the critic's verdict.
Only when none is found there, the end of the body is read: the last paragraph, then the one
before it for a sentence in the first person or a short one; then a score the critic gives in
so many words anywhere in the body ("We give it an 8 out of 10"). Sentences about an average, users,
readers or a ratings site are never the critic's.
"""

from __future__ import annotations

import re

from nlmg_tui.corpus.lines import Line
from nlmg_tui.corpus.models import Evidence, Paragraph, Rating
from nlmg_tui.corpus.ratings import FoundRating, find_ratings, is_aggregate
from nlmg_tui.corpus.text import split_sentences

_PERSONAL = re.compile(r"\b(subjective|personal|judg(?:e)?ment|my (?:rating|score|verdict)|final)\b",
                       re.I)
_PART_SCORE = re.compile(
    r"\b(video|audio|extras?|picture|sound|acting|story|plot|visuals|music|direction|script|"
    r"objective|presentation|supplements|bonus)\b",
    re.I,
)
_AGGREGATE_CONTEXT = re.compile(
    r"\b(average|users?|readers?|audience|metacritic|rotten tomatoes|imdb|critics)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(I|I'd|I’d|I'll|I’ll|my|me|we|our)\b")
_SHORT_SENTENCE_WORDS = 8
_GIVES = re.compile(r"\b(?:I|I'd|I’d|I'll|I’ll|we|we'd|we’d)\s+(?:give|rate|award|score)\b", re.I)
_BRACKETED_RATING = re.compile(
    r"\((?P<rating>(?:my |final )?(?:verdict|rating|grade|score)\s*:\s*[^()]{1,15})\)", re.I)


def choose_ratings(candidates: list[Line], paragraphs: list[Paragraph], lines: list[Line]
                   ) -> tuple[Rating | None, Rating | None]:
    """The critic's rating and a site's aggregate, each None when the page has none."""
    critic: Rating | None = None
    personal: Rating | None = None
    site: Rating | None = None
    for line in candidates + _inner_lines(candidates, lines):
        if line.role == "preface":
            continue  # a note to readers ("give it 1 to 5 stars yourself") is not the verdict
        for found in find_ratings(line.text):
            rating = _rating(found, Evidence(line.number, line.text))
            if is_aggregate(found) or _AGGREGATE_CONTEXT.search(line.text[:found.start]):
                site = site or rating
            elif _PERSONAL.search(found.label or line.text[:found.start]):
                personal = personal or rating
            elif not _PART_SCORE.search(found.label or line.text[:found.start]):
                critic = critic or rating
    return (personal or critic or _closing_rating(paragraphs, lines) or _given_rating(paragraphs)
            or _aside_rating(paragraphs)), site


def _inner_lines(candidates: list[Line], lines: list[Line]) -> list[Line]:
    """Star rows shown as chrome, and headings or fields between body paragraphs."""
    seen = {line.number for line in candidates}
    inner = []
    for line in lines:
        if line.number in seen or not line.text:
            continue
        if line.role == "chrome" and line.text.strip("*★☆½ ") == "":
            inner.append(line)
        elif line.role in ("heading", "field") and len(line.text.split()) <= 8:
            inner.append(line)
    return inner


def _closing_rating(paragraphs: list[Paragraph], lines: list[Line]) -> Rating | None:
    """The first rating in the last paragraph; else one in a first-person or short sentence of
    the paragraph before it."""
    for position, paragraph in enumerate(reversed(paragraphs[-2:])):
        for sentence in split_sentences(paragraph.text):
            if _AGGREGATE_CONTEXT.search(sentence):
                continue
            if position and not (_FIRST_PERSON.search(sentence)
                                 or len(sentence.split()) <= _SHORT_SENTENCE_WORDS):
                continue
            for found in find_ratings(sentence):
                if not is_aggregate(found):
                    number = next((ln.number for ln in lines if ln.text == paragraph.text), 0)
                    return _rating(found, Evidence(number, paragraph.text[-80:]))
    return None


def _given_rating(paragraphs: list[Paragraph]) -> Rating | None:
    """A score the critic gives in so many words anywhere in the body: "We give the film a 9 out
    of 10", "I rate it three stars" (never about users, readers or an average)."""
    for paragraph in paragraphs:
        for sentence in split_sentences(paragraph.text):
            if not _GIVES.search(sentence) or _AGGREGATE_CONTEXT.search(sentence):
                continue
            for found in find_ratings(sentence):
                if not is_aggregate(found):
                    return _rating(found, Evidence(0, sentence[-80:]))
    return None


def _aside_rating(paragraphs: list[Paragraph]) -> Rating | None:
    """A labelled rating given in brackets anywhere in the body: "... (Verdict: A-)"."""
    for paragraph in paragraphs:
        for match in _BRACKETED_RATING.finditer(paragraph.text):
            for found in find_ratings(match["rating"]):
                return _rating(found, Evidence(0, match.group(0)))
    return None


def _rating(found: FoundRating, evidence: Evidence) -> Rating:
    return Rating(found.text, found.value, found.scale, found.label, evidence)
