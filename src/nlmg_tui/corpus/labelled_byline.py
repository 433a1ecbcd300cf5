"""A byline line read by its grammar: a label, a name, then only what bylines put after a name.

    LINE  := LABEL [JOB] NAME TAIL
    LABEL := ["~" | dash] "By" | "Written by" | "Review written by and copyright:" | "Review by" |
             "Reviewed by" | "Posted by" | "Words by" | "Submitted by" | "Author:" | "Critic:" |
             "Reviewer:" | "Words:" | "Review from" ...
    NAME  := a person's name as typeset (``person_names``), or a user's handle
    TAIL  := nothing | SEP DATE [in SECTION] [| N comments] | (DATE) | SEP JOB [SEP DATE]
           | (@handle) | for OUTLET | , special to OUTLET | in SECTION | · N min read
           | /[SECTION] JOB ("Jane Doe/arts editor")
           (a closing full stop after a piece: "~ by jdoe on January 28, 2007.")

The whole line must parse: "by the end of the film" or "Written by Ann Quill and Ben Oduya"
does not, and is left to the older, looser rules in ``byline``.
"""

from __future__ import annotations

import re

from nlmg_tui.corpus.dates import find_date
from nlmg_tui.corpus.person_names import CAPITALS, PERSON, is_handle

_LABEL = re.compile(
    r"^(?:[—–~-]{1,2}\s*)?(?:(?i:(?:(?:a |an )?(?:(?:film|movie|dvd|blu-ray|theatrical|tv|book) )?"
    r"review(?:ed)?|(?:review )?written|posted|published|uploaded|added|words|article|submitted|"
    r"contributed|filed|text) by(?: and copyright)?|"
    r"(?:a )?review(?:ed)? from|by|(?:posted|filed) (?:in|under):? [A-Z][\w&'’ -]{1,30}? by)"
    r"(?:\s*:\s*|\s+)|(?i:words|author|critic|reviewer)\s*:\s*)(?=\S)")
# Labels after which a user's handle may stand for the name ("Posted by reelfan81").
_HANDLE_LABELS = re.compile(r"^(?:[—–~-]{1,2}\s*)?(?i:(?:posted|uploaded|added|review(?:ed)?|submitted)? ?by|"
                            r"author|reviewer)\b")
_JOB = (r"(?:(?:chief|senior|associate|appellate|managing|executive|contributing|staff|film|movie|"
        r"guest|arts|tv|dvd|features?|deputy|regular|freelance)\s+)*(?:critic|reviewer|editor|"
        r"writer|correspondent|contributor|columnist|blogger|judge)")
_JOB_FIRST = re.compile(r"^(?i:" + _JOB + r")\s+(?=[A-ZÀ-ÖØ-Þ])")
_NAME = re.compile(r"^(?:" + PERSON + "|" + CAPITALS + r")$")
_MARK = r"(?:\|\||[|·•,]|//|[—–-])"
_SEP = (r"(?:\s*" + _MARK + r"?\s*(?i:(?:(?:last )?updated|published|posted)(?: on)?):?\s+|"
        r"\s*" + _MARK + r"\s*|\s+(?:on|at)\s+|\s+)")
# A score after the name: "By Jane Doe – 9/10", "Jane Doe | ★★★★".
_RATING = re.compile(r"^\s*" + _MARK + r"\s*(?:\d{1,3}(?:\.\d)?\s*/\s*\d{1,3}|\d(?:\.5)? stars?"
                     r"|[★☆]{1,5}|[A-F][+-]?)(?![\w/])")
# "Jane Doe/entertainment editor": a student paper sets the job after a slash.
_JOB_PIECE = re.compile(r"^\s*(?:[,|·•]|\s[—–-])\s*(?i:" + _JOB + r")\b|^/(?i:[a-z&]+ )?(?i:" + _JOB
                        + r")\b")
_HANDLE = re.compile(r"^\s*(?:[|•·,]\s*)?\(?@\w{2,30}\)?")
_EMAIL = re.compile(r"^\s*(?:[|•·,]\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Words papers and magazines are called by ("The Evening Courier", "Harbour Weekly").
PAPER_WORDS = (
    r"times|post|herald|gazette|courier|chronicle|guardian|observer|tribune|journal|telegraph|"
    r"independent|express|mail|record|reader|weekly|monthly|magazine|bulletin|examiner|sentinel|"
    r"standard|dispatch|echo|argus|mercury|advertiser"
)
_PAPER = r"[A-Z][\w&'’.-]*(?: (?:[A-Z][\w&'’.-]*|of|and|&))*"
# "for The Lantern", ", special to The Lantern"; after a comma, a slash or a dash only a name
# that is a paper's ("The Lantern", "Harbour Weekly"), not a second writer ("Jane Doe, Tom Roe").
_OUTLET = re.compile(r"^(?:(?:\s+for|\s*,\s*(?i:special to))\s+(?:the\s+)?" + _PAPER + "|"
                     r"(?:\s*[,/]|\s+[—–-])\s+(?:The\s+" + _PAPER + r"|(?:[A-Z][\w&'’.-]* ){1,3}(?i:"
                     + PAPER_WORDS + r")\b))")
# A link's arrow after the name: "By Jane Doe »", "By Jane Doe » March 18, 2011".
_LINK_ARROW = re.compile(r"^\s*[»›](?=\s|$)")
_SECTION = re.compile(r"^\s+in\s+[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3}")
# "| Reviews, Drama": the post's sections (capitalised words; "| Directed by ..." is none).
_SECTIONS = re.compile(r"^\s*[|•·]\s*[A-Z][\w-]*(?:,? [A-Z][\w-]*){0,4}(?=\s*(?:[|•·]|$))")
_COMMENTS = re.compile(r"^\s*(?:[|·•]\s*|\s)(?:\d+|no) (?i:comments?|responses?|replies)")
_READING_TIME = re.compile(r"^\s*[·|•,]\s*\d{1,2} min(?:ute)?s?(?: read)?", re.I)
_PIECES = (_LINK_ARROW, _RATING, _JOB_PIECE, _HANDLE, _EMAIL, _OUTLET, _SECTION, _SECTIONS, _COMMENTS,
           _READING_TIME)
_DATE_START = re.compile(_SEP)
# Where a date may end: the line's end, a separator, a bracket, "in Reviews", "for The Paper".
_DATE_END = re.compile(r"(?=\s*(?:[|•·(»]|//|$)|\s+(?:in|for)\s)")
_MAX_PIECES = 6
_BRACKETED_DATE = re.compile(r"^\s*\((?P<date>[^()]{6,40})\)")
_WEEKDAY = re.compile(r"^(?i:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?)\s+")
_TIME = re.compile(r"(?:,?\s*(?:at\s+|[-–—]\s*)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)$", re.I)
_MAX_NAME_CHARS = 48


def is_whole_date(text: str) -> bool:
    """``text`` is a date and nothing else, perhaps with its weekday and a time of day
    ("Friday, March 18, 2011 at 9:14 pm", "18 Mar 2011, 21:14")."""
    text = _TIME.sub("", _WEEKDAY.sub("", text.strip(" .")))
    found = find_date(text)
    return found is not None and len(found.text) >= len(text.strip(" .,")) - 1


def _is_tail(rest: str, pieces: int = 0) -> bool:
    """``rest`` is only what bylines put after a name: pieces (a date, a job, a handle, an
    outlet, a section, a comment count, a reading time, a score) one after another."""
    if not rest.strip() or (pieces and rest.strip() == "."):
        return True  # "... (4th May 2004)." closes with a full stop
    if pieces == _MAX_PIECES:
        return False
    for piece in _PIECES:
        match = piece.match(rest)
        if match and match.end() and _is_tail(rest[match.end():], pieces + 1):
            return True
    bracketed = _BRACKETED_DATE.match(rest)
    if bracketed and is_whole_date(bracketed["date"]) and _is_tail(rest[bracketed.end():], pieces + 1):
        return True
    start = _DATE_START.match(rest)
    if start is None:
        return False
    for end in _DATE_END.finditer(rest, start.end() + 6):
        if is_whole_date(rest[start.end():end.start()]) and _is_tail(rest[end.start():], pieces + 1):
            return True
    return False


def labelled_byline(line: str) -> tuple[str, str] | None:
    """(name, what follows it) of a line that is wholly a labelled byline, or None."""
    label = _LABEL.match(line)
    if label is None:
        return None
    remainder = line[label.end():]
    job = _JOB_FIRST.match(remainder)
    if job:
        remainder = remainder[job.end():]
    handles = _HANDLE_LABELS.match(line) is not None and job is None
    for end in range(1, min(len(remainder), _MAX_NAME_CHARS) + 1):
        if end < len(remainder) and remainder[end] not in " ,|·•(/—–-":
            continue
        name, rest = remainder[:end], remainder[end:]
        if (_NAME.match(name) or (handles and is_handle(name))) and _is_tail(rest):
            return name, rest
    return None
