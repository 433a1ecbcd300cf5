"""The reviewer named by a label the review carries, or by a sentence crediting the review.

Sites that host many writers mark whose review (or rating) a block is, often with a first name
or a user handle only:

- a possessive label, on its own line or run into the review: "Jane's Review", "Jane's Rating:
  7/10 ...", "fogwatcher's rating of the film Lantern Valley";
- a name then the rating label: "JD Rating: B" (only when a rating follows, and the name is not
  a kind of rating: "MPAA Rating: R", "User Rating: 4/5"), or a first name labelling only a
  rating on a line of its own, "Jo: 3.5/4" (never a score's label: "Gore: 8/10", "Verdict: B",
  nor one of a card of such lines);
- a sentence crediting the review: "Jane Doe from The Daily Planet gives her 4/5 star review of
  Lantern Valley." (the critic and the outlet);
- a pointer to the writer's other work on a short line of its own: "Get more reviews and
  interviews from Jane Doe on Her Column.", "See all reviews by Jane Doe".

This module imports nothing from ``byline`` so that ``byline`` can use it.
"""

from __future__ import annotations

import re

from nlmg_tui.corpus.person_names import PERSON

# One to three capitalised words ("Jo", "Jo Ann Lund", "JD"), or a user handle ("fogwatcher").
_OWNER = r"(?P<name>[A-ZÀ-ÖØ-Þ][\w.-]*(?: [A-Z][\w.-]*){0,2}|[a-z][\w.-]{2,24})"
_OWNED_LABEL = re.compile(
    r"^" + _OWNER + r"(?:[’']s|(?<=s)[’']) (?i:review|rating|verdict|take|score|grade|thoughts|choice|pick)"
    r"(?:\s*:|\s*$|(?i: of (?:the )?(?:film|movie)\b))")
_NAMED_RATING = re.compile(r"^" + _OWNER + r" (?i:rating|grade)\s*:\s*(?P<value>\S.{0,20})$")
# "Tom: 3.5/4" alone on a line: a first name (one or two words), then only a rating.
_NAME_COLON = re.compile(r"^(?P<name>[A-Z][a-z]{1,15}(?:-[A-Z][a-z]{1,15})?(?: [A-Z][a-z]{1,15})?)\s*:\s*"
                         r"(?P<value>\S.{0,20})$")
# Labels of a score that name no one ("Verdict: B", "Gore: 8/10", "Overall: 4/5").
SCORE_LABELS = frozenset("""
    rating ratings score scores grade grades verdict stars mark marks points overall total final
    summary bottom line result film movie feature picture story plot script screenplay writing
    direction directing acting performances performance cast cinematography photography visuals
    visual effects editing music soundtrack score sound audio video extras supplements bonus disc
    value entertainment fun enjoyment rewatchability replay gore violence sex nudity language
    drugs profanity content scares scary horror action comedy romance drama suspense thrills
    humor humour tension pacing style substance originality production design costumes
    presentation transfer packaging menu objective subjective personal critics audience users
""".split())
# Words that own a rating or a review without being a person ("The Film's Rating", "Our
# Review", "MPAA Rating", "Reader's Review").
_NOT_OWNERS = frozenset("""
    the a an this that our my your their his her its we you i film movie picture story plot
    mpaa bbfc imdb tv dvd overall average final total star stars user users reader readers
    viewer viewers audience audiences critic critics editor editors staff member members fan fans
    community parent parents kid kids family age content official site personal global
    tomatometer metascore acting music video audio sound extras disc blu-ray everyone today
    director writer guest children women men people world year week month weekend tonight
    hollywood
""".split())

_PERSON = r"(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]*){1,3}|" + PERSON + ")"
_CREDITING = re.compile(
    r"^" + _PERSON + r" (?:from|of|at) (?P<outlet>[A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*){0,4}) "
    r"(?:gives|delivers|offers|shares|posts) (?:his|her|their|its|a|an) "
    r"(?:[\w/.½-]+ ){0,3}review of \S.{0,80}$")


def _owner(name: str) -> str | None:
    words = name.split()
    if any(word.casefold() in _NOT_OWNERS for word in words):
        return None
    return name


def label_owner(line: str) -> str | None:
    """The name owning a review or rating label at the head of ``line``, or None."""
    match = _OWNED_LABEL.match(line)
    return _owner(match["name"]) if match else None


def rating_label_owner(line: str, rating: tuple[int, int] | None) -> str | None:
    """The name before a rating label ("JD Rating: B"), or a first name labelling nothing but a
    rating ("Tom: 3.5/4"); ``rating`` is the span of the first rating found on the line."""
    if rating is None:
        return None
    match = _NAMED_RATING.match(line)
    if match:
        return _owner(match["name"])
    match = _NAME_COLON.match(line)
    if (match is None or rating[0] != match.start("value") or line[rating[1]:].strip(" .!")
            or any(word.casefold() in SCORE_LABELS for word in match["name"].split())):
        return None
    return _owner(match["name"])


def credited_review(line: str) -> tuple[str, str] | None:
    """(critic, outlet) of a sentence crediting the review to a writer of an outlet."""
    match = _CREDITING.match(line.strip())
    if match is None or _owner(match["name"]) is None:
        return None
    return match["name"], match["outlet"]


_MORE_FROM = re.compile(
    r"^(?i:(?:get|read|see|view|find|browse) )?(?i:more|all|other)\b[\w ,&]{0,40}?\b"
    r"(?i:reviews?|articles?|posts?|stories|columns?|interviews?)\b[\w ,&]{0,30}?\b(?i:by|from) "
    + _PERSON + r"(?=\s*(?:$|[.!]|\bon\b|\bat\b|\bin\b|[,»›>]))")
_MAX_POINTER_WORDS = 20
# "More reviews from Toronto International", "More stories from The Daily Planet": a place or a
# paper, not a writer.
_NOT_WRITERS = frozenset("""
    festival international news times post magazine weekly daily press review reviews tribune
    herald journal network channel radio online cinema cinemas city
""".split())


def writer_of_more(line: str) -> str | None:
    """The writer a pointer to their other work names ("More reviews by Jane Doe")."""
    if len(line.split()) > _MAX_POINTER_WORDS:
        return None
    match = _MORE_FROM.match(line.strip())
    if match is None or _NOT_WRITERS & {word.casefold() for word in match["name"].split()}:
        return None
    return _owner(match["name"])
