"""The review's headline: the nearest heading above the byline, else the first heading that
names a review, else the first heading that can be a headline.

Never a date line or dateline, a rating, a spec line, a "Label:" line or a credit, a list of
names, a byline, a line starting in lower case or running on into the next line, or an entry of
a menu (a run of headings on consecutive lines: sections, new reviews, related headlines).
"""

from __future__ import annotations

import re

from nlmg_tui.corpus import byline as bylines
from nlmg_tui.corpus.chrome import is_chrome, is_credit_line
from nlmg_tui.corpus.dates import NOT_PUBLICATION, find_date
from nlmg_tui.corpus.facts import FIELD_LABELS, LABELLED_FIELD
from nlmg_tui.corpus.lines import Line, is_title_case, starts_like_sentence
from nlmg_tui.corpus.ratings import find_ratings
from nlmg_tui.corpus.spoilers import is_spoiler_warning

_MAX_HEADLINE_WORDS = 20
_MAX_WARNING_WORDS = 4
_MAX_DATE_LINE_WORDS = 8
_POSTED_AGO = re.compile(r"\b\d{1,3}\s+(?:minutes?|hours?|days?|weeks?|months?|years?) ago\b", re.I)
_MAX_STATUS_WORDS = 6
_POSTING_CUE = re.compile(r"\b(posted|published|added|written|by)\b", re.I)
_RATING_WORDS = re.compile(r"\b(?:overall|average|user|critic|our|rating|score|grade|stars?|verdict)\b"
                           r"|[^A-Za-z]+", re.I)
_MIN_MENU = 5
_HEADLINE_REACH = 3  # a headline sits at most this many lines above the byline
# "Review: Title", "Article: TITLE": a heading that says what the page is.
_REVIEW_WORD = re.compile(r"\breview\b|^article:", re.I)
_SHOWN_TWICE = 2
_MIN_TITLED_WORDS = 4
# "Review: The Film", "Movie Review: A title in words": a title that says it is a review.
_REVIEW_TITLE = re.compile(r"^(?:[\w-]+ ){0,2}review\s*:\s*\S", re.I)
# A title line that names its writer: "Limitless Movie Review by Jo Banks" (the byline too).
_TITLE_THEN_BY = re.compile(r"^[A-Z0-9\"“‘'].{1,80}?\s(?:(?:movie|film|dvd|blu-ray)\s+)?review\s+by:?\s+\S",
                            re.I)
_MAX_TITLE_SHOWN_TWICE_WORDS = 8
# "Creator: A, B", "Year: 2010": a labelled credit or fact, whatever its label.
_LABELLED_LIST = re.compile(r"^[A-Z][\w ]{1,20}: (?:[A-Z][\w'’. -]*(?:, [A-Z][\w'’. -]*)+|\d{4})$")
_NAME_LIST = re.compile(r"^[A-Z][^,]*(?:, [A-Z][^,]*){2,}$")
# A cast list wrapped over lines ("Jane Doe, John Roe, Ann Poe,") or a one-letter credit label
# ("D: Jane Doe"): credits under a title, never a menu entry.
_WRAPPED_NAMES = re.compile(r"^[A-Z][^,]*(?:, [A-Z][^,]*)+,$|^[A-Z]{1,2}: [A-Z]")
# "[Movie Review] The Film": a blog's bracketed tag opening a title.
_TAGGED_TITLE = re.compile(r"^\[[A-Za-z ]{2,30}\]\s+[A-Z0-9\"“‘']")
_NAMES_JOINED = re.compile(r"^" + bylines.PERSON + r"(?:, " + bylines.PERSON + r")* (?:and|&) "
                           + bylines.PERSON + r"$")
# A title with its year ("Tinker, Tailor, Soldier, Spy (2011)") is not a list of names.
_ENDS_WITH_YEAR = re.compile(r"\((?:19|20)\d\d\)$")
# A heading never ends on a word that needs one after it: "All Ratings out of" lost its image.
# (An article after a comma is a library-style title: "King's Speech, The".)
# A line cut off after a small word ("The best film of the"); a capital A ends titles ("Easy A").
_DANGLING_END = re.compile(r"(?<!, )\b(?:(?i:of|the|an|and|or|from|with|by)|a)$")
# Release specs: a running time closing a short line ("Studio ; 94 minutes", "2010 R 113
# Minutes"), "Production Year 2009", a distributor ("Studio Home Video", "X Pictures Classics"),
# and a genre list ("Comedy | Drama | History").
_RUNTIME_END = re.compile(r"\b\d{2,3}\s*(?:mins?|minutes)\.?$", re.I)
_MAX_SPEC_WORDS = 8
_SPEC_LABEL = re.compile(r"^(?:production year|year|run ?time|running time):? ", re.I)
_DISTRIBUTOR = re.compile(
    r"^[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3} (?:Home (?:Video|Entertainment)|Releasing|"
    r"Pictures(?: Classics)?|Studios|Distribution)$")
# "R2 - Holland - A-Film", "Region B | UK | Arrow": a disc's region code, then its country and label.
_DISC_REGION = re.compile(r"^(?:R[0-6]|Region [0-6A-C](?:/[0-6A-C])*)(?: (?:[-–—|]|//) \S[^|/]*?){2,}$")
_GENRE_LIST = re.compile(r"^[A-Z][\w-]*(?: [A-Z][\w-]*)?(?: \| [A-Z][\w-]*(?: [A-Z][\w-]*)?){2,}$")


def can_be_headline(text: str) -> bool:
    """Never a date line, a rating, a spec line, a list of names, a byline or a long line."""
    if len(text.split()) > _MAX_HEADLINE_WORDS or is_date_line(text) or is_spec_line(text):
        return False
    if not (starts_like_sentence(text) or _TAGGED_TITLE.match(text)) or text.endswith(":") \
            or is_film_credit_field(text):
        return False
    if _DANGLING_END.search(text):
        return False
    if len(text.split()) <= _MAX_WARNING_WORDS and is_spoiler_warning(text):
        return False  # "Spoilers ahead", "SPOILER WARNING": a warning over the text, not its title
    if find_date(text) and (_POSTING_CUE.search(text) or NOT_PUBLICATION.search(text)):
        return False  # a dateline
    if len(re.findall(r"\s[»›]\s", text)) >= 2:
        return False  # a breadcrumb: "Site » Reviews » The Film"
    if _POSTED_AGO.search(text) and len(text.split()) <= _MAX_STATUS_WORDS:
        return False  # a user review's status line: "7/10 3 years ago"
    if (_NAME_LIST.match(text) and not _ENDS_WITH_YEAR.search(text)) or _LABELLED_LIST.match(text):
        return False
    if _NAMES_JOINED.match(text):
        return False  # a photo caption naming two people: "Jo Marsh and Ed Vale"
    if bylines.parse_byline(text) is not None:
        return False
    rest = text
    for found in find_ratings(text):
        rest = rest.replace(found.text, " ")
    return bool(_RATING_WORDS.sub(" ", rest).strip(" -–—:|()"))


def page_title(header: list[Line]) -> Line | None:
    """The first heading that can be a headline."""
    return next((line for line in header if line.role == "heading" and can_be_headline(line.text)),
                None)


def headline(lines: list[Line], header: list[Line], byline_line: Line | None) -> Line | None:
    """The nearest heading above the byline; else the first heading that names a review; else
    the first heading that can be a headline."""
    menus = menu_lines(lines) | _photo_credits(header) | _score_card_labels(header)
    candidates = [line for line in header if line.role == "heading" and can_be_headline(line.text)
                  and not _runs_on(lines, line) and line.number not in menus]
    candidates = [line for line in candidates if not _is_section_name(line.text)] or candidates
    if byline_line is not None:
        above = [line for line in header if line.number < byline_line.number
                 and not _is_release_line(line.text)][-_HEADLINE_REACH:]
        nearest = next((line for line in reversed(above) if line in candidates), None)
        titled = next((line for line in above if line in candidates and _REVIEW_TITLE.match(line.text)
                       and len(line.text.split()) >= _MIN_TITLED_WORDS), None)
        if titled is not None and nearest is not None and titled is not nearest \
                and not _REVIEW_WORD.search(nearest.text) and not is_title_case(nearest.text):
            return titled  # "Movie Review: ..." over its deck in sentence case, then the byline
        if nearest is not None:
            return nearest
    if byline_line is not None and _TITLE_THEN_BY.match(byline_line.text):
        return byline_line  # "Limitless Movie Review by Jo": the title line names its writer
    named = next((line for line in candidates if _REVIEW_WORD.search(line.text)), None)
    under = _under_byline_block(header, byline_line, candidates) if byline_line is not None else None
    return named or under or (candidates[0] if candidates else _title_shown_twice(lines, header))


_SECTION_WORDS = {"news", "review", "reviews", "features", "feature", "archive", "archives", "editor",
                  "blog", "home", "latest", "movie", "movies", "film", "films", "dvd", "from", "the",
                  "and", "&", "our", "all"}
_SECTION_CORE = {"news", "reviews", "features", "archive", "archives", "editor", "blog", "home", "latest"}


def _is_section_name(text: str) -> bool:
    """A site's section heading ("Movie Review Archive", "News, Reviews & Features", "From the
    Editor"): every word a section word. It heads the page, not the review."""
    words = {word.strip(",.:»|").casefold() for word in text.split()} - {""}
    return bool(words) and words <= _SECTION_WORDS and bool(words & _SECTION_CORE)


_AFFILIATION = re.compile(r"\b(?:critics|circle|association|society|guild|club|academy|awards?)\b", re.I)


def _under_byline_block(header: list[Line], byline_line: Line, candidates: list[Line]) -> Line | None:
    """With no heading above it, a byline block (a name, maybe an affiliation, a date) heads a
    blog post, and its title is the first heading under the block's date."""
    after = [line for line in header if line.number > byline_line.number]
    dated = next((index for index, line in enumerate(after[:_HEADLINE_REACH]) if is_date_line(line.text)),
                 None)
    if dated is None or any(line in candidates and not _AFFILIATION.search(line.text)
                            for line in after[:dated]):
        return None  # a heading between the byline and its date is the headline
    return next((line for line in after[dated + 1:] if line in candidates), None)


def _is_release_line(text: str) -> bool:
    """Release details between a title and its byline (a spec line, a dated line, a label that
    lost its value) do not count towards the headline's reach."""
    return (is_spec_line(text) or find_date(text) is not None or bool(NOT_PUBLICATION.search(text))
            or bool(_DANGLING_END.search(text)))


_MIN_CARD = 2


def _score_card_labels(header: list[Line]) -> set[int]:
    """A card of part scores ("Video Quality" over "4/5", "The Film" over "4.5/5", twice or
    more): each heading over a line of nothing but a score is that score's label."""
    labels = {line.number for line, under in zip(header, header[1:], strict=False)
              if line.role == "heading" and _only_a_score(under.text)}
    return labels if len(labels) >= _MIN_CARD else set()


def _only_a_score(text: str) -> bool:
    rest = text
    for found in find_ratings(text):
        rest = rest.replace(found.text, " ")
    return rest != text and not _RATING_WORDS.sub(" ", rest).strip(" -–—:|()[]")


def _photo_credits(header: list[Line]) -> set[int]:
    """A bare name under a caption that lists names ("Film, Actor, Actor"): the photographer."""
    return {line.number for above, line in zip(header, header[1:], strict=False)
            if _NAME_LIST.match(above.text) and bylines.ONLY_A_NAME.match(line.text)}


def _title_shown_twice(lines: list[Line], header: list[Line]) -> Line | None:
    """With no other heading, a title the page shows twice (a link and a heading, set aside as
    a repeat) above the body."""
    end = header[-1].number if header else 0
    shown = [line for line in lines[:end] if line.text]
    for line in shown:
        twice = sum(other.text == line.text for other in shown) == _SHOWN_TWICE
        if (twice and line.role == "chrome" and len(line.text.split()) <= _MAX_TITLE_SHOWN_TWICE_WORDS
                and can_be_headline(line.text) and not is_chrome(line.text)):
            return line
    return None


def menu_lines(lines: list[Line]) -> set[int]:
    """Line numbers of menus: runs of five or more headings on consecutive lines (a list of
    sections, of new reviews, of related headlines), none of them the review's headline."""
    menus: set[int] = set()
    run: list[Line] = []
    for line in [*lines, Line(0, "")]:
        if line.text and line.role in ("heading", "chrome"):
            run.append(line)
            continue
        headings = [other.number for other in run
                    if other.role == "heading" and not _WRAPPED_NAMES.match(other.text)]
        if len(headings) >= _MIN_MENU:
            menus.update(headings)
        run = []
    return menus


def _runs_on(lines: list[Line], line: Line) -> bool:
    """A line whose sentence goes on in lower case on the next line is a fragment (a verse, a
    wrapped caption), not a headline. A byline ("by Jane Doe") or a picture's name run into the
    first sentence ("posterThe film opens") goes on nothing."""
    following = next((other for other in lines[line.number:] if other.text), None)
    if following is None or not following.text[:1].islower() or following.role == "byline":
        return False
    first_word = following.text.split()[0]
    return first_word.islower() or not first_word.isalpha()


_CERTIFICATE = re.compile(r"(?:Rated )?(?:G|PG|PG-13|R|NC-17|NR|U|12A?|15|18|Unrated|Not Rated)")


def is_spec_line(text: str) -> bool:
    """A disc or release spec line: "Studio // R // $24.99 // November 15, 2005", a running
    time, a production year, a distributor, a genre list or a disc's region line."""
    if text.count("//") >= 2 or bool(re.search(r"\$\d", text)) or is_credit_line(text):
        return True
    segments = [segment.strip() for segment in re.split(r"\|\||//|\|", text)]
    if len(segments) >= 3 and any(_CERTIFICATE.fullmatch(segment) for segment in segments):
        return True  # "Studio || PG-13 || December 20, 2011": a release, not a post
    if len(text.split()) <= _MAX_SPEC_WORDS and (_RUNTIME_END.search(text) or _SPEC_LABEL.match(text)):
        return True
    return bool(_DISTRIBUTOR.match(text) or _GENRE_LIST.match(text) or _DISC_REGION.match(text))


def is_date_line(text: str) -> bool:
    return (len(text.split()) <= _MAX_DATE_LINE_WORDS and find_date(text) is not None
            and not NOT_PUBLICATION.search(text))


def is_film_credit_field(text: str) -> bool:
    match = LABELLED_FIELD.match(text) or re.match(r"^(?P<label>directed by|starring)\b", text, re.I)
    return match is not None and match["label"].strip().casefold() in FIELD_LABELS
