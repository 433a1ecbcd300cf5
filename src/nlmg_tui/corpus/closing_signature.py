"""A writer signing inside the body's own lines, after a paragraph's last sentence:
"... in the hereafter. (Jane Doe)", "... four stars. …Jane Doe", "... see it. JD", and closing the
last paragraph "... leave! — Jane Doe" (``byline.run_in_signature``).

A name in brackets after a closing full stop is a signature, never a cast credit (a credit sits
inside its sentence: "George (Matt Damon) is ..."). Initials alone sign only the last
paragraph, and never as a rating or format code ("PG", "HD").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlmg_tui.corpus.byline import PERSON, not_a_name, run_in_signature
from nlmg_tui.corpus.models import Paragraph

_AFTER_SENTENCE = r"[.!?…][\"”’)\]]?\s*"
_BRACKETED = re.compile(_AFTER_SENTENCE + r"\((?P<name>" + PERSON + r")\)$")
_ELLIPSIS = re.compile(_AFTER_SENTENCE + r"(?:…|\.\.\.)\s*(?P<name>" + PERSON + r")$")
_INITIALS = re.compile(_AFTER_SENTENCE + r"(?P<name>[A-Z]{2,3}|(?:[A-Z]\.){2,3})$")
_CODES = frozenset("PG NC TV DVD HD UHD USA UK US BBC OK FYI PS TBA END MPAA VOD BD AD THX DTS"
                   .split())
# Words of a company, a rating or a running time, not of a person ("(Warner Bros.)", "(Rated R)").
_NOT_PERSON_WORDS = re.compile(
    r"\b(?:bros|pictures|films?|studios?|entertainment|inc|ltd|co|home|video|media|releasing|"
    r"distribution|classics|rated|unrated|minutes?|mins?|hrs?|stars?|spoilers?|trailer|review|"
    r"updated?|edited|source|via|photo|courtesy)\b\.?", re.I)


def closing_signature(paragraphs: Sequence[Paragraph]) -> tuple[str, str] | None:
    """The name signing a paragraph after its last sentence, and that paragraph's text."""
    for index, paragraph in enumerate(reversed(paragraphs)):
        text = paragraph.text.rstrip()
        dashed = run_in_signature(text) if index == 0 else None
        if dashed is not None:
            return dashed, text
        match = _BRACKETED.search(text) or _ELLIPSIS.search(text)
        if match is None and index == 0:
            initials = _INITIALS.search(text)
            if initials and initials["name"].replace(".", "") not in _CODES:
                return initials["name"], text
        if match is not None and _person(match["name"]):
            return match["name"], text
    return None


def _person(name: str) -> bool:
    words = name.split()
    return (not not_a_name(name) and not _NOT_PERSON_WORDS.search(name)
            and all(len(word.rstrip(".")) >= 2 or word.endswith(".") for word in words)
            and len(words[-1].rstrip(".")) >= 2)
