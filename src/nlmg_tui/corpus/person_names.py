"""How a person's name (or a site user's handle) is typeset in a byline.

Names carry capitals inside them ("McAllister", "MacLeod", "DeWitt", "LaRue", "O'Neil",
"Mary-Kate"), letters outside ASCII ("Émile", "Núñez"), particles ("van", "de"), initials
("J.D.", "T. J.") and suffixes ("Jr.", "III"); a byline may set the whole name in capitals.
"""

from __future__ import annotations

import re

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
# One capitalised word of a name ("Jane", "J.D.", "McDonnell", "LaRue", "O'Neil", "Mary-Kate",
# "Émile"); never a run of capitals ("DVD"). An inner capital follows "Mc", "Mac", "Fitz" or a
# particle of two or three letters run into the name ("DeWitt", "LaRue", "VanDyke").
NAME_WORD = (
    rf"[{UPPER}][{LOWER}'’]*(?:(?:[.-]|(?<=[’']))[{UPPER}]?[{LOWER}'’]*|(?<=Mc)[{UPPER}][{LOWER}]+"
    rf"|(?<=Mac)[{UPPER}][{LOWER}]+|(?<=Fitz)[{UPPER}][{LOWER}]+|(?<=\b[{UPPER}][{LOWER}])[{UPPER}][{LOWER}]+"
    rf"|(?<=\b[{UPPER}][{LOWER}]{{2}})[{UPPER}][{LOWER}]+)*\.?"
)
PARTICLE = r"de|van|von|da|di|del|la|le|der|den|du|dos|das|bin|al"
_SUFFIX = r"(?:,? (?:II|III|IV))?"
# A person's name as typeset: two to four capitalised words ("Jane Doe", "Mary-Kate O'Neil").
PERSON = (rf"(?=[{UPPER}][{LOWER}'’.-])" + NAME_WORD + r"(?: (?:" + NAME_WORD + "|" + PARTICLE
          + r")){1,3}" + _SUFFIX)
# A name set in capitals: "JANE DOE", "J.D. LORIMER".
CAPITALS = rf"(?=[{UPPER}]{{2}}|[{UPPER}]\.)[{UPPER}][{UPPER}'’.-]*(?: [{UPPER}][{UPPER}'’.-]*){{1,3}}"
# A site user's handle: lower case, or with a digit, an underscore or a capital inside
# ("reelfan81", "night_owl", "ShadowCaster", "cinephile-jo").
_HANDLE = re.compile(r"^(?=.{3,24}$)(?:[a-z][a-z\d_.]*|(?=\S*(?:\d|_|[a-z][A-Z]))[A-Za-z][\w.]*)"
                     r"(?:-[\w.]+)?$")
# Handles that are no one: a site's generic posting account.
GENERIC_ACCOUNTS = frozenset("""
    admin administrator staff guest anonymous editor editors webmaster team unknown user moderator
    mod root system
""".split())

ONLY_PERSON = re.compile(r"^(?:" + PERSON + "|" + CAPITALS + r")$")


_MARKED = re.compile(r"\d|_|[a-z][A-Z]")


def is_marked_handle(text: str) -> bool:
    """A handle no word could be: a digit, an underscore or a capital inside ("ShadowCaster",
    "reelfan81"); "drama" or "uncategorized" beside a date is a section, not a user."""
    return is_handle(text) and bool(_MARKED.search(text))


def is_handle(text: str) -> bool:
    """A user's handle, not a generic account ("admin") nor a word of a sentence."""
    return bool(_HANDLE.match(text)) and text.casefold() not in GENERIC_ACCOUNTS
