"""Where the body starts, and the fields read around it: byline, sign-off, date (the
headline is chosen in ``headline``).

Fields are read only from the lines above the body (the header) and the few lines under it (the
trailer), so a name or a date inside prose is never taken for metadata.
"""

from __future__ import annotations

import re

from nlmg_tui.corpus import byline as bylines
from nlmg_tui.corpus.chrome import BRACKETED_NAME
from nlmg_tui.corpus.dates import NOT_PUBLICATION, FoundDate, find_date, opening_dateline, page_day_first
from nlmg_tui.corpus.headline import (
    can_be_headline,
    headline,
    is_date_line,
    is_film_credit_field,
    is_spec_line,
    page_title,
)
from nlmg_tui.corpus.labelled_byline import labelled_byline
from nlmg_tui.corpus.lines import Line
from nlmg_tui.corpus.models import Evidence

# At most this many paragraphs above a byline or title are a preface (a blurb, a tagline, a
# site's note to readers), and only when more prose follows it.
_MAX_PREFACE = 4
_MAX_PREFACE_WORDS = 80
# A film card's synopsis over its credit fields, above the byline, may run longer.
_MAX_CARD_SYNOPSIS_WORDS = 160
_MIN_CARD_FIELDS = 2
_MAX_DECK_WORDS = 10
_MAX_STANDFIRST_WORDS = 40
_MAX_OPENER_WORDS = 12
_OPENER_RATIO = 3
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|my|me|we|our)\b")
# A blog's note to its readers ("Tell me what you think ... link to my site") may run longer.
_MAX_SITE_TALK_PREFACE = 6
_MAX_SITE_TALK_WORDS = 160
_MAX_SITE_TALK_PARAGRAPH_WORDS = 50
_SITE_TALK = re.compile(r"\b(you|your|my (site|blog|review)|this (site|blog)|our (site|experts|reviews?))\b",
                        re.I)
_MAX_DATE_LINE_WORDS = 8
_POSTING_CUE = re.compile(r"\b(posted|published|added|written|by)\b", re.I)
_EMPTY_REVIEWED_BY = re.compile(r"^(?:an? )?(?:reviewed|review|written|published|posted) by:?$", re.I)
# A label that says the name is the review's writer, not the film's.
_REVIEW_LABEL = re.compile(r"^(?:an? )?(?:reviewed by|review by|reviewer:|critic:|by\b)", re.I)
# A writer's pen name under an empty label: "The Dude on the Right", "Kozo", "Jane Doe".
_PEN_NAME = re.compile(r"^[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|the|of|on|in|from|and|de|van)){0,5}$")
_UK_CLUES = re.compile(r"colour|favourite|£|\.co\.uk|\bBBFC\b|\bcert\b|\b12A\b|cinemagoers")
_US_CLUES = re.compile(r"\bcolor\b|favorite|\$\d|\bMPAA\b|moviegoers|\bPG-13\b")
_FILM_YEAR = re.compile(r"\((?P<year>(?:19|20)\d\d)\)")
# "8:00 PM, 11th August, 2011": a time before the date is an event (a screening), not a post.
_EVENT_TIME = re.compile(r"^\d{1,2}[:.]\d\d\s*[ap]\.?m\b", re.I)
_CLOSING_QUOTES = ('"', "”", "’", "'")
_MIN_SIGNED_PARAGRAPH_WORDS = 12
_BULLETED_NAME = re.compile(r"^[•·] ?(?P<name>[A-Z][a-z'’.-]+(?: [A-Z][\w'’.-]+){1,3})$")


def body_start(lines: list[Line]) -> int:
    """The index of the first body line: the first prose, unless a few paragraphs above a
    byline, a date line or the title are a preface; those become role ``preface``."""
    prose = [i for i, line in enumerate(lines) if line.role in ("prose", "label")]
    if not prose:
        return len(lines)
    first = prose[0]
    anchor = _header_anchor(lines, prose)
    if anchor is None:
        if _is_deck(lines, first, prose) or _is_standfirst(lines, first, prose):
            lines[first].role = "preface"
            return prose[1]
        above = [line for line in lines[:first] if line.text and line.role != "chrome"]
        if _is_short_opener(lines, first, prose, above):
            # under a lone date line it is the post's title; under a title, its deck
            lines[first].role = "heading" if is_date_line(above[0].text) else "preface"
            return prose[1]
        return first
    for line in lines[first:anchor]:
        if line.role in ("prose", "label", "short"):
            line.role = "preface"
    start = next(i for i in prose if i > anchor)
    if _is_quoted_deck(lines, start, prose):
        lines[start].role = "preface"
        return next(i for i in prose if i > start)
    return start


def _is_quoted_deck(lines: list[Line], index: int, prose: list[int]) -> bool:
    """A short line all in quotes under the byline, over a rating or heading and then the
    review: the review's tagline ("Smart, cold and worth it..."), not its first paragraph."""
    text = lines[index].text
    following = next((line for line in lines[index + 1:] if line.text), None)
    return (text[:1] in "\"“" and text[-1:] in "\"”" and len(text.split()) <= _MAX_OPENER_WORDS
            and following is not None and following.role in ("heading", "field", "chrome")
            and any(i > index for i in prose))


def _header_anchor(lines: list[Line], prose: list[int]) -> int | None:
    """A byline or date line (or, when every preface paragraph talks to the reader about the
    site, a title) after a short run of preface paragraphs, with two or more paragraphs after it."""
    for count in range(1, min(_MAX_SITE_TALK_PREFACE, len(prose) - 1) + 1):
        before = [lines[i] for i in prose[:count]]
        after = prose[count:]
        words = sum(len(line.text.split()) for line in before)
        site_talk = all(_SITE_TALK.search(line.text)
                        and len(line.text.split()) <= _MAX_SITE_TALK_PARAGRAPH_WORDS for line in before)
        most, most_words = ((_MAX_SITE_TALK_PREFACE, _MAX_SITE_TALK_WORDS) if site_talk
                            else (_MAX_PREFACE, _MAX_PREFACE_WORDS))
        if count == 1 and _film_card_follows(lines, prose[0], after[0]):
            most_words = _MAX_CARD_SYNOPSIS_WORDS  # a film card's synopsis, then its credits
        if count > most or words > most_words or len(after) < 2:
            return None
        for index in range(prose[count - 1] + 1, after[0]):
            if _is_anchor(lines[index], site_talk) and not _signs_paragraph(lines, index):
                return index
    return None


def _film_card_follows(lines: list[Line], synopsis: int, end: int) -> bool:
    """Two or more of the film's credit fields ("Director: ...", "Length: 1:28") between a lone
    paragraph and the next prose: the paragraph is the synopsis of a film card above the review."""
    return sum(line.role == "field" and is_film_credit_field(line.text)
               for line in lines[synopsis + 1:end]) >= _MIN_CARD_FIELDS


def _signs_paragraph(lines: list[Line], index: int) -> bool:
    """"—Jane Doe" right under a paragraph signs it (those paragraphs are the review), unless
    it is a quotation or a verse's short line: then the dash credits an epigraph."""
    above = next((line for line in reversed(lines[:index]) if line.text), None)
    return (lines[index].text[:1] in "-–—" and above is not None
            and len(above.text.split()) >= _MIN_SIGNED_PARAGRAPH_WORDS
            and not above.text.endswith(_CLOSING_QUOTES))


def _is_anchor(line: Line, site_talk: bool) -> bool:
    if line.role in ("byline", "field", "heading", "short"):
        found = bylines.parse_byline(line.text)
        if found is not None and found.critic:
            return True
        if is_date_line(line.text):
            return True
    return site_talk and line.role == "heading" and can_be_headline(line.text)


_MAX_LABEL_WORDS = 4


def _is_deck(lines: list[Line], first: int, prose: list[int]) -> bool:
    """A one-line standfirst under the headline, set apart from the body by a non-prose line."""
    line = lines[first]
    following = next((other for other in lines[first + 1:] if other.text), None)
    above = next((other for other in reversed(lines[:first]) if other.text), None)
    if above is not None and above.text.endswith(":") and len(above.text.split()) <= _MAX_LABEL_WORDS:
        return False  # under its own label ("The short:"), a section of the review
    return (len(prose) > 1 and len(line.text.split()) <= _MAX_DECK_WORDS
            and following is not None and following.role in ("chrome", "heading")
            and any(other.role == "heading" for other in lines[:first] if other.text))


def _is_standfirst(lines: list[Line], first: int, prose: list[int]) -> bool:
    """The page's first line, a sentence with no full stop (a standfirst is set without one),
    over a line of chrome and then the review."""
    line = lines[first]
    following = next((other for other in lines[first + 1:] if other.text), None)
    return (len(prose) > 1 and not any(other.text for other in lines[:first])
            and len(line.text.split()) <= _MAX_STANDFIRST_WORDS and line.text[-1:].isalpha()
            and following is not None and following.role == "chrome")


def _is_short_opener(lines: list[Line], first: int, prose: list[int], above: list[Line]) -> bool:
    """A short first line under nothing but a date line or a title, with a much longer
    paragraph after it: a blog post's title (a question, a quip) or a one-line deck."""
    if len(prose) < 3 or len(above) != 1 or above[0].role not in ("heading", "field"):
        return False
    if not (is_date_line(above[0].text) or can_be_headline(above[0].text)):
        return False
    words = len(lines[first].text.split())
    following = len(lines[prose[1]].text.split())
    if not is_date_line(above[0].text) and _FIRST_PERSON.search(lines[first].text):
        return False  # "I loved it." under the title opens the review; a deck is not in the first person
    return words <= _MAX_OPENER_WORDS and following >= _OPENER_RATIO * words


def trailer(lines: list[Line], last_body_line: int, size: int = 4) -> list[Line]:
    """The first few non-empty lines after the body: where signatures and footnotes sit."""
    after = [line for line in lines[last_body_line:] if line.text]
    found: list[Line] = []
    for line in after:
        if line.role in ("form", "thread") or len(found) == size:
            break
        if line.role not in ("chrome", "prose", "bio"):
            found.append(line)
    return found


def find_byline(header: list[Line]) -> tuple[bylines.Byline | None, Line | None]:
    """The first byline that names someone (never a screenplay credit among the film's
    credits); else a name above an empty "Reviewed by:" or above a date line; else the first
    bare byline (a "By" with no name)."""
    bare: tuple[bylines.Byline | None, Line | None] = (None, None)
    first_named: tuple[bylines.Byline, Line] | None = None
    for index, line in enumerate(header):
        if line.role not in ("byline", "field", "heading", "short") or _is_credit(header, index) \
                or _is_epigraph_credit(header, index):
            continue
        found = bylines.parse_byline(line.text)
        if found is None and _EMPTY_REVIEWED_BY.match(line.text):
            found = bylines.Byline(None, None)  # "A Review by:" with the name on the next line
        if found is None:
            continue
        if found.critic and _REVIEW_LABEL.match(line.text):
            return found, line  # "Reviewed by Jane Doe" outranks a credit line read as a byline
        if found.critic:
            first_named = first_named or (found, line)
            continue
        named = _name_above(header, index) or _name_below(header, index)
        if named is not None:
            return bylines.Byline(named.text, found.outlet), named
        if bare[0] is None:
            bare = (found, line)
    if first_named is not None:
        return first_named
    for index, line in enumerate(header[1:-1], start=1):
        following = header[index + 1]
        above = header[index - 1]
        if (line.role == "heading" and bylines.ONLY_A_NAME.match(line.text)
                and not bylines.not_a_name(line.text) and not _held_by_longer_line(header, line)
                and not bylines.ONLY_A_NAME.match(above.text)  # the last of a list of names: a cast
                and len(following.text.split()) <= _MAX_DATE_LINE_WORDS and find_date(following.text)):
            return bylines.Byline(line.text, None), line
    return _bulleted_author(header) or _name_with_own_label(header) or bare


def owned_heading(header: list[Line]) -> tuple[str, Line] | None:
    """A heading naming the writer as its owner ("Jo's take: The Film", "Jane Doe reviews The
    Film") that was not taken for the headline (a kicker stood over it)."""
    for line in header:
        name = bylines.critic_in_headline(line.text) if line.role == "heading" else None
        if name:
            return name, line
    return None


def _held_by_longer_line(header: list[Line], line: Line) -> bool:
    """A longer header line holding the name makes it a title ("Reviews » Blue Valentine")."""
    return any(line.text in other.text and other.text != line.text for other in header)


# "Dave's Rating:", "Jo's Verdict": a label owned by the writer's first name.
_OWN_LABEL = re.compile(r"^(?P<first>[A-Z][a-z]+)[’']s (?:Rating|Review|Verdict|Take|Score)\b")


def _name_with_own_label(header: list[Line]) -> tuple[bylines.Byline, Line] | None:
    """A bare name on a line of its own in the header ("Dave White"), confirmed by a label
    owned by its first name further down ("Dave's Rating:"): the name is the critic."""
    owners = {match["first"] for line in header if (match := _OWN_LABEL.match(line.text))}
    for line in header:
        if bylines.ONLY_A_NAME.match(line.text) and line.text.split()[0] in owners:
            return bylines.Byline(line.text, None), line
    return None


def _bulleted_author(header: list[Line]) -> tuple[bylines.Byline, Line] | None:
    """A blog's author line above its title: "• Jane Doe" first in the header, with a dated
    line ("Updated: Jun 25, 2020") at most two lines under it."""
    if not header:
        return None
    first = header[0]
    match = _BULLETED_NAME.match(first.text)
    if match and any(len(line.text.split()) <= _MAX_DATE_LINE_WORDS and find_date(line.text)
                     for line in header[1:3]):
        return bylines.Byline(match["name"], None), first
    return None


def _is_credit(header: list[Line], index: int) -> bool:
    """"Written by: X" among "Directed by:"/"Starring:" lines credits the screenwriter."""
    if not header[index].text.casefold().startswith("written by"):
        return False
    neighbours = header[max(index - 1, 0):index] + header[index + 1:index + 2]
    return any(is_film_credit_field(line.text) for line in neighbours)


def _is_epigraph_credit(header: list[Line], index: int) -> bool:
    """"--Name" under a quotation credits the quotation (an epigraph), not the review."""
    return (index > 0 and header[index].text.startswith(("-", "—", "–"))
            and header[index - 1].text.rstrip().endswith(_CLOSING_QUOTES))


def _name_above(header: list[Line], index: int) -> Line | None:
    """The name on the line above an empty "Reviewed by:" label."""
    if index == 0 or not _EMPTY_REVIEWED_BY.match(header[index].text):
        return None
    above = header[index - 1]
    return above if bylines.ONLY_A_NAME.match(above.text) else None


def _name_below(header: list[Line], index: int) -> Line | None:
    """The pen name on the line under an empty "A Review by:" label ("The Dude on the Right")."""
    if index + 1 >= len(header) or not _EMPTY_REVIEWED_BY.match(header[index].text):
        return None
    below = header[index + 1]
    if below.number != header[index].number + 1 or not _PEN_NAME.match(below.text):
        return None
    return None if bylines.not_a_pen_name(below.text) or find_date(below.text) else below


def sign_off(lines: list[Line], last_body_line: int) -> tuple[str, Line] | None:
    """A bare name ("Jane Doe", "[Jane Doe]") on the first line under the body, with nothing
    but chrome after it before the comments: the critic signing off."""
    after = [line for line in lines[last_body_line:]
             if line.text and (line.role != "chrome" or BRACKETED_NAME.match(line.text)
                               or bylines.copyright_name(line.text))]
    if not after:
        return None
    bracketed = BRACKETED_NAME.match(after[0].text)
    name = bracketed["name"] if bracketed else bylines.copyright_name(after[0].text)
    if name is None and after[0].role in ("heading", "byline"):
        name = bylines.sign_off_name(after[0].text)
    if name is None and (outlet_signed := bylines.outlet_sign_off(after[0].text)) is not None:
        name = outlet_signed.critic
    rest = after[1:]
    if name and _named_in_body(lines, last_body_line, name):
        return None  # the film's director or a star, credited under the review
    if name and rest and is_film_credit_field(rest[0].text):
        return None  # the film's title or its star over its credits ("Directed by ...")
    if name and (not rest or rest[0].role in ("form", "thread", "heading", "field", "short")):
        return name, after[0]
    return None


def _named_in_body(lines: list[Line], last_body_line: int, name: str) -> bool:
    """A critic does not write about themselves in the third person: a name the body talks
    about ("Jane Doe's latest film") is someone in or behind the film."""
    folded = name.casefold()
    return any(folded in line.text.casefold() for line in lines[:last_body_line] if line.role == "prose")


# A byline that says it is one: "By", "Author", "Critic", "Reviewer", "Posted", "wrote on" ...
_LABEL_CUE = re.compile(r"\b(?i:by|author|critic|reviewer|words|posted|written|submitted|wrote)\b")


def named_elsewhere(name: str, line: Line, header: list[Line], paragraphs: list) -> bool:
    """A name read from a byline with no label ("Lantern Valley | March 18, 2011") that the
    page also uses as something else: the body talks about it (not in a bio) or another header
    line holds it (the headline "Lantern Valley (2011)"): it is the film's title or someone in
    the film, not the writer."""
    if _LABEL_CUE.search(line.text.replace(name, " ")):
        return False
    folded = name.casefold()
    if any(folded in paragraph.text.casefold() and not bylines.is_bio(paragraph.text, name)
           for paragraph in paragraphs):
        return True
    for other in header:
        text = other.text.casefold()
        if other is line or folded not in text:
            continue
        if re.search(re.escape(folded) + r"[’']s\b|\bby:? " + re.escape(folded), text):
            continue  # "Jane Doe's blog", "The Film by Jane Doe": she is named as the writer
        return True
    return False


def find_outlet(candidates: list[Line]) -> tuple[str, Line] | None:
    for line in candidates:
        outlet = bylines.outlet_line(line.text)
        if outlet:
            return outlet, line
    return None


def publication_date(candidates: list[Line], raw: str, last_paragraph: str | None,
                     film_year: int | None, first_paragraph: str | None = None
                     ) -> tuple[str, Evidence] | None:
    """The first date on a posting line (a byline, "Posted ..."), else on any header or trailer
    line that is not a spec line or about a release, else a dateline opening the body, else one
    closing the body."""
    day_first = _day_first_clue(raw)
    if day_first is None:
        day_first = page_day_first(raw)
    years = (film_year - 1, film_year + 20) if film_year else None
    under_label = {line.number for above, line in zip(candidates, candidates[1:], strict=False)
                   if above.text.rstrip().endswith(":") and NOT_PUBLICATION.search(above.text)}
    under_label |= _dated_credit_fields(candidates) | _film_card_dates(candidates)
    listed = _post_list_lines(candidates, raw)
    usable = [line for line in candidates if line.role != "prose"
              and not NOT_PUBLICATION.search(_date_clause(_posted_part(line.text)))
              and line.number not in listed
              and (not is_spec_line(line.text) or labelled_byline(line.text) is not None)
              and not _EVENT_TIME.match(line.text)
              and line.number not in under_label]  # "On DVD:" over the date: a release
    usable.sort(key=lambda line: not _POSTING_CUE.search(line.text))
    for line in usable:
        found = find_date(_posted_part(line.text), day_first=day_first, years=years)
        if found:
            return found.iso, Evidence(line.number, line.text)
    if first_paragraph:
        found = opening_dateline(first_paragraph, day_first, years)
        if found:
            return found.iso, Evidence(0, first_paragraph[:80])
    if last_paragraph:
        found = _closing_date(last_paragraph, day_first, years)
        if found:
            return found.iso, Evidence(0, last_paragraph[-80:])
    return None


# Where a stamp line moves on from its date to other fields: "May 3, 2010 By: Jo | Category:
# Film Festival" dates the post, whatever its category says.
_FIELD_BREAK = re.compile(r"\s[|•·]\s|\b(?:categor(?:y|ies)|filed under|tags?|posted in)\b",
                          re.I)


def _date_clause(text: str) -> str:
    """``text`` up to the first field break after its first date (the whole text if none)."""
    found = find_date(text)
    if found is None:
        return text
    end = text.find(found.text) + len(found.text)
    cut = _FIELD_BREAK.search(text, end)
    return text[:cut.start()] if cut else text


def _post_list_lines(candidates: list[Line], raw: str) -> set[int]:
    """Candidate lines of a shape the page has three times or more with a date in it
    ("04/02/2014 | Comments 0"): a list of other posts, not this one's stamp."""
    counts: dict[str, int] = {}
    for text in raw.splitlines():
        if any(char.isdigit() for char in text):
            shape = _shape(text)
            counts[shape] = counts.get(shape, 0) + 1
    return {line.number for line in candidates
            if counts.get(_shape(line.text), 0) >= 3 and find_date(line.text)}


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


_BARE_DATE_FIELD = re.compile(r"^(?i:date|year)\s*:\s*\S")


def _dated_credit_fields(candidates: list[Line]) -> set[int]:
    """A bare "Date:" field among the film's credit fields ("Directed by:", "Running Time:")
    dates the film, not the review."""
    return {line.number for index, line in enumerate(candidates)
            if _BARE_DATE_FIELD.match(line.text) and any(
                is_film_credit_field(other.text)
                for other in candidates[max(index - 1, 0):index] + candidates[index + 1:index + 2])}


_GENRE_WORDS = re.compile(r"[\w-]+")
_MIN_CAST = 3


def _film_card_dates(candidates: list[Line]) -> set[int]:
    """A bare date line next to a cast list ("Ann Quill, Ben Oduya, Cara Lind"), or between a
    genre line ("Science Fiction") and a cast list: a film card with its labels lost, dating
    the film's release. A category over a date ("Drama", "March 4, 2011") is a post's stamp."""
    dated = set()
    for index, line in enumerate(candidates):
        if not is_date_line(line.text) or _POSTING_CUE.search(line.text):
            continue
        above, below = candidates[max(index - 1, 0):index], candidates[index + 1:index + 3]
        if any(_is_cast_list(other.text) for other in above + below[:1]) or (
                any(_is_genre_line(other.text) for other in above)
                and any(_is_cast_list(other.text) for other in below)):
            dated.add(line.number)
    return dated


def _is_genre_line(text: str) -> bool:
    words = _GENRE_WORDS.findall(text.casefold())
    return bool(words) and len(words) <= _MAX_DATE_LINE_WORDS and all(
        word in bylines.GENRES or word in ("and", "&") for word in words)


def _is_cast_list(text: str) -> bool:
    names = [name.strip() for name in text.split(",")]
    return len(names) >= _MIN_CAST and all(bylines.ONLY_A_NAME.match(name) for name in names)


# "Created Nov 30, 2010 • Edited Dec 2, 2012": the post's date, then its edit's.
_POSTED_THEN_EDITED = re.compile(r"^(?P<posted>(?:created|posted|published|submitted)\b.{6,40}?)"
                                 r"\W+(?:last )?(?:edited|updated|modified)\b", re.I)


def _posted_part(text: str) -> str:
    """The part of a stamp line before its edit date; the whole line for any other."""
    match = _POSTED_THEN_EDITED.match(text)
    return match["posted"] if match and find_date(match["posted"]) else text


def _closing_date(paragraph: str, day_first: bool | None, years: tuple[int, int] | None
                  ) -> FoundDate | None:
    """A date that ends the body ("... and see it. March 3, 2011")."""
    tail = paragraph[-30:]
    found = find_date(tail, day_first=day_first, years=years)
    if found and tail.rstrip(" .)").endswith(found.text):
        return found
    return None


def film_year(raw: str) -> int | None:
    """The film's year as the page first gives it ("Title (2010)")."""
    match = _FILM_YEAR.search(raw)
    return int(match["year"]) if match else None


def _day_first_clue(raw: str) -> bool | None:
    """Numeric dates are day-first on pages with British spellings or ratings, month-first on
    American ones; None when the page gives no clue or both."""
    uk, us = bool(_UK_CLUES.search(raw)), bool(_US_CLUES.search(raw))
    return True if uk and not us else False if us and not uk else None


__all__ = ["body_start", "can_be_headline", "film_year", "find_byline", "find_outlet", "headline",
           "is_spec_line", "page_title", "publication_date", "sign_off", "trailer"]
