"""Recognise site chrome: the parts of a saved page that are the website, not the review.

The rules are phrase lists and line shapes common to news sites, blogs and movie databases
(navigation, search boxes, ticketing, galleries, share and sign-in prompts, comment forms and
policies, footers). Nothing here names a particular site or page.
"""

from __future__ import annotations

import re

from nlmg_tui.corpus.text import fold

# Phrases that mark a short line (a button, a menu entry, a caption) as chrome.
_SHORT_LINE_PHRASES = [
    r"search", r"sign ?up", r"sign ?in", r"log ?in", r"log ?out", r"subscribe", r"newsletter",
    r"share (this|on|via)", r"^share$", r"tweet", r"follow us", r"join us", r"facebook",
    r"twitter", r"instagram", r"showtimes", r"tickets", r"photo gallery", r"^(view |see )?(all )?photos$",
    r"gallery$", r"\(\d+ images\)", r"featured video", r"^videos?$", r"watch (the )?(video|trailer)",
    r"^trailers?$", r"upcoming", r"recommended", r"related",
    r"most (read|popular|viewed)", r"read more", r"advertisement", r"sponsored", r"privacy",
    r"terms of (use|service)", r"cookies?", r"copyright", r"©", r"all rights reserved",
    r"leave a (reply|comment)", r"post a comment", r"add (a|your) comment", r"filed under",
    r"^tagged", r"^posted in", r"^categories", r"^comments?$", r"before you comment",
    r"you are commenting", r"connecting to", r"fill in your details", r"click an icon",
    r"add to (collection|favorites|favourites|watchlist|list)", r"user lists?",
    r"rate this", r"critics'? reviews", r"our critic says", r"movie information",
    r"(dvd|blu-ray|poster) (cover|art)", r"synopsis for this", r"check back soon",
    r"^\+ ?\d+ ?more$", r"^\d+ (photos|images|pictures)$", r"^home$", r"^menu$", r"skip to",
    r"print this", r"e-?mail this", r"buy (now|on)", r"shop", r"^next$", r"^previous$",
    r"review updates", r"^logo$", r"(twitter|facebook) (picture|photo)",
]
_SHORT_LINE = re.compile("|".join(f"(?:{p})" for p in _SHORT_LINE_PHRASES))

# Phrases that mark a line of any length as chrome (forms, policies, footers).
_ANY_LINE = re.compile(
    r"will not be published|all fields are required|you are commenting using|"
    r"login with your|log in with your|required fields are marked|"
    r"comments section is here|moderate comments|terms of service|privacy policy|"
    r"all rights reserved|©\s*\d{4}|\(c\)\s*\d{4}|notify me of (new|follow-up)|"
    r"check back soon|send us your own|synopsis for this (movie|film)"
)
# A line of only punctuation, symbols or rating widgets ("* * * * *", ":", "®").
_SYMBOLS_ONLY = re.compile(r"^[\W_]+$")
SHORT_LINE_WORDS = 12


def is_chrome(line: str) -> bool:
    """True when ``line`` (already whitespace-normalised) is site chrome."""
    if not line:
        return False
    folded = fold(line)
    if _SYMBOLS_ONLY.match(folded):
        return True
    if _ANY_LINE.search(folded):
        return True
    return len(line.split()) <= SHORT_LINE_WORDS and bool(_SHORT_LINE.search(folded))


_FORM_START = re.compile(r"^(leave a (reply|comment)|post a comment|add your comment|comments( are)? closed)",
                         re.I)


def starts_comment_form(line: str) -> bool:
    """The comment form: nothing after it (until reader comments) is part of the review."""
    return bool(_FORM_START.match(line.strip()))


_DOUBLED_NAME = re.compile(r"^((?:[A-Z][\w'.-]+ ){1,3}[A-Z][\w'.-]+) \1$")


def doubled_name(line: str) -> str | None:
    """A credit link rendered twice ("Carey Mulligan Carey Mulligan"): the name, else None."""
    match = _DOUBLED_NAME.match(line)
    return match.group(1) if match else None
