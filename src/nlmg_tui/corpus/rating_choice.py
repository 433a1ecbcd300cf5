"""Which of the ratings on a page is the critic's, and which is the site's aggregate.

Ratings are read from the lines around the body (and any heading or field inside it: a rating
under a subheading); the film's own score ("The Film: 4/5", "Movie:") beats a personal one
("Subjective", "Judgment", "My rating", a card's "Overall"), which beats a plain one; part scores
("Video", "Audio", "Extras", "Objective") are never the critic's verdict, nor stars inside a
quotation (another critic's, on a poster quote).
Only when none is found there, the end of the body is read: the last paragraph, then the one
before it for a sentence in the first person or a short one; then a score the critic gives in
so many words anywhere in the body ("We give it an 8 out of 10"). Sentences about an average, users,
readers or a ratings site are never the critic's.
"""

from __future__ import annotations

import re

from nlmg_tui.corpus.credited_reviewer import label_owner
from nlmg_tui.corpus.labelled_scores import bare_pair
from nlmg_tui.corpus.lines import Line, score_legend_lines
from nlmg_tui.corpus.models import Evidence, Paragraph, Rating
from nlmg_tui.corpus.ratings import FoundRating, find_ratings, is_aggregate
from nlmg_tui.corpus.text import split_sentences

_PERSONAL = re.compile(r"\b(subjective|personal|judg(?:e)?ment|my (?:rating|score|verdict)|final)\b",
                       re.I)
_PART_SCORE = re.compile(
    r"\b(video|audio|extras?|picture|sound|acting|story|plot|visuals|music|direction|script|"
    r"objective|presentation|supplements|special features|bonus)\b",
    re.I,
)
_AGGREGATE_CONTEXT = re.compile(
    r"\b(average|users?|readers?|audience|metacritic|rotten tomatoes|imdb|critics)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(I|I'd|I’d|I'll|I’ll|my|me|we|our)\b")
_SHORT_SENTENCE_WORDS = 8
_GIVES = re.compile(r"\b(?:I|I'd|I’d|I'll|I’ll|we|we'd|we’d)\s+(?:give|rate|award|score)\b", re.I)
# "This movie is a 9.5 out of 10.", "The film gets three stars.": a paragraph that is only the
# film's score, anywhere in the body.
_SCORE_SENTENCE = re.compile(r"^(?:Overall,? )?(?:this|the|that) (?:movie|film)(?: (?:overall|as a whole))? "
                             r"(?:is|gets|earns|deserves|rates|scores)\b", re.I)
_SCORE_SENTENCE_WORDS = 14
# "Overall", "Total", "Final": the score that sums up a card of part scores ("Acting: 6/10").
_SUMMING_LABEL = re.compile(r"\b(overall|total|final|verdict)\b", re.I)
_CARD_LINE = re.compile(r"^[A-Za-z][A-Za-z' ]{1,24}:\s*\d{1,3}(?:\.\d+)?\s*(?:/|out of)\s*\d{1,3}\s*$")
# "Current Rating", "Rolling Stone: star rating": a label on the line above a bare rating.
_LABEL_ABOVE = re.compile(r"^[\w'’ .:-]{0,40}\b(?:rating|score|grade|verdict)s?\s*:?$", re.I)
_RATING_LINE = re.compile(r"^(?:my |our |final |overall )?(?:rating|score|grade|verdict|stars|overall)\b"
                          r"|\b(?:rating|score)\s*:", re.I)
_FROM_ME = re.compile(r"\s*(?:from|for|by) (?:me|us)\b", re.I)
_BRACKETED_RATING = re.compile(
    r"[(\[](?P<rating>(?:[\w'’]+ ){0,2}(?:verdict|rating|grade|score|stars|film|movie)\s*:\s*"
    r"[^()\[\]]{1,30})[)\]]", re.I)


def choose_ratings(candidates: list[Line], paragraphs: list[Paragraph], lines: list[Line]
                   ) -> tuple[Rating | None, Rating | None]:
    """The critic's rating and a site's aggregate, each None when the page has none."""
    critic: Rating | None = None
    personal: Rating | None = None
    film: Rating | None = None
    site: Rating | None = None
    for line in _rated_lines(candidates, lines):
        if line.role == "preface" and not _LABELLED_SCORE_START.match(line.text):
            continue  # a note to readers ("give it 1 to 5 stars yourself") is not the verdict
        founds = find_ratings(line.text) or _pair_in_header(line, candidates)
        card = _in_score_card(line, lines) or _card_on_one_line(founds, line.text)
        for found in founds:
            if _quoted(line.text, found):
                continue  # another critic's stars on a poster quote: '"★★★★★ A triumph" - Post'
            rating = _rating(found, Evidence(line.number, line.text))
            label = found.label or line.text[:found.start]
            if not label.strip(" -–—:|()"):
                label = _label_above(line, lines)
            if _FILM_LABEL.match(label):
                film = film or rating  # the film's own score beside a disc's parts and overall
            elif card and _SUMMING_LABEL.search(label) and not _AGGREGATE_CONTEXT.search(label):
                personal = personal or rating  # a card's overall score is the critic's verdict
            elif card:
                continue  # a part score ("Acting: 6/10", "Gore: 8/10") beside an overall one
            elif (is_aggregate(found) or _AGGREGATE_CONTEXT.search(label) or _CURRENT.search(label)
                  or _SITE_CAPTION.match(line.text, found.end)):
                site = site or rating
            elif _PERSONAL.search(label):
                personal = personal or rating
            elif not _PART_SCORE.search(label):
                critic = critic or rating
    return (film or personal or critic or _owned_opening(paragraphs) or _closing_rating(paragraphs, lines)
            or _given_rating(paragraphs) or _aside_rating(paragraphs) or _score_paragraph(paragraphs)), site


def _owned_opening(paragraphs: list[Paragraph]) -> Rating | None:
    """The score right after a rating label owned by a name opening the body ("Jo's Rating:
    7/10 ..."): the critic's own, whatever follows it on the line."""
    if not paragraphs or not label_owner(paragraphs[0].text):
        return None
    text = paragraphs[0].text
    label_end = text.find(":")
    for found in find_ratings(text):
        if 0 <= label_end < found.start and not text[label_end + 1:found.start].strip():
            return _rating(found, Evidence(0, text[:found.end]))
    return None


# "The Film: 4/5", "Movie - ★★★★": the film's own score, which a disc review's "Overall" (the
# disc's) does not override.
_FILM_LABEL = re.compile(r"^\s*(?:the\s+)?(?:film|movie|feature)\s*[:\-–—]?\s*$", re.I)
# A site's widget: a score captioned "Overall Rating" after it ("7.1 / 10 - Overall Rating"),
# or followed by its count of votes ("6.2/10 (214 votes)"); "Overall: 4/5" before it is the critic's.
_SITE_CAPTION = re.compile(r"\s*(?:[-–—:|]\s*overall\b|\(?\d[\d,]*\s+(?:votes|ratings|users)\b)", re.I)
_CURRENT = re.compile(r"\b(current|community|members?)\b", re.I)


def _pair_in_header(line: Line, candidates: list[Line]) -> list[FoundRating]:
    """A header line of nothing but a score and its scale, the slash lost ("7 10")."""
    pair = bare_pair(line.text) if line.role == "heading" and line in candidates else None
    if pair is None:
        return []
    return [FoundRating(line.text, pair[0], pair[1], None, 0, len(line.text))]


def _card_on_one_line(founds: list[FoundRating], text: str) -> bool:
    """"Story: 8/10 Acting: 7/10 Overall: 7.5/10": labelled scores on one line, one summing up
    (not "Overall Rating: 7.1/10 (123 votes) | Critic: 8/10", a site's average beside it)."""
    labels = [found.label for found in founds]
    return (len(founds) >= 2 and all(labels) and not _CROWD.search(text)
            and any(_SUMMING_LABEL.search(label or "") for label in labels))


# "Story: 8/10 ...": a line opening with a labelled score is a score card, never a note.
_LABELLED_SCORE_START = re.compile(r"^[A-Za-z][A-Za-z' ]{1,24}:\s*(?:\d|[★*]|[A-DF][+-]?(?!\w))")
_CROWD = re.compile(r"\b(average|avg|users?|readers?|audience|community|members?|votes?|imdb|"
                    r"metascore|critics?)\b", re.I)


def _in_score_card(line: Line, lines: list[Line]) -> bool:
    """A line of a card of labelled scores ("Overall: 5/10" over "Acting: 6/10"), one of which
    sums up the others: its neighbours are labelled scores too."""
    if not _CARD_LINE.match(line.text):
        return False
    block = _neighbours(line, lines, 3)
    card = [other for other in block if _CARD_LINE.match(other.text)]
    return len(card) >= 2 and any(_SUMMING_LABEL.search(other.text) for other in card)


def _neighbours(line: Line, lines: list[Line], reach: int) -> list[Line]:
    """The run of non-empty lines around ``line`` (itself included), at most ``reach`` each way."""
    index = line.number - 1
    if not (0 <= index < len(lines)) or lines[index] is not line:
        return [line]
    run = [line]
    for step in (-1, 1):
        position = index + step
        while 0 <= position < len(lines) and len(run) <= 2 * reach and lines[position].text:
            run.insert(0, lines[position]) if step < 0 else run.append(lines[position])
            if abs(position - index) >= reach:
                break
            position += step
    return run


def _label_above(line: Line, lines: list[Line]) -> str:
    """The label a bare rating has on the line above ("Current Rating" over "4.1 out of 5")."""
    above = next((other for other in reversed(lines[:line.number - 1]) if other.text), None)
    if above is not None and _LABEL_ABOVE.match(above.text):
        return above.text
    return ""


def _rated_lines(candidates: list[Line], lines: list[Line]) -> list[Line]:
    """The lines a rating is read from: the candidates and ``_inner_lines``, but not the site's
    key to its scores ("4 STARS - Excellent.", "3 STARS - Worthy.", ...)."""
    legend = score_legend_lines(lines)
    return [line for line in candidates + _inner_lines(candidates, lines) if line.number not in legend]


def _inner_lines(candidates: list[Line], lines: list[Line]) -> list[Line]:
    """Star rows shown as chrome, and headings or fields between body paragraphs."""
    seen = {line.number for line in candidates}
    inner = []
    for line in lines:
        if line.number in seen or not line.text:
            continue
        if line.role == "chrome" and (line.text.strip("*★☆½⭐✪✩\ufe0f ") == ""
                                      or _nothing_but_a_rating(line.text)):
            inner.append(line)
        elif line.role in ("heading", "field") and len(line.text.split()) <= 8:
            inner.append(line)
        elif line.role in ("chrome", "heading", "field", "label") and _RATING_LINE.search(line.text):
            inner.append(line)  # "My Rating ***" shown as chrome; "... Rating: NNNN" in a spec line;
            # "Overall: B – see it twice." run into the body under its label
    return inner


def _nothing_but_a_rating(text: str) -> bool:
    """"2.5 stars", "Rating: 3/5" shown as chrome: a rating, with at most a short label."""
    founds = find_ratings(text)
    if len(founds) != 1:
        return False
    rest = re.sub(r"\(?\bout of \S+", "", text[:founds[0].start] + text[founds[0].end:])
    return len(rest.strip(" -–—:|()·").split()) <= 2


def _closing_rating(paragraphs: list[Paragraph], lines: list[Line]) -> Rating | None:
    """The first rating in the last paragraph; else one in a first-person or short sentence of
    the paragraph before it."""
    for position, paragraph in enumerate(reversed(paragraphs[-2:])):
        for sentence in split_sentences(paragraph.text):
            if position and not (_FIRST_PERSON.search(sentence)
                                 or len(sentence.split()) <= _SHORT_SENTENCE_WORDS):
                continue
            given = [found for found in find_ratings(sentence) if not is_aggregate(found)
                     and not _quoted(sentence, found)
                     and not _AGGREGATE_CONTEXT.search(_clause(sentence, found))]
            if _card_on_one_line(given, sentence):
                given = [found for found in given if _SUMMING_LABEL.search(found.label or "")]
            # "Jo gets four stars for her part, but the film gets two stars from me": the one
            # the critic gives is the verdict, the others rate a part or a person
            mine = [found for found in given if _FROM_ME.match(sentence[found.end:])]
            for found in mine or given:
                number = next((ln.number for ln in lines if ln.text == paragraph.text), 0)
                return _rating(found, Evidence(number, paragraph.text[-80:]))
    return None


def _given_rating(paragraphs: list[Paragraph]) -> Rating | None:
    """A score the critic gives in so many words anywhere in the body: "We give the film a 9 out
    of 10", "I rate it three stars" (never about users, readers or an average)."""
    for paragraph in paragraphs:
        for sentence in split_sentences(paragraph.text):
            if not _GIVES.search(sentence):
                continue
            for found in find_ratings(sentence):
                clause = _clause(sentence, found)
                if (not is_aggregate(found) and _GIVES.search(clause)
                        and not _AGGREGATE_CONTEXT.search(clause)):
                    return _rating(found, Evidence(0, sentence[-80:]))
    return None


# Clauses of a sentence: "It has 92% on Rotten Tomatoes, but I give it 3 out of 5"; a bracket
# closing before a capital ends one too ("(Rating: 4/5) IMDb users give it 7.8").
_CLAUSE_BREAK = re.compile(r"[;,:]\s+|\s[–—-]\s|\s(?:but|while|whereas|although|though)\s|"
                           r"[)\]]\s+(?=(?-i:[A-Z]))", re.I)


def _clause(sentence: str, found: FoundRating) -> str:
    """The clause of ``sentence`` holding ``found``: an average named in another clause of the
    sentence does not make the critic's own score an average."""
    start = 0
    for cut in _CLAUSE_BREAK.finditer(sentence):
        if cut.start() >= found.start:
            return sentence[start:cut.start()]
        start = cut.end()
    return sentence[start:]


def _score_paragraph(paragraphs: list[Paragraph]) -> Rating | None:
    """A paragraph of one short sentence scoring the film itself ("This movie is a 9.5 out of
    10."), wherever it stands in the body."""
    for paragraph in paragraphs:
        text = paragraph.text
        if len(text.split()) > _SCORE_SENTENCE_WORDS or not _SCORE_SENTENCE.match(text):
            continue
        found = [rating for rating in find_ratings(text) if not is_aggregate(rating)]
        if len(found) == 1:
            return _rating(found[0], Evidence(0, text))
    return None


def _aside_rating(paragraphs: list[Paragraph]) -> Rating | None:
    """A labelled rating given in brackets anywhere in the body: "... (Verdict: A-)", "[Our
    rating: three stars]"."""
    for paragraph in paragraphs:
        for match in _BRACKETED_RATING.finditer(paragraph.text):
            for found in find_ratings(match["rating"]):
                return _rating(found, Evidence(0, match.group(0)))
    return None


def _quoted(text: str, found: FoundRating) -> bool:
    """``found`` sits inside a quotation: someone else's words, not the critic's verdict."""
    before, after = text[:found.start], text[found.end:]
    straight = before.count('"') % 2 == 1 and '"' in after
    curly = before.rfind("“") > before.rfind("”") and "”" in after
    return straight or curly


def _rating(found: FoundRating, evidence: Evidence) -> Rating:
    return Rating(found.text, found.value, found.scale, found.label, evidence)
