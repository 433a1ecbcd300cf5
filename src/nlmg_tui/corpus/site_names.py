"""Where a page names the site that published it, besides a byline or a masthead:

- its title bar, "The Film | Chicago Courier", when the part after the bar is typeset as a
  paper's name (``byline.masthead``);
- its logo's alt text, "[Screen Weekly]", as its first line;
- its breadcrumb's first crumb, "Lunchbox » Reviews » The Film » User review" (never "Home"),
  on one of its first lines;
- a dateline that puts the paper before the date, "Oklahoman Published: March 26, 2010" (one
  word, or "The ..."; two capitalised words there may be the writer);
- the site's own rating label, "Screen Weekly: star rating", beside "Community: star rating";
- its own verdict label, "Screen Weekly says", beside a known critic of another name;
- its greeting, "Welcome to Screen Weekly.", on a line of its own anywhere on the page;
- its name alone as the first line ("Screen Weekly"), when the page speaks of itself by that
  name again in the possessive ("supports Screen Weekly's reviewing").
"""

from __future__ import annotations

import re

from nlmg_tui.corpus import byline as bylines
from nlmg_tui.corpus.lines import Line

_TITLE_BAR = re.compile(r"^.{2,80}?\s+[|–—-]\s+(?P<site>[^|–—-]{3,40})$")
_LOGO = re.compile(r"^\[(?P<site>[A-Z][\w&'’.]*(?: [A-Z][\w&'’.]*){0,3})\]$")
_CRUMBS = re.compile(r"\s*[»›]\s*")
_MIN_CRUMBS = 3
_CRUMB_REACH = 3  # a breadcrumb sits among the first header lines (under a menu, say)
_DATELINE = re.compile(r"^(?P<site>(?:The )?[A-Z][\w&'’.]+|The [A-Z][\w&'’.]+(?: [A-Z][\w&'’.]+){1,2})"
                       r"\s+(?i:published|posted|updated):?\s+\S")
_OWN_RATING_LABEL = re.compile(r"^(?P<site>[A-Z][\w&'’.]*(?: [A-Z][\w&'’.]*){0,3}):?\s+"
                               r"(?i:star rating|rating)$")
_NOT_A_SITE = re.compile(r"^(?:home|community|users?|readers?|members?|audience|critics?|reviewers?|"
                         r"our|my|your|average|overall|imdb)\b", re.I)
# Rating labels that name no site: "Current Rating", "Star Rating", "Final Rating".
_GENERIC_LABEL = re.compile(r"^(?:current|star|movie|film|final|mpaa|age|content|total)\b", re.I)


def site_of_page(first: Line | None, header: list[Line], lines: list[Line] | None = None,
                 critic: str | None = None) -> tuple[str, Line] | None:
    """The site a page names in its title bar, logo text or breadcrumb (its ``first`` line),
    in a dateline, its own rating or verdict label (a ``header`` line), in a greeting (any
    non-prose line of ``lines``), or as its first line when it speaks of itself again."""
    if first is not None:
        named = _first_line_site(first.text)
        if named:
            return named, first
    return (_labelled_site(header, critic) or _greeting(lines or [])
            or _name_spoken_again(first, lines or []))


def _labelled_site(header: list[Line], critic: str | None) -> tuple[str, Line] | None:
    """A dateline, a rating or verdict label, or a breadcrumb among the header lines."""
    for line in header:
        if line.role in ("prose", "thread", "preface"):
            continue
        match = _DATELINE.match(line.text) or _OWN_RATING_LABEL.match(line.text)
        if match and not _NOT_A_SITE.match(match["site"]) and not _GENERIC_LABEL.match(match["site"]):
            return match["site"], line
    for line in header[:_CRUMB_REACH]:
        crumb = _first_crumb(line.text)
        if crumb:
            return crumb, line
    for line in header:
        says = _SAYS.match(line.text)
        if says and critic and says["site"] != critic and not _NOT_A_SITE.match(says["site"]):
            return says["site"], line
    return None


def _greeting(lines: list[Line]) -> tuple[str, Line] | None:
    for line in lines:
        welcome = _WELCOME.match(line.text) if line.role not in ("prose", "thread") else None
        if welcome:
            return welcome["site"].rstrip("."), line
    return None


def _name_spoken_again(first: Line | None, lines: list[Line]) -> tuple[str, Line] | None:
    """The first line alone as a name, which the page uses again in the possessive."""
    if first is None or not _ONLY_A_SITE_NAME.match(first.text) or _NOT_A_SITE.match(first.text):
        return None
    owned = (f"{first.text}'s", f"{first.text}’s")
    if any(line is not first and any(own in line.text for own in owned) for line in lines):
        return first.text, first
    return None


_SITE_NAME = r"(?P<site>(?:The )?[A-Z][\w&'’.]*(?: [A-Z][\w&'’.]*){0,3})"
_ONLY_A_SITE_NAME = re.compile(r"^(?:The )?[A-Z][\w&'’.]*(?: [A-Z][\w&'’.]*){0,3}$")
_SAYS = re.compile(r"^" + _SITE_NAME + r" says$")
_WELCOME = re.compile(r"^(?:[•·*-]\s*)?Welcome to " + _SITE_NAME + r"\s*[.!]?$")


def _first_line_site(text: str) -> str | None:
    bar = _TITLE_BAR.match(text)
    if bar and bylines.masthead(bar["site"].strip()):
        return bylines.masthead(bar["site"].strip())
    logo = _LOGO.match(text)
    if logo and not _NOT_A_SITE.match(logo["site"]):
        return logo["site"]
    return _first_crumb(text)


def _first_crumb(text: str) -> str | None:
    crumbs = _CRUMBS.split(text)
    if len(crumbs) >= _MIN_CRUMBS and not _NOT_A_SITE.match(crumbs[0]) and _LOGO.match(f"[{crumbs[0]}]"):
        return crumbs[0]
    return None

