"""A critic's name on a line of its own, known by where it stands rather than by a "By".

A bare name line ("Jane Doe", "J.D. Lorimer", a user name such as "reelfan81") is the byline
when the page's structure says so:

- a date line under it, with at most one line between (an affiliation such as "North County
  Film Critics");
- a user name over a short line giving a rating or a posting time ("8/10 6 years ago"); a
  person's name under the title over a line that is only a score ("• 4.5/5");
- a job that reviews on the line under it ("Film Critic", or after its site's name: "The
  Harbour Film Critic"), a paper's name under or over it ("The Evening Courier"), or an empty
  byline label ("Written by", "Author") over it;
- a name and a date on one line ("Jane Doe / March 3, 2011", "Jane Doe, March 3, 2011", "Jane
  Doe Updated March 3, 2011"): a film's title and its release date look the same, so the
  guards below decide.

A name line right under a date or right above the first paragraph is no byline by itself: that
is where blogs put the post's title ("Animal Kingdom") and papers a photo credit. Over a caption
that carries its own credit ("Northlight PicturesIda Berg crosses ..."), it is the byline.

It is never taken when the body talks about that name (a critic does not write about
themselves in the third person: the name is someone in the film), when a longer header line
holds it (a breadcrumb or title: "Reviews » Blue Valentine » User review" makes "Blue
Valentine" the film), or when a name is next to it (a cast list).

A signature ("-Jane Doe") among the body's lines signs the review when no byline did, and so
does a writer greeting the readers by name at the head of the first paragraph ("Hello all! Jane
here. I ...").
"""

from __future__ import annotations

import re

from nlmg_tui.corpus import byline as bylines
from nlmg_tui.corpus.chrome import is_credited_caption
from nlmg_tui.corpus.credited_reviewer import SCORE_LABELS, label_owner, rating_label_owner, writer_of_more
from nlmg_tui.corpus.dates import find_date
from nlmg_tui.corpus.headline import is_date_line, is_film_credit_field
from nlmg_tui.corpus.labelled_byline import is_whole_date
from nlmg_tui.corpus.lines import SECTION_LABELS, Line
from nlmg_tui.corpus.person_names import LOWER, UPPER
from nlmg_tui.corpus.ratings import find_ratings

_POSTED_AGO = re.compile(r"\b\d{1,3}\s+(?:minutes?|hours?|days?|weeks?|months?|years?) ago\b", re.I)
_USER_NAME = re.compile(r"^(?=\S*(?:\d|_|[a-z][A-Z]))(?=.{3,24}$)[A-Za-z][\w.]*(?:-[\w.]+)?$")  # not a slug
_MAX_STATUS_REST = 2
_NAME_ROLES = ("heading", "short", "field", "byline")
_EMPTY_LABEL = re.compile(r"^(?:(?:reviewed|review|written|posted) by|by|author|reviewer|critic|words|"
                          r"about the (?:author|reviewer|writer|critic))\s*:?$", re.I)
_DATE_CUE = re.compile(r"^(?:[/·,|–—-]\s*|(?i:on|updated|published|posted):?\s+)")


def placed_name(header: list[Line], body: str, above_body: bool = False
                ) -> tuple[str, Line] | None:
    """The first bare name line the header's structure makes the byline, or None. With
    ``above_body`` the lines are the header, and a name alone on its last line, under the
    headline, counts too (a student paper's "Jane Doe" over the review)."""
    for index, line in enumerate(header):
        dated = _name_and_date(line.text) or _name_and_paper(line.text, header, body)
        if dated is not None:
            if not _ruled_out(header, index, body, dated):
                return dated, line
            continue
        if line.role not in _NAME_ROLES or not _name_shaped(line.text):
            continue
        placed = _placed(header, index) or (above_body and _last_over_body(header, index))
        if not placed or _ruled_out(header, index, body):
            continue
        return line.text, line
    return None


def _name_and_date(text: str) -> str | None:
    """The name of a line holding a name and then only a date ("Jane Doe, March 3, 2011",
    "Jane Doe March 3, 2011"): the shortest run of name words that leaves only a date."""
    words = text.split()
    for count in range(2, min(4, len(words) - 1) + 1):
        name = " ".join(words[:count]).rstrip(",/·")
        rest = _DATE_CUE.sub("", " ".join(words[count:]))
        if bylines.ONLY_A_NAME.match(name) and not bylines.not_a_name(name) and _date_fills(rest):
            return name
    return None


_NAME_COMMA_PAPER = re.compile(r"^(?P<name>" + bylines.PERSON_OR_CAPITALS + r")(?:,| [—–-]) "
                               r"(?P<paper>(?:The )?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3})$")


def _name_and_paper(text: str, header: list[Line], body: str) -> str | None:
    """The name of "Jane Doe, The Evening Lantern" (or "Jane Doe — The Evening Lantern"): a name
    and the paper she writes for, when the paper's name is nowhere else on the page (else it is
    an actor and the film's title, a caption)."""
    match = _NAME_COMMA_PAPER.match(text)
    if match is None or bylines.not_a_name(match["name"]):
        return None
    paper = match["paper"]
    if not (paper.startswith("The ") or bylines.masthead(paper)):
        return None  # "Cara Lind, Dev Marlow": a cast list
    if paper in body or any(paper in line.text for line in header if line.text != text):
        return None
    return match["name"]


def _date_fills(text: str) -> bool:
    found = find_date(text)
    return (found is not None and len(found.text) >= len(text) - 3) or is_whole_date(text)


def _name_shaped(text: str) -> bool:
    return bool(bylines.ONLY_A_NAME.match(text) or _USER_NAME.match(text)) and not (
        bylines.not_a_name(text) or is_film_credit_field(text))


def _placed(header: list[Line], index: int) -> bool:
    below = header[index + 1:index + 3]
    if any(is_date_line(line.text) or bylines.JOB_LINE.match(line.text)
           or bylines.SITE_JOB_LINE.match(line.text) for line in below[:1]):
        return True
    if index and _EMPTY_LABEL.match(header[index - 1].text):
        return True
    if bylines.ONLY_A_NAME.match(header[index].text) and any(
            bylines.masthead(line.text) for line in below[:1] + header[max(index - 1, 0):index]):
        return True
    if len(below) == 2 and is_date_line(below[1].text) and below[0].role in ("heading", "field"):
        return True  # an affiliation between the name and the date
    if index and bylines.ONLY_A_NAME.match(header[index].text) and below and find_ratings(below[0].text):
        # under the title, over the review's own score; not a score's label ("Current Rating")
        # nor a row of a score card ("Video Quality" over "4/5", between other scores)
        card = [header[index - 1]] + below[1:2]
        labelled = any(word.casefold() in SCORE_LABELS for word in header[index].text.split())
        return (_is_status(below[0].text) and not labelled
                and not any(find_ratings(line.text) for line in card))
    return _USER_NAME.match(header[index].text) is not None and bool(below) and _is_status(below[0].text)


_EMPTY_LABEL_AFTER = re.compile(r"^(?:published|posted|written|reviewed) by:?$", re.I)


def labelled_under_body(after: list[Line]) -> tuple[str, Line] | None:
    """"Published by" over a bare name among the first lines under the body (a blog theme's
    post footer, read after its share and comment links)."""
    for above, line in zip(after, after[1:], strict=False):
        if line.role == "thread":
            break
        if (_EMPTY_LABEL_AFTER.match(above.text) and bylines.ONLY_A_NAME.match(line.text)
                and not bylines.not_a_name(line.text)):
            return line.text, line
    return None


_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")


def _last_over_body(header: list[Line], index: int) -> bool:
    """A person's name alone on the header's last line (or over only the writer's e-mail
    address), with a headline above it: the review's byline."""
    rest = header[index + 1:]
    above = header[index - 1].text if index else ""
    titled = any(not is_date_line(line.text) for line in header[:index])  # else it is the title
    # "The Film, Jane Roe, Jo Bloggs" (a list, no sentence) over a photo credit
    caption = (len(re.findall(bylines.PERSON, above)) >= 2 and "," in above
               and not above.endswith((".", "!", "?")))
    kicker = above.endswith(":")  # "Our Reviews:" over the film's title
    own = header[index].text
    return (titled and not caption and not kicker and bylines.ONLY_A_NAME.match(own) is not None
            and not own.isupper() and not label_owner(own)
            and (not rest or (len(rest) == 1 and _EMAIL.match(rest[0].text) is not None)))


def _is_status(text: str) -> bool:
    """A user review's status line: a rating or a posting time, and hardly anything else."""
    found = find_ratings(text)
    rest = _POSTED_AGO.sub(" ", text)
    for rating in found:
        rest = rest.replace(rating.text, " ")
    return bool(found or _POSTED_AGO.search(text)) and len(rest.split()) <= _MAX_STATUS_REST


def _ruled_out(header: list[Line], index: int, body: str, name: str | None = None) -> bool:
    own = header[index].text
    name = name or own
    if name.casefold() in body.casefold():  # "SALT ROAD" over a date is the film the body reviews
        return True
    folded = name.casefold()
    if any(folded in line.text.casefold() and line.text not in (name, own) for line in header):
        return True  # a title in a breadcrumb or heading, not a name
    neighbours = header[max(index - 1, 0):index] + header[index + 1:index + 2]
    return any(bylines.ONLY_A_NAME.match(line.text) and not bylines.not_a_name(line.text)
               and line.text != name for line in neighbours)


def paper_beside(line_number: int, lines: list[Line]) -> tuple[str, Line] | None:
    """A paper's name on the line next to the critic's name line ("The Evening Courier")."""
    near = [line for line in lines if line.text and abs(line.number - line_number) <= 2
            and line.number != line_number]
    for line in near:
        paper = bylines.masthead(line.text)
        if paper:
            return paper, line
    return None


def signature_in_body(lines: list[Line], start: int, end: int) -> tuple[str, Line] | None:
    """A signature line ("-Jane Doe", "— Jane Doe") among the body's lines."""
    for line in lines[start:end]:
        if line.role == "byline" and line.text[:1] in "-—–":
            found = bylines.parse_byline(line.text)
            if found is not None and found.critic:
                return found.critic, line
    return None


def owned_label(lines: list[Line]) -> tuple[str, Line] | None:
    """The owner of a review or rating label ("Jane's Review:", "JD Rating: B") among
    ``lines`` (the header, the first paragraphs, the lines under the body)."""
    for index, line in enumerate(lines):
        found = find_ratings(line.text)
        span = (found[0].start, found[0].end) if found else None
        owner = label_owner(line.text) or rating_label_owner(line.text, span)
        if owner is not None and not _in_score_card(lines, index):
            return owner, line
    return None


_CARD_LINE = re.compile(r"^[A-Z][\w' ]{1,24}:\s*\S.{0,20}$")


def _in_score_card(lines: list[Line], index: int) -> bool:
    """A line among other "Label: score" lines is one score of a card ("Gore: 8/10")."""
    neighbours = lines[max(index - 1, 0):index] + lines[index + 1:index + 2]
    return any(_CARD_LINE.match(other.text) and find_ratings(other.text) for other in neighbours)


def name_over_credited_caption(lines: list[Line], start: int, body: str) -> tuple[str, Line] | None:
    """A name line right above a caption run into its own picture credit, right above the body:
    the picture is credited already, so the name is the writer's."""
    above = [line for line in lines[:start] if line.text][-2:]
    if len(above) < 2 or not is_credited_caption(above[1].text):
        return None
    name = above[0]
    if name.role in _NAME_ROLES and _name_shaped(name.text) and name.text not in body:
        return name.text, name
    return None


_FIRST_NAME = rf"[{UPPER}][{LOWER}]{{1,15}}(?:-[{UPPER}][{LOWER}]{{1,15}})?"
_SPEAKER = re.compile(r"^(?P<name>" + _FIRST_NAME + "(?: " + _FIRST_NAME + r")?): (?=[A-Z0-9\"“‘'])")
_MIN_TURNS = 3
_SCORE_AND_SECTION_LABELS = SCORE_LABELS | SECTION_LABELS | {"q", "a", "question", "answer", "note", "update"}


def first_speaker(paragraphs: list[Line]) -> tuple[str, Line] | None:
    """Two critics talking a film over, each turn opening with a first name ("Jo: ...", "Ed:
    ..."): the first to speak. The opening paragraphs must take turns between two names, none
    of them a score's or a section's label ("Verdict:", "Plot:")."""
    speakers = [_SPEAKER.match(line.text) for line in paragraphs]
    names = [match["name"] for match in speakers if match]
    if len(names) < _MIN_TURNS or len(names) < len(paragraphs) or len(set(names)) != 2:
        return None
    if any(first == second for first, second in zip(names, names[1:], strict=False)):
        return None
    if any(label_owner(f"{name}'s review") is None or name.casefold() in _SCORE_AND_SECTION_LABELS
           for name in set(names)):
        return None
    return names[0], paragraphs[0]


# "Hello everyone! Jane here.", "Hi all, Jane Doe here!": a writer greeting the readers by name
# at the head of the first paragraph.
_SELF_INTRODUCED = re.compile(
    r"^(?:(?i:hello|hi|hey|greetings|welcome)\b[^.!?]{0,40}?[.!?,]\s+)?"
    r"(?P<name>" + _FIRST_NAME + "(?: " + _FIRST_NAME + r")?) here[.!]\s")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|my|me)\b")


def introduced_self(paragraphs: list[Line]) -> tuple[str, Line] | None:
    """The writer naming themselves in the first sentences of the first paragraph ("Hello
    all! Jane here. I ..."), the paragraph then going on in the first person."""
    if not paragraphs:
        return None
    first = paragraphs[0]
    match = _SELF_INTRODUCED.match(first.text)
    if (match is None or not _FIRST_PERSON.search(first.text[match.end():])
            or label_owner(f"{match['name']}'s review") is None):
        return None
    return match["name"], first


def pointer_to_more(lines: list[Line]) -> tuple[str, Line] | None:
    """A short line pointing to the writer's other work ("More reviews by Jane Doe") among the
    body's lines or under them."""
    for line in lines:
        name = writer_of_more(line.text) if line.text else None
        if name is not None:
            return name, line
    return None
