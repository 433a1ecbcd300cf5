"""Recognise site chrome: the parts of a saved page that are the website, not the review.

The rules are phrase lists and line shapes common to news sites, blogs and movie databases
(navigation, search boxes, ticketing, galleries, share and sign-in prompts, comment forms and
policies, footers). Nothing here names a particular site or page.
"""

from __future__ import annotations

import re

from nlmg_tui.corpus.credited_reviewer import writer_of_more
from nlmg_tui.corpus.text import fold

# Phrases that mark a short line (a button, a menu entry, a caption) as chrome. Each is matched
# on word boundaries ("shop" is not in "workshop").
_SHORT_LINE_PHRASES = [
    r"search", r"sign ?up", r"sign ?in", r"log ?in", r"log ?out", r"subscribe", r"newsletter",
    r"share (this|on|via)", r"^share$", r"tweet", r"follow us", r"join us", r"facebook",
    r"twitter", r"instagram", r"showtimes", r"tickets", r"photo gallery", r"^(view |see )?(all )?photos$",
    r"gallery$", r"\(\d+ images\)", r"featured video", r"^videos?$", r"watch (the )?(video|trailer)",
    r"^trailers?$", r"upcoming", r"related",
    r"^recommended(?: for you| reading| articles| stories| videos| movies| films| posts)?:?$",
    r"most (read|popular|viewed)", r"read more", r"advertisement", r"sponsored", r"privacy",
    r"terms of (use|service)", r"cookies?", r"copyright", r"©", r"all rights reserved",
    r"leave a (reply|comment)", r"post a comment", r"add (a|your) comment", r"filed under",
    r"^tagged", r"^posted in", r"^categories", r"^comments?:?$", r"^no comments?:?$",
    r"you are commenting", r"connecting to", r"fill in your details", r"click an icon",
    r"add to (collection|favorites|favourites|watchlist|list)", r"rate this",
    r"(dvd|blu-ray|poster) (cover|art)", r"a-z", r"^\+ ?\d+ ?more$", r"^\d+ (photos|images|pictures)$",
    r"^home$", r"^menu$", r"skip (to|nav(igation)?)", r"print this", r"e-?mail this", r"buy (now|on)",
    r"shop",
    r"^next$", r"^previous$", r"^logo$", r"^(?:film |movie |featured |posted |header )?(?:image|picture)$",
    r"(twitter|facebook) (picture|photo)", r"^more news$", r"^powered by",
    r"imdb link", r"send (?:(?:this|it)(?: review| post| article| page)? )?to a friend",
    r"thanks for sharing", r"was e-?mailed to",
    # a pointer to a link: "See here for an interview with ...", "Click here to read more"
    r"^(?:see|click|go|look|tap) here\b", r"click here",
    # a pointer to another piece: "Read my original review of the film here."
    r"^(?:read|see|check out) (?:my|our|the|his|her|their) [\w ,'’-]{0,60}"
    r"\b(?:review|interview|post|article|piece)s? here[.!]?$",
    r"photo (from|courtesy|credit)", r"^(photo|photograph|picture|image|still)s?( credits?)?:",
    r"^(photo|picture|image|still)s? (via|from|courtesy of)\b",
    r"^\d+ (comments?|responses?)$", r"^comments?:? \d+( responses?)?$",
]
_SHORT_LINE = re.compile("|".join(f"(?:(?<!\\w){p}(?!\\w))" for p in _SHORT_LINE_PHRASES))

# Phrases that mark a line of any length as chrome: forms, comment policies, footers, a site's
# notes about itself ("why you can trust us", "check back soon").
_ANY_LINE = re.compile(
    r"will not be published|all fields are required|you are commenting using|"
    r"login with your|log in with your|required fields are marked|"
    r"comments? (section|policy) |moderate comments|terms of service|privacy policy|"
    r"all rights reserved|©\s*\d{4}|\(c\)\s*\d{4}|notify me of (new|follow-up)|"
    r"check back (soon|later)|why you can trust|our reviews policy|"
    # "subscribe to our newsletter" (not "subscribe to its slow rhythm", a figure of speech)
    r"\bsubscribe (to|by|via) (?:(?:our|my|the|this) )?(?:[\w-]+ )?(?:newsletter|feed|rss|e-?mail|"
    r"channel|podcast|blog|site|updates|posts|comments|mailing list)s?\b|\bopt-?out at any time|"
    r"\bfound this (review )?helpful\b|\bwas this review helpful\b|\bmake us your home ?page\b|"
    # affiliate disclosures: "every purchase through these links supports ...", "as an Amazon
    # Associate I earn from qualifying purchases"
    r"\bpurchases? (you make )?(through|via|from) (these|our|the) ([\w-]+ )?links? (supports?|helps?)\b|"
    r"\bas an amazon associate\b|\bearns? (a )?(small )?commission\b|"
    # a caption closing on its picture's credit: "... star in the drama. Wire Photo courtesy of Jo Lee."
    r"\bphotos? courtesy of [a-z][\w.'’-]*(?: [a-z][\w.'’-]*){0,3}\.?$"
)
# The site talking to its reader in whole sentences, about the page rather than the film: a
# confirmation box, a pointer to a button or link, a rating widget, a donation appeal, a blog
# platform's like button and post footer, a plea to share the page.
_SITE_NOTE = re.compile(
    r"\bare you sure you want to\b|"
    r"\b(?:click|tap|press)\b[^.!?]{0,40}\b(?:button|link|icon)s?\b|"
    r"\buse the (?:following|link|links|button)\b|"
    r"^(?:select|choose|pick|click) (?:a|the|your) (?:star|rating|score)s?\b|"
    r"\byour (?:donation|gift|contribution) (?:helps?|keeps?|makes?|supports?)\b|"
    # a blog platform's own lines: the like button, the post footer, the comment box
    r"\blike loading\b|^be the first to like this\b|\bbookmark the permalink\b|"
    r"^this entry was posted in\b|^enter your comment here\b|\bsave my name, email\b|"
    r"\buses akismet\b|"
    # a cookie banner
    r"\b(?:we|this (?:site|website)) uses? cookies\b|\b(?:our|the) use of cookies\b|"
    # a newsletter box: "Get the week's reviews in your inbox every Friday."
    r"\b(?:in|to|into) your inbox\b|"
    # a plea to pass the page on
    r"\b(?:like|share) (?:and|&) (?:share|subscribe|like)\b|"
    r"\bshare (?:it|this(?: review| post| article)?) with (?:your|a) friends?\b"
)
_SITE_NOTE_WORDS = 30
# Where to get the film, in a short line under the review: "The Film is available to rent on
# ...", "The Film, directed by X, is available on DVD and Blu-ray from Y, certificate 15."
_AVAILABILITY = re.compile(
    r"\b(?:is|are) (?:now )?available (?:to (?:rent|buy|stream|download)|on (?:dvd|blu-ray|"
    r"digital|demand|streaming)\b)"
    # "The Film is released 30 Dec by Northlight", "is out now on DVD", "is in cinemas from Friday"
    r"|\b(?:is|are) (?:re-?)?released (?:on |in |from )?"
    r"(?:\d{1,2}(?:st|nd|rd|th)? \w+|\w+ \d{1,2}(?:st|nd|rd|th)?)\b.{0,30}\b(?:by|through|via|from|on)\b"
    r"|\b(?:is|are) out (?:now )?on (?:dvd|blu-ray|digital)\b"
    r"|\b(?:is|are) (?:on general release|in (?:uk )?cinemas) (?:from|now)\b"
)
# A synopsis copied from elsewhere, closed by its source in brackets: "... save him. [moviedb]".
_SOURCE_TAG = re.compile(r"[.!?] \[(?!(?:sic|more|continued|cont|spoilers?)\])[a-z][a-z.]{1,19}\]$")
# A still's caption: "(L-R) Jane Doe as Ann and John Roe as Bob in "The Film."", "The director
# on the set of "The Film."" (a bullet may lead it, as in a gallery).
_STILL_CAPTION = re.compile(
    r"^(?:• ?)?(?:\([^()]{1,20}\) ?)?(?:[A-Z][\w'’.-]* ){1,5}(?:as [A-Z][^.!?]{0,80}?\bin|on the set of)"
    r" [\"“][^\"”]{1,60}[\"”]\.?$"
)
# A caption run into its picture's credit: "Northlight PicturesIda Berg crosses the plain in ...",
# "AP PhotoIda Berg ..." (the credit's last word glued to the caption's first).
_GLUED_CREDIT = re.compile(
    r"^(?:[A-Z][\w.&'’-]* ){1,3}(?:Pictures|Films|Studios|Entertainment|Releasing|Features|Images|"
    r"Photos?|Press)(?=[A-Z][a-z])")
# A line of only punctuation, symbols or rating widgets ("* * * * *", ":", "®").
_SYMBOLS_ONLY = re.compile(r"^[\W_]+$")
SHORT_LINE_WORDS = 12
# Credit and specification lines: distributor, certificate, running time, picture and sound.
_CREDIT_CUES = re.compile(
    r"\b(distributor|certificate|cert\.|rated [A-Z]|\d{2,3} ?(?:mins?|minutes)\b|widescreen|"
    r"aspect ratio|colou?r by|\d\.\d\d:1|dolby|dts|1080[pi]|region \d|\$\d+\.\d\d|"
    r"running time|release date)",
    re.I,
)
_CREDIT_LINE_WORDS = 25
# More cues, each counted as often as it occurs: a credit role opening the line or a clause of a
# credits list ("Written by A; directed by B", "Title | Directed by C"), a distributor or country
# with the year in brackets ("(Alliance, 2010)", "(USA 2010)"), a listing's shorthand ("D: Jo
# Maker, w/ Ann Lead"), a disc's extras and tracks.
_CREDIT_ROLE = re.compile(
    r"(?:^|[;|] ?)(?:written and directed|directed|written|produced|screenplay|adapted|"
    r"photographed|edited|music) by\b", re.I)
_LISTING_SHORTHAND = re.compile(r"(?:^|[\s(])Dir?\.?: [A-Z]|(?<!\w)w/(?: [A-Z]|\.?$)")
_MAKER_AND_YEAR = re.compile(r"\([A-Z][\w&.'’/ -]{1,30},? (?:19|20)\d\d\)")
_MIN_SPEC_SENTENCE_WORDS = 8
_DISC_CUES = re.compile(r"\b(?:subtitles|making-of|featurettes?|deleted scenes|audio commentary)\b",
                        re.I)


# Notes about the article rather than the film: an editor's note, a first-published line, a
# disclaimer ("***DISCLAIMER*** The following review is my opinion...").
_NOTE_LINE = re.compile(
    r"^(?:[\W_]*disclaimer\b|\(?editor'?s note|ed\. note|this (?:review|article|piece) (?:was |first )?"
    r"(?:originally |first )?(?:published|appeared|ran))"
)
# "[Jane Doe]": a signature in brackets.
BRACKETED_NAME = re.compile(r"^\[(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})\]$")
# Screening times: "Fri 7.30pm, Sat 3pm at the Rex", "Screens daily at 8pm".
_SCREENING_TIME = re.compile(r"\b\d{1,2}(?:[.:]\d\d)? ?[ap]\.?m\b")
_SCREENING_WORD = re.compile(r"\b(?:screens?|screenings?|showing at|playing at|now showing|tickets)\b")
# "... showing at the festival on the 18th, 20th and 21st October": days without times.
_SCREENING_DAYS = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)\b")


# "Created Nov 30, 2010 6:13PM • Edited Dec 2, 2010 9:01AM": a post's stamps, not screenings.
_POSTING_STAMP = re.compile(r"\b(?:created|posted|published|edited|updated|submitted)\b")


def _is_screening_times(folded: str) -> bool:
    times = len(_SCREENING_TIME.findall(folded))
    return len(folded.split()) <= _CREDIT_LINE_WORDS and (
        (times >= 2 and not _POSTING_STAMP.search(folded))
        or (times == 1 and bool(_SCREENING_WORD.search(folded)))
        or (len(_SCREENING_DAYS.findall(folded)) >= 2 and bool(_SCREENING_WORD.search(folded))))


def is_credit_line(line: str) -> bool:
    """A line of film credits or disc specifications ("118 minutes. UK certificate: 12A."),
    sentence-shaped or not: two or more cues in a short line."""
    cues = (len(_CREDIT_CUES.findall(line)) + len(_CREDIT_ROLE.findall(line))
            + len(_MAKER_AND_YEAR.findall(line)) + len(_LISTING_SHORTHAND.findall(line)))
    if _is_fragments(line):
        # "a making-of featurette" in a sentence is prose; "2011. 134 min." lists a year alone
        cues += len(_DISC_CUES.findall(line)) + len(_YEAR_FRAGMENT.findall(line))
    return len(line.split()) <= _CREDIT_LINE_WORDS and cues >= 2


_YEAR_FRAGMENT = re.compile(r"(?:^|[.;|]\s)(?:19|20)\d\d\s*[.;|]")


def _is_fragments(line: str) -> bool:
    """A spec list set as fragments ("Three making-of docs. Widescreen."): no sentence in it of
    ``_MIN_SPEC_SENTENCE_WORDS`` words or more."""
    return all(len(piece.split()) < _MIN_SPEC_SENTENCE_WORDS for piece in re.split(r"[.!?;]", line))


def is_credited_caption(line: str) -> bool:
    """A caption run into its picture's credit ("Northlight PicturesIda Berg crosses ...")."""
    return bool(_GLUED_CREDIT.match(line))


def is_chrome(line: str) -> bool:
    """True when ``line`` (already whitespace-normalised) is site chrome."""
    if not line:
        return False
    folded = fold(line)
    if _SYMBOLS_ONLY.match(folded):
        return True
    if _ANY_LINE.search(folded) or _NOTE_LINE.match(folded) or BRACKETED_NAME.match(line):
        return True
    if _is_screening_times(folded) or _STILL_CAPTION.match(line) or _GLUED_CREDIT.match(line):
        return True
    if len(line.split()) <= _CREDIT_LINE_WORDS and _AVAILABILITY.search(folded):
        return True
    if _SOURCE_TAG.search(line) or writer_of_more(line):
        return True  # a synopsis's source; a pointer to the writer's other work
    if len(line.split()) <= _SITE_NOTE_WORDS and _SITE_NOTE.search(folded):
        return True
    return (len(line.split()) <= SHORT_LINE_WORDS and bool(_SHORT_LINE.search(folded))
            and not _states_about_film(line, folded))


_STATEMENT_WORDS = 8
_FUNCTION_WORD = re.compile(r"\b(?:the|a|an|of|to|in|on|is|are|was|were|his|her|its|their|and|but|by|with)\b")
_MIN_FUNCTION_WORDS = 3
# The site speaking: to the reader, of itself, or telling the reader what to do with the page.
_SITE_VOICE = re.compile(r"\b(?:you|your|our|us|we|here|below|above|now|today|click|links?)\b"
                         r"|^(?:sign|subscribe|follow|join|share|click|tap|read|watch|log|register|buy|"
                         r"shop|print|e-?mail|leave|add|rate|see|check|get|download|visit|like|tweet)\b")


def _states_about_film(line: str, folded: str) -> bool:
    """"Newsletter columns written by the father give the film its voice-over.": a sentence of
    running English, not addressing the reader nor about the page, is prose even when a word
    of it names a button."""
    return (len(line.split()) >= _STATEMENT_WORDS and line.rstrip("\"'”’)").endswith((".", "!", "?"))
            and len(_FUNCTION_WORD.findall(folded)) >= _MIN_FUNCTION_WORDS and not _SITE_VOICE.search(folded))


# Chrome a site sets between a review's paragraphs: an advertisement's marker, a link to another
# piece ("Read more: ...", "RELATED: ..."), a pointer to a trailer. It neither parts a deck from
# the review nor ends the review.
_INLINE_CHROME = re.compile(
    r"^(?:advertisement|advert|sponsored(?: content)?|ad|story continues(?: below)?(?: advertisement)?|"
    r"continue reading(?: below)?|article continues below|"
    r"(?:read more|related|see also|more|recommended|watch|listen)\s*:.*|watch the trailer)$")


# A section break: "* * *", "—", "~~~".
_SECTION_BREAK = re.compile(r"^[*\-–—~_=#•·. ]{1,12}$")


def is_inline_chrome(line: str) -> bool:
    """An advertisement's marker, a link to another piece or a section break, set between
    paragraphs."""
    return bool(_SECTION_BREAK.match(line)) or (
        len(line.split()) <= SHORT_LINE_WORDS and bool(_INLINE_CHROME.match(fold(line).strip(" .-–—|"))))


_MAX_FORM_START_WORDS = 15  # a heading or a button, never a paragraph
_FORM_START = re.compile(
    r"^(leave a (reply|comment)|post a comment|add your comment|comments( are)? closed|"
    r"(first|top|recent|latest) comment(er)?s?\b|"
    # a blog's count over its (empty) thread, a review box, a prompt to write in
    r"(no|one|\d+) (replies|reply|responses?|comments?|thoughts?) (to|on)\b|add a (review|comment)\b|"
    r"(got|have) something to say\b|leave your (opinion|thoughts|comments?|feedback)\b)",
    re.I)


def starts_comment_form(line: str) -> bool:
    """The comment form: nothing after it (until reader comments) is part of the review."""
    return len(line.split()) <= _MAX_FORM_START_WORDS and bool(_FORM_START.match(line.strip()))


_DOUBLED_NAME = re.compile(r"^((?:[A-Z][\w'.-]+ ){1,3}[A-Z][\w'.-]+) \1$")


def doubled_name(line: str) -> str | None:
    """A credit link rendered twice ("Carey Mulligan Carey Mulligan"): the name, else None."""
    match = _DOUBLED_NAME.match(line)
    return match.group(1) if match else None
