"""Give every line of a page a role from its shape and wording.

Roles: chrome | thread | form | field | byline | heading | label | prose | short (a short
sentence) | preface (sentences above the review's title or byline) | bio.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from nlmg_tui.corpus import byline as bylines
from nlmg_tui.corpus.chrome import doubled_name, is_chrome, is_credit_line, starts_comment_form
from nlmg_tui.corpus.facts import FIELD_LABELS, LABELLED_FIELD
from nlmg_tui.corpus.labelled_byline import labelled_byline
from nlmg_tui.corpus.ratings import find_ratings
from nlmg_tui.corpus.text import ends_like_sentence, fold

VERDICT_LABELS = {
    "the good", "the bad", "the ugly", "the truth", "final verdict", "the lowdown", "verdict",
    "the verdict", "bottom line", "the bottom line", "pros", "cons", "overall", "in short",
    "final thoughts", "conclusion",
}
SYNOPSIS_LABELS = {"the story", "synopsis", "plot", "the plot", "story", "premise"}
SECTION_LABELS = VERDICT_LABELS | SYNOPSIS_LABELS
INLINE_LABEL = re.compile(
    r"(?:^|(?<=[.!?…”\"] ))(?P<label>" + "|".join(
        re.escape(label) for label in sorted(SECTION_LABELS, key=len, reverse=True)
    ) + r"):\s+",
    re.I,
)
# A section run in under a label in capitals: "WHAT I DIDN'T LIKE: The ending drags on".
CAPITALS_LABEL = re.compile(r"^(?P<label>(?:• ?)?[A-Z][A-Z'’]+(?: [A-Z'’]+){1,4}): (?=(?:\S+ ){3,}\S)")
_MIN_PROSE_WORDS = 4
_LONG_PROSE_WORDS = 25
# A line cut off mid-sentence (a saved page's last paragraph, a teaser) is still prose when it
# is long and reads like running English: enough of the words are function words.
_UNPUNCTUATED_PROSE_WORDS = 15
_FUNCTION_WORDS = frozenset(
    "the a an of to in that is was it and with for but as on who this his her are be has have "
    "had not by from at which its their they he she i we you".split()
)
_WORD = r"[A-Za-z’']+"
_METADATA_LABELS = {"added", "posted", "published", "date", "updated", "by", "rating", "score",
                    "grade", "our rating", "verdict score", "stars", "reviewer", "critic", "author"}
_MAX_FIELD_WORDS = 30
_RATING_LABELS = {"rating", "my rating", "our rating", "score", "my score", "our score", "grade",
                  "my grade", "stars"}
_CAPTION_WORDS = 25
_MIN_CAPTION_SENTENCE_WORDS = 6
# "© 2011 The Site. All rights reserved.": the page's footer, not a picture's credit.
_FOOTER = re.compile(r"\ball rights reserved\b|\bterms of (?:use|service)\b|\bprivacy\b", re.I)
_PICTURE_CREDIT = re.compile(r"^(?:©|\(c\) |(?:photo|photograph|picture|image)(?: credit)?:)", re.I)
# Words a title-case headline leaves in lower case.
_TITLE_SMALL_WORDS = frozenset("a an the of in on and to for at by from with as or but vs nor".split())
_MIN_TITLE_WORDS = 4


@dataclass
class Line:
    number: int  # 1-based line number in the raw page
    text: str
    role: str = "text"


def assign_roles(lines: list[Line]) -> None:
    """Set ``role`` on every non-empty line not already cut out as the comment thread."""
    counts = Counter(fold(line.text) for line in lines if line.text)
    doubled = _adjacent_duplicates(lines)
    after_form = False
    for line in lines:
        if line.role == "thread" or not line.text:
            continue
        after_form = after_form or starts_comment_form(line.text)
        line.role = "form" if after_form else _role(line, counts, line.number in doubled)
    _mark_captions(lines)
    _mark_score_legends(lines)


def is_picture_credit(text: str) -> bool:
    """"Photo: Northlight Pictures", "© Studio": a picture's credit line."""
    return bool(_PICTURE_CREDIT.match(text)) and not _FOOTER.search(text)


def _mark_captions(lines: list[Line]) -> None:
    """A short line right above a picture credit ("© Studio", "Photo: X") is the caption."""
    shown = [line for line in lines if line.text and line.role != "thread"]
    for line, following in zip(shown, shown[1:], strict=False):
        if (_PICTURE_CREDIT.match(following.text) and not _FOOTER.search(following.text)
                and len(line.text.split()) <= _CAPTION_WORDS
                and line.role in ("prose", "short", "heading")):
            line.role = "chrome"


# One step of a score legend: "4 STARS - Excellent.", "3 stars: worth it", "0 - Forget it".
_LEGEND_STEP = re.compile(r"^(?P<score>\d{1,2}(?:\.5)?)(?:\s*(?i:stars?))?\s*[-–—:=]\s*\S.{0,40}$")
_MIN_LEGEND_STEPS = 3


def _mark_score_legends(lines: list[Line]) -> None:
    legend = score_legend_lines(lines)
    for line in lines:
        if line.number in legend:
            line.role = "chrome"


def score_legend_lines(lines: list[Line]) -> set[int]:
    """The numbers of lines that are a legend of scores: three or more lines in a row, each a
    score and a word for it, counting the scale up or down in even steps ("4 STARS -
    Excellent." ... "0 - Forget it"). The site's key to its scores, not the review nor its
    rating."""
    legend: set[int] = set()
    run: list[tuple[int, float]] = []

    def close(run: list[tuple[int, float]]) -> None:
        if len(run) >= _MIN_LEGEND_STEPS:
            legend.update(number for number, _ in run)

    for line in [line for line in lines if line.text and line.role != "thread"]:
        step = _LEGEND_STEP.match(line.text)
        if step is None:
            close(run)
            run = []
            continue
        score = float(step["score"])
        if run and score == run[-1][1]:
            close(run)
            run = []
        elif len(run) >= 2 and score - run[-1][1] != run[-1][1] - run[-2][1]:
            close(run)
            run = run[-1:]
        run.append((line.number, score))
    close(run)
    return legend


def _role(line: Line, counts: Counter[str], doubled: bool) -> str:
    text = line.text
    if labelled_byline(text) and not doubled:
        return "byline"  # wholly a byline: "Written by: Jane Doe (July 14, 2012)" is no credit line
    if _is_chrome_line(text, counts, doubled):
        return "chrome"
    role = _role_before_prose(text)
    if role:
        return role
    if _is_shouted_kicker(text):
        return "heading"
    if is_prose(text):
        return "prose"
    capitals = CAPITALS_LABEL.match(text)
    if capitals and not is_title_case(text[capitals.end():]):
        return "label"  # an unpunctuated section under a label in capitals
    # "DISC SPOTLIGHT: The Film (Blu-ray) (R)": a kicker over a title, a heading
    if _is_field(text):
        return "field"
    if bylines.parse_byline(text) is not None:
        return "byline"
    if is_unpunctuated_prose(text):
        return "prose"
    if ends_like_sentence(text) and text.endswith((".", "!", "?", "…")):
        return "short"
    if _introduces_what_follows(text):
        return "short"
    return "heading"


def _role_before_prose(text: str) -> str | None:
    """Roles that win even over a sentence's shape: a byline ending a deck ("..., writes Jane
    Doe."), a part score, a section label, a film credit."""
    if bylines.names_writer(text) or _name_ends_line(text) or _by_line_with_stop(text):
        return "byline"
    if _NAME_ABBREVIATION.search(text) and (bylines.ONLY_A_NAME.match(text)
                                            or bylines.ABOUT_HEADING.match(text)):
        return "heading"  # "Carl Benning Jr." or "About Carl Benning Jr." on a line of its own
    if _is_scored_label(text):
        return "field"
    if INLINE_LABEL.match(text) or text.casefold().rstrip(":") in SECTION_LABELS:
        return "label"
    if _is_film_field(text) or _is_credit_run(text) or _CREDIT_SENTENCE.match(text):
        return "field"
    if _is_exclaimed_title(text):
        return "heading"
    return None


_BY_NAME = re.compile(r"^By:? [A-Z]")
_MAX_BY_LINE_WORDS = 10


def _by_line_with_stop(text: str) -> bool:
    """"By JANE DOE, Staff Reporter.": a byline closed by a full stop is no sentence."""
    if not _BY_NAME.match(text) or len(text.split()) > _MAX_BY_LINE_WORDS:
        return False
    found = bylines.parse_byline(text)
    return found is not None and found.critic is not None


# A name's closing abbreviation ("Jr.", "Sr.", an initial) is no sentence's full stop.
_NAME_ABBREVIATION = re.compile(r"(?:\b(?:Jr|Sr)|\b[A-Z])\.$")


def _name_ends_line(text: str) -> bool:
    """A byline whose name ends the line with "Jr." or an initial ("— Carl Benning Jr.")."""
    if not _NAME_ABBREVIATION.search(text):
        return False
    found = bylines.parse_byline(text) or bylines.outlet_sign_off(text)
    return found is not None and found.critic is not None and text.endswith(found.critic)


def _is_exclaimed_title(text: str) -> bool:
    """"The Film Is Socially Awesome!": a title in title case that ends with "!" (every word of
    four letters or more capitalised, ten words at most) heads the page; it is not a sentence."""
    words = text.split()
    long_words = [word for word in words if len(word.strip("'’\"“”!?,.:;-")) >= 4]
    return (text.endswith("!") and not text.endswith("!!") and 2 <= len(words) <= 10
            and len(long_words) >= 2 and all(word[:1].isupper() for word in long_words))


def _is_scored_label(text: str) -> bool:
    """"Story: 6/10" is a part score, not a "Story:" section; "Rating: 10/10, would watch
    again" is the rating with a quip, not a paragraph."""
    match = LABELLED_FIELD.match(text)
    if not match:
        return False
    value = match["value"]
    rating_label = match["label"].strip().casefold() in _RATING_LABELS
    return any(found.text.strip() and (len(value.split()) <= len(value[found.start:found.end].split()) + 1
                                       or (rating_label and found.start == 0))
               for found in find_ratings(value))


def _is_chrome_line(text: str, counts: Counter[str], doubled: bool) -> bool:
    """Chrome by wording (``chrome.is_chrome``, credit lines) or by repetition (a caption shown
    twice in a row or run into its own copy, a doubled credit link, a repeated caption)."""
    if doubled and (len(text.split()) <= _CAPTION_WORDS or not is_prose(text)):
        return True
    return (is_chrome(text) or is_credit_line(text) or bool(doubled_name(text))
            or _is_text_twice(text) or _is_repeated_caption(text, counts))


def _introduces_what_follows(text: str) -> bool:
    """"The critics seem to love it too:" is a sentence, "User Lists:" a heading."""
    return (text.endswith(":") and len(text.split()) >= _MIN_PROSE_WORDS + 1
            and function_words(text) >= 2)


def _adjacent_duplicates(lines: list[Line]) -> set[int]:
    """Line numbers of a line shown twice in a row, or with one line between (a caption and its
    alt text around a picture credit, a doubled menu entry): neither copy is the review's own
    text."""
    doubled: set[int] = set()
    recent: list[Line] = []
    for line in lines:
        if not line.text:
            continue
        if line.role != "thread":
            twin = next((other for other in recent if fold(other.text) == fold(line.text)), None)
            if twin is not None and (twin is recent[-1] or _caption_around(line, recent[-1])):
                doubled.update((twin.number, line.number))
        recent = [*recent[-1:], line]
    return doubled


def _caption_around(line: Line, between: Line) -> bool:
    """A sentence shown twice around one line that is not prose (a picture credit) is a
    caption; a short title shown twice (a page title and its heading) or a repeated
    paragraph is not."""
    return (len(line.text.split()) >= _MIN_CAPTION_SENTENCE_WORDS and ends_like_sentence(line.text)
            and not is_prose(between.text))


def _is_text_twice(text: str) -> bool:
    """A caption run into its own copy ("A caption.A caption."): link text and alt text."""
    half = len(text) // 2
    return len(text) > 20 and (text[:half] == text[half:] or text[:half] == text[half + 1:])


def _is_field(text: str) -> bool:
    """A "Label: value" line whose label is a film field or review metadata (not a headline)."""
    match = LABELLED_FIELD.match(text)
    if not match:
        return False
    label = match["label"].strip().casefold()
    return label in FIELD_LABELS or label in _METADATA_LABELS


def _is_film_field(text: str) -> bool:
    """"Cast: A, B and C." is a credit even when it ends with a full stop."""
    match = LABELLED_FIELD.match(text)
    return match is not None and match["label"].strip().casefold() in FIELD_LABELS and (
        len(match["value"].split()) <= _MAX_FIELD_WORDS and not re.search(r"[.!?] [A-Z]", text))


# One credit of a run: "director/writer: Jane Doe;", "cast: A (Role), B".
_CREDIT_PAIR = re.compile(r"(?:^\(?|;\s*)(?P<role>[a-z][a-z /-]{2,30}):\s*[A-Z]", re.I)
_CREDIT_ROLES = re.compile(r"direct|writ|screenplay|cinematograph|photograph|edit|music|score|cast|"
                           r"produc|star|design|runtime|running time", re.I)


# "Directed by Jane Doe. Starring A, B and C.": the film's credits set as two short sentences.
_CREDIT_SENTENCE = re.compile(r"^(?:Written and directed|Directed) by [A-Z][^.]{2,60}\.\s+"
                              r"(?:Starring|With|Stars|Cast:?)\s+[A-Z][^.]{2,160}\.?$")


def _is_credit_run(text: str) -> bool:
    """"(director/writer: A; cinematographer: B; editor: C; cast: D ...)": the film's credits run
    together on one line, read as a sentence by their length, are no part of the review."""
    roles = [m["role"] for m in _CREDIT_PAIR.finditer(text)]
    return len(roles) >= 3 and sum(bool(_CREDIT_ROLES.search(role)) for role in roles) >= 3


def _is_shouted_kicker(text: str) -> bool:
    """"IS MY GEEK SHOWING?": a column's name set in capitals over the headline, no sentence."""
    return text.isupper() and len(text.split()) <= 8 and text.endswith(("?", "!"))


def is_prose(text: str) -> bool:
    count = len(text.split())
    if count >= _MIN_PROSE_WORDS and ends_like_sentence(text):
        return True
    return count >= _LONG_PROSE_WORDS and bool(re.search(r"[.!?…] ", text))


def is_unpunctuated_prose(text: str, min_words: int = _UNPUNCTUATED_PROSE_WORDS) -> bool:
    """Running English without a closing full stop: long enough, and at least one word in five
    a function word (menus, credits and spec lines have almost none). It may start in lower
    case (a blog's style)."""
    if (len(text.split()) < min_words or not (starts_like_sentence(text) or text[:1].islower())
            or is_title_case(text)):
        return False
    if text.count(" | ") >= 2:
        return False  # a bar of fields ("By Jo | May 3 | Rating: 3 out of 5"), not a sentence
    return function_words(text) * 5 >= len(re.findall(_WORD, text))


def is_title_case(text: str) -> bool:
    """"Stars Suit Up in These Photos From the Set": a headline's capitals, not a sentence's."""
    words = [word for word in re.findall(_WORD, text) if word.casefold() not in _TITLE_SMALL_WORDS]
    capitals = sum(word[:1].isupper() for word in words)
    return len(words) >= _MIN_TITLE_WORDS and capitals * 5 >= len(words) * 4


def starts_like_sentence(text: str) -> bool:
    """A capital letter, a digit or an opening quote or bracket."""
    return text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“‘'("


def function_words(text: str) -> int:
    """How many of the words in ``text`` are English function words ("the", "of", "and")."""
    return sum(word.casefold() in _FUNCTION_WORDS for word in re.findall(_WORD, text))


def _is_repeated_caption(text: str, counts: Counter[str]) -> bool:
    """A line shown more than once that is not a sentence: a photo caption or link text."""
    return counts[fold(text)] > 1 and len(text.split()) >= 6 and not is_prose(text)
