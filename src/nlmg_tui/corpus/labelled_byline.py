"""A byline line read by its grammar: a label, a name, then only what bylines put after a name.

    LINE  := LABEL [JOB] NAME TAIL
    LABEL := "By" | "Written by" | "Review by" | "Reviewed by" | "Posted by" | "Words by" |
             "Submitted by" | "Author:" | "Critic:" | "Reviewer:" | "Words:" | "Review from" ...
    NAME  := a person's name as typeset (``person_names``), or a user's handle
    TAIL  := nothing | SEP DATE [in SECTION] [| N comments] | (DATE) | SEP JOB [SEP DATE]
           | (@handle) | for OUTLET | , special to OUTLET | in SECTION | · N min read

The whole line must parse: "by the end of the film" or "Written by Ann Quill and Ben Oduya"
does not, and is left to the older, looser rules in ``byline``.
"""

from __future__ import annotations

import re

from nlmg_tui.corpus.dates import find_date
from nlmg_tui.corpus.person_names import CAPITALS, PERSON, is_handle

_LABEL = re.compile(
    r"^(?:[—–-]{1,2}\s*)?(?:(?i:(?:(?:a |an )?(?:(?:film|movie|dvd|blu-ray|theatrical|tv|book) )?"
    r"review(?:ed)?|written|posted|published|uploaded|added|words|article|submitted|contributed|filed|"
    r"text) by|"
    r"(?:a )?review(?:ed)? from|by|(?:posted|filed) (?:in|under):? [A-Z][\w&'’ -]{1,30}? by)"
    r"(?:\s*:\s*|\s+)|(?i:words|author|critic|reviewer)\s*:\s*)(?=\S)")
# Labels after which a user's handle may stand for the name ("Posted by reelfan81").
_HANDLE_LABELS = re.compile(r"^(?:[—–-]{1,2}\s*)?(?i:(?:posted|uploaded|added|review(?:ed)?|submitted)? ?by|"
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
_RATING_TAIL = re.compile(r"^\s*" + _MARK + r"\s*(?:\d{1,3}(?:\.\d)?\s*/\s*\d{1,3}|\d(?:\.5)? stars?"
                          r"|[★☆]{1,5}|[A-F][+-]?)$")
_SECTION = r"(?:\s+in\s+[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3})?"
_COMMENTS = r"(?:\s*(?:[|·•]|\s)\s*(?:\d+|no) (?i:comments?|responses?|replies))?"
_JOB_TAIL = re.compile(r"^\s*(?:[,|·•]|\s[—–-])\s*(?i:" + _JOB + r")(?P<rest>.*)$")
_HANDLE_TAIL = re.compile(r"^\s*\(?@\w{2,30}\)?$")
# Words papers and magazines are called by ("The Evening Courier", "Harbour Weekly").
PAPER_WORDS = (
    r"times|post|herald|gazette|courier|chronicle|guardian|observer|tribune|journal|telegraph|"
    r"independent|express|mail|record|reader|weekly|monthly|magazine|bulletin|examiner|sentinel|"
    r"standard|dispatch|echo|argus|mercury|advertiser"
)
_PAPER = r"[A-Z][\w&'’.-]*(?: (?:[A-Z][\w&'’.-]*|of|and|&)){0,5}"
# "for The Lantern", ", special to The Lantern"; after a comma, a slash or a dash only a name
# that is a paper's ("The Lantern", "Harbour Weekly"), not a second writer ("Jane Doe, Tom Roe").
_OUTLET_TAIL = re.compile(r"^(?:(?:\s+for|\s*,\s*(?i:special to))\s+(?:the\s+)?" + _PAPER + "|"
                          r"(?:\s*[,/]|\s+[—–-])\s+(?:The\s+" + _PAPER + r"|(?:[A-Z][\w&'’.-]* ){1,3}(?i:"
                          + PAPER_WORDS + r")))(?:\s*»)?$")
# A link's arrow after the name: "By Jane Doe »", "By Jane Doe » March 18, 2011".
_LINK_ARROW = re.compile(r"^\s*[»›](?=\s|$)")
_SECTION_TAIL = re.compile(r"^\s+in\s+[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3}" + _COMMENTS + r"$")
_READING_TIME = re.compile(r"^\s*[·|•,]\s*\d{1,2} min(?:ute)?s?(?: read)?$", re.I)
_DATED_TAIL = re.compile(r"^" + _SEP + r"(?P<date>.+?)" + _SECTION + _COMMENTS + r"$")
_BRACKETED_DATE = re.compile(r"^\s*\((?P<date>[^()]{6,40})\)$")
_WEEKDAY = re.compile(r"^(?i:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?)\s+")
_TIME = re.compile(r"(?:,?\s*(?:at\s+|[-–—]\s*)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)$", re.I)
_MAX_NAME_CHARS = 48


def is_whole_date(text: str) -> bool:
    """``text`` is a date and nothing else, perhaps with its weekday and a time of day
    ("Friday, March 18, 2011 at 9:14 pm", "18 Mar 2011, 21:14")."""
    text = _TIME.sub("", _WEEKDAY.sub("", text.strip(" .")))
    found = find_date(text)
    return found is not None and len(found.text) >= len(text.strip(" .,")) - 1


def _is_tail(rest: str) -> bool:
    rest = _LINK_ARROW.sub("", rest)
    if not rest.strip():
        return True
    if (_HANDLE_TAIL.match(rest) or _OUTLET_TAIL.match(rest) or _READING_TIME.match(rest)
            or _RATING_TAIL.match(rest)):
        return True
    if _SECTION_TAIL.match(rest):
        return True
    bracketed = _BRACKETED_DATE.match(rest)
    if bracketed and is_whole_date(bracketed["date"]):
        return True
    job = _JOB_TAIL.match(rest)
    if job:
        return _is_tail(job["rest"]) and not _OUTLET_TAIL.match(job["rest"])
    dated = _DATED_TAIL.match(rest)
    return dated is not None and is_whole_date(dated["date"])


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
