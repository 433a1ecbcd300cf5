"""Facts about the film stated on a page: director, writer, cast, genre, runtime, certificate...

Two sources: labelled fields ("Director: ...", "Genres: ..."), and stock phrases in prose
("runs for 103 minutes", "is rated R", "from a screenplay by ...", "Kathy (Carey Mulligan)").
Every fact keeps the line it was read from.
"""

from __future__ import annotations

import re

from nlmg_tui.corpus.dates import find_date
from nlmg_tui.corpus.models import Evidence, FilmFact

FIELD_LABELS = {
    "director": "director", "directed by": "director", "directors": "director",
    "writer": "writer", "writers": "writer", "written by": "writer", "screenplay": "writer",
    "starring": "cast", "cast": "cast", "stars": "cast", "with": "cast",
    "genre": "genre", "genres": "genre",
    "rated": "certificate", "certificate": "certificate", "mpaa rating": "certificate",
    "certification": "certificate", "classification": "certificate",
    "runtime": "runtime", "running time": "runtime", "run time": "runtime", "length": "runtime",
    "release date": "release", "released": "release", "premiere": "premiere",
    "country": "country", "language": "language", "studio": "studio", "distributor": "studio",
}
# "Genre: Drama", "Genre(s): Horror / Thriller" (a plural marker after the label).
LABELLED_FIELD = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,20})(?:\(s\))?:\s*(?P<value>[^\s/].*)$")
_LIST_FIELDS = {"cast", "genre", "writer", "director"}
_NAME = r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}"
_TWO_NAMES = r"[A-Z][\w.-]+ [A-Z][\w.-]+"
_CERTIFICATE = r"(?:NC-17|PG-13|PG|G|R|U|12A|12|15|18|X|Unrated)"

_PROSE_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("runtime", re.compile(r"\bruns? (?:for )?(?P<value>\d{2,3} minutes)\b")),
    ("runtime", re.compile(r"\b(?P<value>\d{2,3})-minute\b")),
    ("certificate", re.compile(r"\b(?:is )?[Rr]ated (?P<value>" + _CERTIFICATE + r")\b(?![-\w])")),
    ("writer", re.compile(r"\b(?:screenplay|script) (?:by|from) (?P<value>" + _NAME + ")")),
    ("writer", re.compile(r"\bscreenplay from (?P<value>" + _NAME + ")")),
    ("novelist", re.compile(r"\bnovel (?:by|of) (?P<value>" + _NAME + ")")),
    ("novelist", re.compile(r"(?P<value>" + _TWO_NAMES + r")[’']s (?:\w+ ){0,3}(?:\d{4} )?novel\b")),
    ("director", re.compile(r"\b(?:directed by|a film by|[Dd]irector) (?P<value>" + _NAME + ")")),
    ("composer", re.compile(r"\bscore by (?P<value>" + _NAME + ")")),
    ("premiere", re.compile(r"\bpremiered at (?:the )?(?P<value>(?:[A-Z][\w'’]+ ){1,4}Festival)"
                            r"(?: on (?P<date>[A-Z][a-z]+ \d{1,2},? \d{4}))?")),
]
# "Kathy (Carey Mulligan)", "Tommy (Charlie Rowe, Pirate Radio)": a character then an actor.
_ROLE = re.compile(r"\b(?P<role>(?:Miss |Mr\.? |Mrs\.? |Madame )?[A-Z][a-z]+) \((?P<actor>" + _NAME
                   + r")(?:[,)])")
_PLAYED_BY = re.compile(r"\b(?P<role>[A-Z][a-z]+) \(played [\w ]{0,30}?by (?P<actor>" + _NAME + r")\)")
_TITLE_YEAR = re.compile(r"^(?P<title>.+?) \((?P<year>(?:19|20)\d\d)\)$")


def labelled_facts(line: str, number: int) -> list[FilmFact]:
    """Facts from a "Label: value" line, or [] when the label is not a film field."""
    match = LABELLED_FIELD.match(line)
    if not match:
        return []
    field = FIELD_LABELS.get(match["label"].strip().casefold())
    if not field:
        return []
    evidence = Evidence(number, line)
    value = match["value"].strip()
    if field in _LIST_FIELDS:
        values = [v.strip() for v in re.split(r",|/| and ", value) if v.strip()]
        values = [re.sub(r"\s*\([^)]*\)$", "", v) for v in values]
        return [FilmFact(field, v, evidence) for v in values if v]
    return [FilmFact(field, value, evidence)]


def prose_facts(line: str, number: int) -> list[FilmFact]:
    evidence = Evidence(number, line)
    facts: list[FilmFact] = []
    for field, pattern in _PROSE_RULES:
        for match in pattern.finditer(line):
            value = match["value"]
            if field == "runtime" and not value.endswith("minutes"):
                value = f"{value} minutes"
            if field == "premiere" and match.groupdict().get("date"):
                found = find_date(match["date"])
                if found:
                    value = f"{value}, {found.iso}"
            facts.append(FilmFact(field, value, evidence))
    for pattern in (_ROLE, _PLAYED_BY):
        for match in pattern.finditer(line):
            facts.append(FilmFact("cast", match["actor"], evidence, detail=match["role"]))
    return facts


def title_facts(headline: str, number: int) -> list[FilmFact]:
    """A headline of the form "Title (2010)" states the title and the year."""
    match = _TITLE_YEAR.match(headline)
    if not match:
        return []
    evidence = Evidence(number, headline)
    return [FilmFact("title", match["title"], evidence), FilmFact("year", match["year"], evidence)]


def credited_person(name: str, number: int, line: str) -> FilmFact:
    """A person the page links as a credit (a name shown twice as link text and alt text)."""
    return FilmFact("credited", name, Evidence(number, line))


def dedupe_facts(facts: list[FilmFact]) -> list[FilmFact]:
    """One fact per (field, value, detail); a fact with a detail replaces the same bare fact."""
    detailed = {(f.field, f.value) for f in facts if f.detail}
    seen: set[tuple[str, str, str | None]] = set()
    kept: list[FilmFact] = []
    for fact in facts:
        key = (fact.field, fact.value.casefold(), fact.detail)
        if key in seen or (not fact.detail and (fact.field, fact.value) in detailed):
            continue
        seen.add(key)
        kept.append(fact)
    return kept
