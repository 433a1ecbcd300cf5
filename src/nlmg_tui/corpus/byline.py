"""Who wrote a review and for whom: bylines, "About <name>" bios, outlet phrases.

A byline is never guessed from prose: a name is taken only from a byline form ("By Jane Doe",
"Review by jdoe", "Jane Doe, Special to The Paper", "Jane Doe | 21 Jun 2011") or from an author
bio headed "About Jane Doe". A bare "By" gives no critic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlmg_tui.corpus.credited_reviewer import credited_review, label_owner
from nlmg_tui.corpus.dates import find_date
from nlmg_tui.corpus.labelled_byline import PAPER_WORDS, is_whole_date, labelled_byline
from nlmg_tui.corpus.person_names import (
    CAPITALS,
    LOWER,
    NAME_WORD,
    PERSON,
    UPPER,
    is_handle,
    is_marked_handle,
)
from nlmg_tui.corpus.text import ends_like_sentence

PERSON_OR_CAPITALS = "(?:" + PERSON + "|" + CAPITALS + ")"

_NAME = r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|de|van|von|da|di|del|la|le)){0,3}"
# What may follow a byline's name with no separator: "By Jane Doe Published March 3, 2011",
# "By Jane Doe March 3, 2011".
_POSTED_OR_MONTH = (r"(?:published|posted|updated|last updated)\b|(?-i:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
                    r"Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d)")
_BY = re.compile(
    r"(?:^|[·|•—–-]\s*|,\s*(?=(?:review|written)))(?:(?:review(?:ed)?|written|posted|published|words|"
    r"article) )?by:?\s*"
    r"(?P<name>[^\s|•·,].*?)?\s*(?:$|[|•·,»]|\s[-–—/]{1,2}\s|\bon\s|\s\(|\sat\s(?=\d)|\sin\s(?=[A-Z])"
    r"|\s(?=" + _POSTED_OR_MONTH + r"))",
    re.I,
)
# A forum thread's opening line: "Discussion in 'Reviews' started by jdoe, Jul 4, 2014."
# A film's credit line names its director: "Directed by A, written by B", "director/writer: A;".
_DIRECTOR_CREDIT = re.compile(r"\b(?i:directed by|director(?:/writer)?:)")
_GLUED_BY = re.compile(r"^[a-z]{3,}(?=By [A-Z])")
# "Jane Doe reviews" alone on its line, the film's title on the next.
_NAME_REVIEWS_ALONE = re.compile(r"^(?P<name>" + PERSON_OR_CAPITALS + r") reviews:?$")
# "Reviewed by Jane Doe from Peru": where the writer lives, not an outlet ("from The Planet" is).
_FROM_PLACE = re.compile(r" from (?!The\b)[A-Z][a-z]+(?: [A-Z][a-z]+)?$")
_THREAD_OPENER = re.compile(r"\b(?i:started|submitted) by:? (?P<name>[^\s,]{2,40}),")
# A deck that ends naming its writer: "A drama about a common nightmare, writes Jane Doe."
_WRITES = re.compile(r"^[A-Z\"“‘'].{10,240}?[,;:—–-] (?:writes|reviews|says) (?P<name>"
                     r"[A-Z][a-z'’.-]+(?: (?:[A-Z][a-z'’.-]*|de|van|von|da|di|del|la|le)){1,3}|"
                     + PERSON_OR_CAPITALS + r")\.?$")
# "Film Review by Jane Doe | 3 March 2011", "Review of The Film by Jane Doe — 3 March 2011".
_MID_LINE_BY = re.compile(
    r"\b(?i:review(?:ed)?)\b.{0,60}?\b(?i:by):?\s*(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}|"
    + PERSON_OR_CAPITALS
    + r"|[A-Za-z][\w.-]{2,24}(?=\s*$))"  # one word (a user name) only when it ends the line
    r"\s*(?:$|[|•·,»]|\s[-–—/]{1,2}\s|\bon\s)"
)
# "July 30th, 2011 by Jane Doe", "Posted on March 3, 2012 by jdoe": a blog's date, then its
# writer (the date is checked by the caller; "by" follows it with no separator).
_DATE_THEN_BY = re.compile(r"^(?P<date>(?:(?i:posted|published|updated)(?: on)?\s+)?.{6,30}?)"
                           r"\s+(?i:by):?\s+(?P<name>[^\s|•·,].{0,40}?)(?:\s+in\s+[A-Z].{0,30})?\s*$")
# "jdoe wrote:" over a forum post: the poster.
_WROTE = re.compile(r"^(?P<name>" + PERSON + r"|[A-Za-z][\w.-]{2,24}) wrote:$")
_POSTED = re.compile(r"^(?i:posted|published|updated)(?: on)?\s+")
# "Screen Weekly's Jane Doe Reviews The Film": the outlet, then the critic.
_OUTLET_POSSESSIVE = re.compile(
    r"^(?P<outlet>[A-Z][\w+&.]*(?: [A-Z][\w+&.]*){0,3})[’']s (?P<name>" + PERSON_OR_CAPITALS
    + r") (?:[Rr]eviews?|[Oo]n) [A-Z\"“‘']"
)
# "Jane's Review of The Film", "jdoe's Rating of The Film": the name only in the headline (not
# "Today's Review of", "Our Critic's Take on").
_POSSESSIVE_REVIEW = re.compile(
    r"^(?!(?:Today|Tonight|Yesterday|Tomorrow|This|Last|Next|Our|Editor|Critic|Readers?|Users?|"
    r"Viewers?|Audience|Kids?|Parents?|Week|Weekend|Read|See|Check|Watch|More|Also)\b)"
    r"(?P<name>" + PERSON_OR_CAPITALS + r"|[" + UPPER + r"][\w.-]*(?: [A-Z][\w.-]*){0,2})"
    r"[’'](?:s|(?<=[A-Z][’'])S) "
    r"(?:(?i:review|rating|take|verdict|thoughts)(?: (?:of|on)\b|:)|(?:Review|Take|Verdict|Thoughts)$)")
# "This review was written by Jane Doe.", "Reviewed for The Lantern by Jane Doe.": a closing
# sentence crediting the review.
_WRITTEN_BY_SENTENCE = re.compile(
    r"^(?:(?:This|The) (?:review|article|piece|post) (?:was )?(?:written|contributed|reviewed) by|"
    r"(?:Reviewed|Written) for (?:the )?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,4} by) (?P<name>"
    + PERSON_OR_CAPITALS + r")\.?$")
# "Jane Doe reviews The Film": a headline naming its writer first.
_NAME_REVIEWS = re.compile(r"^(?![^’']*[’']s )(?P<name>" + PERSON_OR_CAPITALS + r") reviews (?=[A-Z\"“‘'])")
# A page's title bar naming whose blog it is: "The Film | Jane Doe's blog", "Jane Doe's Film
# Diary: The Film".
_BLOG = r"(?i:(?:movie |film |dvd )?(?:blog|diary|journal|reviews|review site|corner))"
_BLOG_OWNER = PERSON_OR_CAPITALS + r"|[A-Za-z][\w.-]{2,23}"  # a person, or a user's handle
_OWNERS_BLOG = re.compile(
    r"^(?:.{2,80}?\s(?:\||[—–-]|::)\s(?P<name>" + _BLOG_OWNER + r")[’']s " + _BLOG + r"$|"
    r"(?P<first>" + _BLOG_OWNER + r")[’']s " + _BLOG + r"\s*(?::|\||[—–-])\s.{2,80})$")
# "Jeff's Reviews", "Jane Doe's Film Diary" alone on a line: the blog's masthead names its owner
# (not "Today's Reviews", "Our Critic's Blog", "Readers' Reviews").
_BLOG_MASTHEAD = re.compile(
    r"^(?!(?:Today|Tonight|This|Last|Next|Our|Editor|Critic|Reader|User|Viewer|Audience|Kid|Parent|"
    r"Week|Weekend|Month|Year|Family|Everyone|Everybody|Member|Fan|Staff|Guest)[’']s\b)"
    r"(?P<name>" + PERSON_OR_CAPITALS + r"|[" + UPPER + r"][" + LOWER + r"]{2,15})[’']s "
    r"(?:(?:Movie|Film|DVD) )?(?:Reviews|Blog|Diary|Journal|Corner)$")
# Job titles a byline may put before the name ("Chief Judge Jane Doe", "Senior Critic Jane Doe").
_JOB_TITLE = re.compile(
    r"^(?:(?:Chief|Senior|Associate|Appellate|Managing|Executive|Contributing|Staff|Film|Movie|"
    r"Judge|Justice|Critic|Editor|Writer|Reviewer|Correspondent|Contributor)\s+)+(?=\S+\s+\S)"
)
_CREDIT_LIST = re.compile(r",|\band\b|&")
_OUTLET_PHRASE = r"(?i:special to|for)\s+(?P<outlet>\S.{1,59})$"  # the outlet, not "Special to"
_NAME_COMMA_OUTLET = re.compile(r"^(?!(?i:by)\b)(?P<name>" + _NAME + "|" + PERSON_OR_CAPITALS + r"), "
                                + _OUTLET_PHRASE)
_TRAILING_OUTLET = re.compile(r"^\s*,\s*" + _OUTLET_PHRASE)
# A forum post's header: "Post by jdoe » Sat May 14, 2011 9:12 pm".
_FORUM_POST = re.compile(r"^(?i:post) by:?\s*(?P<name>[^\s»|]{2,40}(?: [A-Z][\w'’.-]*){0,2})\s*»\s*\S")
# "... Directed by Jo Sands. Rated M. By Simon Miraudo.": a credits line signed at its end.
_RUN_IN_BY = re.compile(r"[.!?][\"”’)]?\s+By (?P<name>" + PERSON + r")\.?$")
# "Jane Doe // 14 April 2012": a name, then only a date (a disc's spec line also uses "//").
_NAME_SLASHES_DATE = re.compile(r"^(?P<name>" + PERSON + r")\s*//\s*(?P<date>[^/]{6,30})$")
# "Senior Critic Jane Doe" alone on a line: a job title that reviews, then a name.
_JOB_WORD = (r"(?:chief|senior|associate|managing|executive|contributing|staff|film|movie|guest|arts|"
             r"deputy|features?|regular|freelance|entertainment|news|opinions?|culture|lifestyle|"
             r"online|web|assistant|copy|student|a&e)")
# "Film Critic", "Staff Reporter", "Entertainment and Arts Editor" (a student paper's masthead).
_JOB = (r"(?i:(?:" + _JOB_WORD + r"(?:\s+(?:and|&)\s+" + _JOB_WORD + r")?\s+)*(?:critic|reviewer|"
        r"editor|correspondent|contributor|writer|columnist|blogger|reporter))")
_TITLED_NAME = re.compile(r"^" + _JOB + r"\s+(?P<name>" + PERSON_OR_CAPITALS + r")$")
# "Jane Doe, Film Critic", "Jane Doe | Contributor", "Jane Doe (@janedoe)": a name, then only a
# job that reviews or a social handle.
_NAME_THEN_JOB = re.compile(r"^(?P<name>" + PERSON_OR_CAPITALS + r")\s*(?:[,|•·]|\s[-–—]\s)\s*"
                            + _JOB + r"$")
JOB_LINE = re.compile(r"^" + _JOB + r"$")
# The job after its site's name: "The Harbour Film Critic", "Screen Notes Contributor".
SITE_JOB_LINE = re.compile(r"^(?:[A-Z][\w&'’.-]*\s+){1,4}" + _JOB + r"$")
# "Jane Doe is a freelance film critic based in Leeds.": a bio naming the writer first.
# A name set in capitals at the head of a bio: "JANE DOE is the film critic for ...".
_CAPITALS_NAME = CAPITALS + r"(?= is | has | was | writes )"
_BIO_SENTENCE = re.compile(
    r"^(?P<name>" + PERSON + "|" + _CAPITALS_NAME + r") "
    r"(?:(?:is|has been|was) (?:an? |the )?(?:[\w'’-]+ ){0,3}" + _JOB
    + r"(?![\w'’])|(?:writes|reviews|has written|has been (?:reviewing|writing about)) (?:about |on )?"
    r"(?:films?|movies|cinema)\b"
    # "Jane Doe works at Harbour Books." alone under the review: a bio, whatever the job.
    r"|works (?:at|for) (?:the )?[A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*){0,4}\.?$"
    # "Jane Doe is the author of THE SALT ROAD.": a writer's bio
    r"|is the author of (?:the )?[A-Z\"“‘'])")
# "Jane Doe, The Evening Courier", "Jane Doe for The Evening Courier": a name, then a paper
# (with a bar or a dash, "Salt Road | The Evening Courier" is a page's title bar).
_NAME_THEN_PAPER = re.compile(r"^(?P<name>" + PERSON + r")\s*(?:[,•·]|\sfor)\s+"
                              r"(?P<outlet>\S.{2,50})$")
# "Jane Doe for The Evening Lantern": writing for a paper, whatever the paper is called.
_NAME_FOR_OUTLET = re.compile(r"^(?P<name>" + PERSON_OR_CAPITALS + r") for (?P<outlet>(?:The )?"
                              r"[A-Z][\w&'’.-]*(?: (?:[A-Z][\w&'’.-]*|of|and|&)){0,4})$")
_NAME_THEN_HANDLE = re.compile(r"^(?P<name>" + PERSON_OR_CAPITALS + r")\s+\(?@\w{2,30}\)?$")
_SIGNATURE = re.compile(r"^(?:[—–-]{1,2}|~)\s*(?P<name>" + PERSON_OR_CAPITALS + r")(?:,\s*.{2,40})?$")
_LABELLED = re.compile(r"^(?i:words|author|critic|reviewer|written by|review by|reviewed by|by)"
                       r"\s*:\s*(?P<name>[^\s,|][^|]{0,40}?)\s*$")
ONLY_A_NAME = re.compile(r"^(?:" + PERSON_OR_CAPITALS + r")$")
# A sign-off under the body: a name, perhaps with a nickname in quotes ('Jo "JJ" Doe').
SIGN_OFF = re.compile(
    r"^(?=[" + UPPER + "][" + LOWER + r"'’.-])" + NAME_WORD + r"(?: (?:\"[^\"]{1,25}\"|“[^”]{1,25}”|"
    + NAME_WORD + r"|de|van|von)){1,3}(?:,? (?:II|III|IV))?$")
_NOT_NAME_WORDS = re.compile(
    r"\b(posts?|reviews?|comments?|movies?|films?|news|archives?|blog|home|menu|pages?|links?|"
    r"categories|tags|labels|search|about|contact|more|latest|popular|recent|related|older|newer|"
    r"critics|circle|association|society|guild|club|awards?|print|article|pictures|studios?|"
    # a film's credits: "Starring Cara Lind" is no name
    r"starring|featuring|directed|produced|screenplay)\b",
    re.I,
)
# "— The Daily Planet" alone on a line, or "Why you can trust Screen Weekly": the outlet.
_OUTLET_LINE = re.compile(
    r"^(?:[—–-]{1,2}\s*(?P<dash>The [A-Z][\w&'’.]*(?: [A-Z][\w&'’.]*){0,4})|"
    r"Why you can trust (?P<trust>[A-Z][\w+&'’.]*"
    r"(?: (?!(?:Our|We|The|This|Here|You)\b)[A-Z][\w+&'’.]*){0,3}))"
)
_SITE_ADDRESS = re.compile(
    r"^(?:Thanks for sharing )?(?P<site>[A-Z][\w-]*\.(?:com|net|org|co\.uk))"
    r"(?: Rating\b| with others| is your (?:source|home|guide)\b)")
# "About Jane Doe" heads a bio; "About the Author" and "About Us" name nobody.
ABOUT_HEADING = re.compile(r"^About (?!(?i:(?:the )?(?:author|writer|reviewer|critic)|us|me)$)"
                           r"(?P<name>" + _NAME + "|" + PERSON_OR_CAPITALS + r")$")
_OUTLET_IN_BIO = re.compile(
    r"\b(?:critic|writer|reviewer|editor|columnist|correspondent|contributor)\s+(?:for|at|of|with)"
    r"\s+(?:the\s+)?(?P<outlet>[A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*){0,4})"
)
_BIO_CUES = re.compile(
    r"\b(writings?|has written|writes (?:about \w+ )?for|writes about|have appeared|has appeared|"
    r"lives in|is a (?:film )?critic|"
    r"contributor|author of|critic for|critic at|reviews? for)\b",
    re.I,
)
_NOT_A_TITLED_NAME = re.compile(r"\b(?:consensus|says|picks?|choice|ratings?|scores?|verdict)\b",
                                re.I)
# ... and the small words of a title set in title case ("Man On Wire" over a date is a film).
_NOT_A_NAME = re.compile(r"\b(the|this|that|our|staff|admin|guest|anonymous|on|of|in|at|to|for|"
                         r"with|from|and|is|are|my|your|into|over|under)\b", re.I)


@dataclass(frozen=True)
class Byline:
    critic: str | None
    outlet: str | None


def parse_byline(line: str) -> Byline | None:
    """A byline read from one short, non-prose line; None when the line is not a byline."""
    found = _parse_byline(line)
    if found is not None and found.critic and _DIRECTOR_CREDIT.search(line) and re.search(
            r"(?i:written|screenplay|story) by:? " + re.escape(found.critic), line):
        return None  # "Directed by A, written by B and A": the film's credits
    return found


def _parse_byline(line: str) -> Byline | None:
    line = _GLUED_BY.sub("", line)  # an image's alt text run into the byline: "salt roadBy Jo Doe"
    whole = _sentence_byline(line) or _whole_line_byline(line)
    if whole is not None:
        return whole
    if len(line.split()) > 14 or (ends_like_sentence(line) and not line.endswith(".")):
        return None
    match = _OUTLET_POSSESSIVE.match(line)
    if match:
        return Byline(match["name"], match["outlet"])
    if _SIGNATURE.match(line) or _LABELLED.match(line):
        return _signed_or_labelled(line)
    match = _NAME_COMMA_OUTLET.match(line)
    if match:
        return Byline(match["name"], match["outlet"].strip())
    match = _DATE_THEN_BY.match(line)
    if match and (date := find_date(match["date"])) and (
            len(date.text) >= len(match["date"]) - 12 or is_whole_date(_POSTED.sub("", match["date"]))):
        return Byline(_clean_name(_trim_name(match["name"])), None)
    match = _FORUM_POST.match(line) or _BY.search(line) or _MID_LINE_BY.search(line)
    if match:
        name = _trim_name(match["name"] or "")
        outlet = _TRAILING_OUTLET.match(line[match.end("name"):]) if match["name"] else None
        return Byline(_clean_name(name), outlet["outlet"].strip() if outlet else None)
    named_first = _name_then_role(line)
    if named_first is not None:
        return named_first
    match = _TITLED_NAME.match(line)
    if match and not _NOT_NAME_WORDS.search(match["name"]) and not _NOT_A_TITLED_NAME.search(
            match["name"]):
        return Byline(match["name"], None)
    match = _NAME_SLASHES_DATE.match(line)
    if match and (date := find_date(match["date"])) and (len(date.text) >= len(match["date"]) - 3
                                                         or is_whole_date(match["date"])):
        return Byline(match["name"], None)
    return _name_then_posted(line) or _segmented_byline(line)


def _signed_or_labelled(line: str) -> Byline | None:
    """"— Jane Doe" or "Reviewed by: Jane Doe"; None for a screenplay credit ("Written by: A, B")
    or a dashed item that names no one ("- Harbour Film Awards")."""
    match = _SIGNATURE.match(line) or _LABELLED.match(line)
    assert match is not None
    if line.casefold().startswith("written by") and _CREDIT_LIST.search(match["name"]):
        return None
    name = _trim_name(match["name"])
    if not_a_name(name):
        return None
    return Byline(_clean_name(name), None)


def _whole_line_byline(line: str) -> Byline | None:
    """A line that is wholly a byline by its grammar (``labelled_byline``), a title bar naming
    whose blog it is ("Jeff's Reviews" alone, too), "jdoe wrote:" over a post, or "Jane Doe
    reviews The Film"."""
    labelled = labelled_byline(line)
    if labelled is not None:
        name, rest = labelled
        outlet = _TRAILING_OUTLET.match(rest)
        return Byline(name, outlet["outlet"].strip() if outlet else None)
    masthead_owner = _BLOG_MASTHEAD.match(line)
    if masthead_owner and label_owner(f"{masthead_owner['name']}'s Review"):
        return Byline(masthead_owner["name"], None)  # a first name alone is enough here
    match = (_OWNERS_BLOG.match(line) or _WROTE.match(line) or _NAME_REVIEWS.match(line)
             or _NAME_REVIEWS_ALONE.match(line))
    owner: str | None = (match["name"] or match["first"]) if match else None
    if owner and not not_a_name(owner) and (ONLY_A_NAME.match(owner) or is_handle(owner)):
        return Byline(owner, None)
    return None


def _sentence_byline(line: str) -> Byline | None:
    """A byline a sentence-shaped line holds: a credit with its outlet, or ``names_writer``."""
    credited = credited_review(line)
    if credited is not None:
        return Byline(*credited)
    named_at_end = names_writer(line)
    return Byline(named_at_end, None) if named_at_end else None


def _name_then_role(line: str) -> Byline | None:
    """A name, then only a paper, a reviewing job or a social handle: "Jane Doe, The Evening
    Courier", "Jane Doe, Film Critic", "Jane Doe (@janedoe)"."""
    match = _NAME_THEN_PAPER.match(line)
    if match and masthead(match["outlet"]) and not not_a_name(match["name"]):
        return Byline(match["name"], masthead(match["outlet"]))
    match = _NAME_FOR_OUTLET.match(line)
    if match and not not_a_name(match["name"]):
        return Byline(match["name"], match["outlet"])
    match = _NAME_THEN_JOB.match(line) or _NAME_THEN_HANDLE.match(line)
    if match and not not_a_name(match["name"]):
        return Byline(match["name"], None)
    return None


def _name_then_posted(line: str) -> Byline | None:
    """A user's name, then when they posted: "jdoe - wrote on 01/04/12", "## jdoe (Mar 9, 2011)"."""
    match = _NAME_THEN_POSTED.match(line)
    if match is None or _NOT_NAME_WORDS.search(match["name"]) or _NOT_A_NAME.search(match["name"]):
        return None
    posted = match["posted"] or match["posted2"]
    date = find_date(posted)
    if match["verb"] or (date is not None and len(date.text) >= len(posted) - 3
                         and _USER_HANDLE.match(match["name"])):
        return Byline(match["name"], None)
    return None


# "jdoe - wrote on 01/04/12", "## jdoe (Mar 9, 2011)": a user's name, then when they posted.
_HANDLE = r"[A-Za-z][\w.-]{2,30}(?: [A-Z][\w'’.-]*){0,2}"
# A user name that is no title: a digit, an underscore, a capital inside ("KingdomBlade") or
# all lower case ("Inception (July 16, 2010)" is a film and its release).
# At most one hyphen: "adac-test-herbst-2018" is a file's slug.
_USER_HANDLE = re.compile(r"^(?=.{3,24}$)(?:(?=\S*(?:\d|_|[a-z][A-Z]))[A-Za-z][\w.]*|[a-z][a-z\d_.]*)"
                          r"(?:-[\w.]+)?$")
_NAME_THEN_POSTED = re.compile(
    r"^(?:#{1,4}\s*)?(?P<name>" + _HANDLE + r")\s*(?:[-–—:]\s*(?P<verb>(?i:wrote|posted|reviewed)"
    r"(?i: on)?)\s+(?P<posted>\S*\d[^()]{0,25})|\((?P<posted2>[^()]{6,30})\))$")


_SEGMENT_SPLIT = re.compile(r"\s*[|•·]\s*|\s+[—–]\s+")
_ONE_NAME = re.compile(r"^(?:" + PERSON_OR_CAPITALS + r"|[A-Z][a-z]{2,15})$")


def _segmented_byline(line: str) -> Byline | None:
    """A line cut into segments by bars or bullets, one of them a date: "Jane Doe | 21 Jun
    2011", "Movie Review | Jo | 23rd September 2010". The critic is its one name-shaped
    segment; the others are the date and section words ("Movie Review"). Without a date,
    "Paper Boats | Lantern Review" is a page title, not a byline."""
    segments = [_SEGMENT_LABEL.sub("", segment) for segment in _SEGMENT_SPLIT.split(line.strip())
                if segment]
    if len(segments) < 2:
        return None
    dated = [segment for segment in segments if _is_date_segment(segment)]
    names = [segment for segment in segments if segment not in dated
             and (_ONE_NAME.match(segment) or is_marked_handle(segment))
             and not _NOT_NAME_WORDS.search(segment) and not _NOT_A_NAME.search(segment)
             and segment.casefold() not in GENRES]
    others = [segment for segment in segments if segment not in dated and segment not in names]
    if not dated or len(names) != 1 or not all(_SECTION_WORDS.match(other) for other in others):
        return None
    if names[0] != segments[0] and len(names[0].split()) == 1 and not others:
        return None  # "21 Jun 2011 | Drama": a date, then a tag
    return Byline(names[0], None)


# "Author: Jane Doe | Published: March 3, 2011": labels inside segments go.
_SEGMENT_LABEL = re.compile(r"^(?i:author|by|written by|reviewed by|review by|reviewer|critic|"
                            r"(?:posted|published|updated)(?: on)?|date)\s*:\s*")
# A section named after a genre ("Reviews · Drama · 18 March 2011") is no one's name.
GENRES = frozenset("""
    drama comedy horror thriller action documentary animation romance family fantasy western
    crime mystery musical war adventure biography history sport sports indie foreign classics
    classic cult kids music science fiction sci-fi noir anime shorts
""".split())
_READING_TIME = re.compile(r"^\d{1,2} min(?:ute)?s?(?: read)?$", re.I)
_SECTION_WORDS = re.compile(r"^(?:(?:movie|film|dvd|blu-ray|theatrical|tv)\s+)?(?:reviews?|news|features?)$",
                            re.I)


def _is_date_segment(segment: str) -> bool:
    if _READING_TIME.match(segment):
        return True  # "Jane Doe · 5 min read"
    found = find_date(segment)
    return (found is not None and len(found.text) >= len(segment) - 6) or is_whole_date(segment)


def not_a_name(text: str) -> bool:
    """Words no person's name holds ("Reviews", "Archive", "Staff", "The")."""
    return bool(_NOT_NAME_WORDS.search(text) or _NOT_A_NAME.search(text) or JOB_LINE.match(text))


def not_a_pen_name(text: str) -> bool:
    """Words no pen name holds either; a pen name may hold small words ("The Dude on the Right")."""
    return bool(_NOT_NAME_WORDS.search(text) or JOB_LINE.match(text)
                or re.search(r"\b(?:staff|admin|guest|anonymous|editors?)\b", text, re.I))


def names_writer(line: str) -> str | None:
    """The writer a sentence-shaped line names as a byline: a forum thread's "started by
    jdoe, <date>", a deck ending ", writes Jane Doe.", or a sentence crediting the review
    ("Jane Doe from The Daily Planet gives her 4/5 star review of ..."); None otherwise."""
    credited = credited_review(line)
    if credited is not None:
        return credited[0]
    match = _THREAD_OPENER.search(line) if find_date(line) else None
    if match is None:
        match = _WRITES.match(line) or _RUN_IN_BY.search(line) or _WRITTEN_BY_SENTENCE.match(line)
    return _clean_name(_trim_name(match["name"])) if match else None


# "'The Film': A Cold Chase, By Jane Doe": a headline signed at its end after a comma.
_HEADLINE_SIGNED = re.compile(r"^.{8,120}?, [Bb]y (?P<name>" + PERSON_OR_CAPITALS + r")$")


def critic_in_headline(headline: str) -> str | None:
    """The writer a headline names as its owner: "Jane's Review of The Film", "The Film: A
    Cold Chase, By Jane Doe"."""
    match = (_POSSESSIVE_REVIEW.match(headline) or _NAME_REVIEWS.match(headline)
             or _HEADLINE_SIGNED.match(headline))
    if match is None or not_a_name(match["name"]):
        return None
    return _clean_name(match["name"])


def is_deck_byline(line: str) -> bool:
    """A deck naming its writer at the end: it sits under the headline and a kicker or the
    film's title, so the heading nearest above it is not the headline."""
    return bool(_WRITES.match(line))


def _trim_name(name: str) -> str:
    """Spaces, colons, a closing full stop and a date run into the name ("Jane Doe9/09/2010")
    go; "Jr." and initials keep theirs."""
    name = re.sub(r"(?<=[a-z])\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$", "", name)
    # "Jo Doe (A Toast) –", "Jo Doe review": an aside, a dash or the word "review" closing it
    name = re.sub(r"\s+(?:\([^)]{1,30}\)\s*)?[-–—]?$|\s+(?i:review|reviews)$", "", name)
    name = _JOB_TITLE.sub("", name.strip(" :"))
    if name.endswith(".") and not re.search(r"(?:\b(?:Jr|Sr)|\b[A-Z])\.$", name):
        name = name[:-1]
    return name.strip()


# "Screen Parlour - Jane Doe" under the body: the outlet, a dash, the critic.
_OUTLET_DASH_NAME = re.compile(r"^(?P<outlet>[A-Z][\w&'’.]*(?: [A-Z][\w&'’.]*){0,3}) [-–—] "
                               r"(?P<name>" + PERSON_OR_CAPITALS + r")$")


def outlet_sign_off(line: str) -> Byline | None:
    """The critic and outlet of a sign-off "Outlet - Name" (read under the body only)."""
    match = _OUTLET_DASH_NAME.match(line)
    if match is None or _NOT_NAME_WORDS.search(line) or _NOT_A_NAME.search(match["name"]):
        return None
    return Byline(match["name"], match["outlet"])


# "... see it. — Jane Doe" closing the last paragraph: the writer signing in the same line.
_RUN_IN_SIGNATURE = re.compile(r"[.!?…][\"”’)]?\s+[—–]\s*(?P<name>" + PERSON_OR_CAPITALS + r")$")


def run_in_signature(paragraph: str) -> str | None:
    """The name a paragraph ends with after a sentence and a dash ("... leave! — Jane Doe")."""
    match = _RUN_IN_SIGNATURE.search(paragraph)
    if match is None or _NOT_A_NAME.search(match["name"]) or _NOT_NAME_WORDS.search(match["name"]):
        return None
    return match["name"]


_ONLY_CAPITALS = re.compile(r"^" + CAPITALS + r"$")
_IN_BRACKETS = re.compile(r"^\((.+)\)$")  # "(Jane Doe)" signs off as "Jane Doe" does


# "©2003 Jane K. Doe", "Copyright 2003 by Jane Doe": a person owning the review's words.
_COPYRIGHT_NAME = re.compile(
    r"^(?i:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*,?\s*)?(?i:by\s+)?"
    r"(?P<name>" + PERSON + r")(?:,?\s*(?:19|20)\d\d)?\.?$")
_COMPANY = re.compile(r"\b(?:Inc|LLC|Ltd|Media|Entertainment|Company|Corporation|Corp|Productions|"
                      r"Group|Times|Post|Press|Network|Publishing|Magazine|Online)\b\.?")


def copyright_name(line: str) -> str | None:
    """The person a copyright line under the body names (never a company or a paper)."""
    match = _COPYRIGHT_NAME.match(line)
    if match is None or not_a_name(match["name"]) or _COMPANY.search(match["name"]):
        return None
    return match["name"]


def sign_off_name(line: str) -> str | None:
    """The name in a bare sign-off line under the body, or None."""
    line = _IN_BRACKETS.sub(r"\1", line)
    if ((SIGN_OFF.match(line) or _ONLY_CAPITALS.match(line)) and not _NOT_NAME_WORDS.search(line)
            and not _NOT_A_NAME.search(line)):
        return line
    return None


# A masthead: "The Evening Courier", "WESTPORT DAILY HERALD" — a name ending in a word papers
# and magazines are called by, with at least one word before it.
_MASTHEAD_WORDS = PAPER_WORDS
_MASTHEAD = re.compile(r"^(?:the )?(?:(?!the )[a-z][\w&'’.-]* ){1,3}(?:" + _MASTHEAD_WORDS + r")$", re.I)


# "Screen Guide @ screenguide.com": a site's name and its address.
_NAME_AT_ADDRESS = re.compile(r"^(?P<name>[A-Z][\w&'’ .-]{2,40}?) @ [\w-]+\.(?:com|net|org|co\.uk)$")
# "The Northern Film Review" on the line closing an article: the paper's name.
_CLOSING_MASTHEAD = re.compile(r"^The (?:[A-Z][\w&'’.-]* ){1,3}(?i:review|" + _MASTHEAD_WORDS + r")$")


def masthead(line: str) -> str | None:
    """The outlet a page's first line names as its masthead, typeset as a name, or None."""
    at_address = _NAME_AT_ADDRESS.match(line)
    if at_address:
        return at_address["name"]
    if not _MASTHEAD.match(line) or not all(word[:1].isupper() for word in line.split()
                                            if word.casefold() not in ("of", "and", "&")):
        return None
    return line.title() if line.isupper() else line


def closing_masthead(line: str) -> str | None:
    """The paper a line under the article names on its own ("The Northern Film Review")."""
    return line if _CLOSING_MASTHEAD.match(line) else None


def outlet_line(line: str) -> str | None:
    """The outlet a line names on its own ("— The Daily Planet", "Why you can trust X"), or a
    site named by its address in its own rating label or share box ("Filmsite.com Rating")."""
    match = _OUTLET_LINE.match(line)
    if not match:
        site = _SITE_ADDRESS.match(line)
        return site["site"] if site else None
    return (match["dash"] or match["trust"]).rstrip(".")


# Several authors in one byline: "Jo Marsh and Ed Vale", "Jo Marsh; Ed Vale", "A & B".
_NAME_JOIN = re.compile(r"\s*(?:;|&|\band\b|\bund\b)\s*")


def _clean_name(name: str) -> str | None:
    """A plausible person or user name (or several joined), or None (empty, sentence-like or
    a generic word)."""
    name = _FROM_PLACE.sub("", name) if name else name
    names = _NAME_JOIN.split(name) if name else []
    if (not name or len(names) > 4 or any(not part or len(part.split()) > 4 for part in names)
            or _NOT_A_NAME.fullmatch(name) or name.startswith("The ")
            or name.casefold() in ("on", "at", "in")):  # "Reviewed by on Nov 11": no name
        return None
    if any(ch.isdigit() for ch in name) and " " in name:
        return None
    return name


_ABOUT_THE_AUTHOR = re.compile(r"^(?i:about the (?:author|writer|reviewer|critic))\s*[:—–-]\s*")


# "Follow Jane Doe on Twitter: @janedoe" under the review: its writer's social link.
_FOLLOW = re.compile(r"^Follow (?P<name>" + PERSON_OR_CAPITALS + r") on (?:Twitter|X|Instagram|Bluesky|"
                     r"Facebook|Letterboxd|Threads|Mastodon)\b")


def bio_names(paragraph: str) -> str | None:
    """The writer a bio names first ("Jane Doe is a film critic for ..."), or None."""
    match = _BIO_SENTENCE.match(_ABOUT_THE_AUTHOR.sub("", paragraph)) or _FOLLOW.match(paragraph)
    return match["name"] if match and not not_a_name(match["name"]) else None


def is_bio(paragraph: str, critic: str | None) -> bool:
    """An author bio: about the critic in the third person, with bio phrasing."""
    if critic and bio_names(paragraph) == critic:
        return True
    if not _BIO_CUES.search(paragraph):
        return False
    if critic and paragraph.startswith(critic):
        return True
    return bool(re.match(r"^(He|She|They) (is|has|writes|lives)\b", paragraph))


def outlet_from_bio(bio: str) -> str | None:
    match = _OUTLET_IN_BIO.search(bio)
    if not match:
        return None
    # Stop before a trailing "from"/"since" clause caught by the capitalised-words pattern, and
    # at the sentence's end ("... for the Harbour Weekly. She also ..."; "A.V. Club" stays).
    outlet = re.split(r" (?:From|Since|In|Until)\b", match["outlet"])[0]
    return re.split(r"(?<=[a-z]{2})\.(?:\s|$)", outlet)[0]
