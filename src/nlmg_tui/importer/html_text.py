"""Saved HTML pages to the line-per-block text the corpus cleaner reads, plus page metadata.

Trafilatura finds the main text and the page's metadata (author, date, site name, title,
comments); it is imported here, on the import path only, so the app starts without it. What it
does not read comes from ``html_markup``: JSON-LD ratings and ``<ol class="comment…">`` threads.
The cleaner (``corpus.clean.clean_page``) still reads ratings, verdicts, sections and the critic
from the text we hand it: the headline, a byline and a date line above trafilatura's paragraphs.
Pages where trafilatura finds nothing fall back to the page's own blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlmg_tui.corpus import byline as bylines
from nlmg_tui.corpus.chrome import is_chrome
from nlmg_tui.corpus.dates import find_date
from nlmg_tui.corpus.facts import LABELLED_FIELD
from nlmg_tui.corpus.hints import PageHints
from nlmg_tui.corpus.ratings import find_ratings
from nlmg_tui.importer.html_author import author_parts, choose_author
from nlmg_tui.importer.html_markup import (
    dropped_texts,
    fallback_lines,
    markup_hints,
    read_markup,
    thread_lines,
)

# "Headline — The Guardian", "Headline | Screen Monthly": the part after the last separator.
_TITLE_SUFFIX = re.compile(r"^(?P<headline>.{8,}?)\s+[|—–-]{1,2}\s+(?P<site>[^|—–]{2,40})$")
_SPEC = re.compile(r"\b(\d+\s*(?:min|mins|minutes)\b|\d+h\s*\d*m?\b|PG-13|\bNC-17\b|\b12A\b|\bR\b\s*\|)")
_MAX_HEADLINE_WORDS = 25


@dataclass
class HtmlPage:
    """The text handed to the cleaner, its hints, and comments trafilatura found unstructured."""

    text: str
    hints: PageHints
    loose_comments: list[str] = field(default_factory=list)
    main_lines: list[str] = field(default_factory=list)  # trafilatura's main text, line by line
    page_chrome: list[str] = field(default_factory=list)  # navigation, header and footer text
    extractor: str = "trafilatura"


def html_to_text(html: str) -> tuple[str, PageHints]:
    """The page's readable text, one block per line with blank lines between, and its hints."""
    page = read_html(html)
    return page.text, page.hints


def read_html(html: str) -> HtmlPage:
    markup = read_markup(html)
    hints = markup_hints(markup)
    document = _trafilatura(html)
    body = document.text.splitlines() if document is not None and document.text else []
    threads = thread_lines(markup)
    if not any(line.strip() for line in body):
        return _fallback_page(markup, hints)
    _merge_document_hints(hints, document, markup.title, html)
    if body and hints.headline and body[0].strip() == hints.headline.strip():
        body = body[1:]  # the title, repeated as the first line of the text
    head = _head_lines(hints)
    loose = [] if threads else _loose_comments(html)
    thread = (["Comments", *threads] if threads else [])
    text = "\n\n".join(head + body) + ("\n\n" + "\n".join(thread) if thread else "")
    return HtmlPage(text, hints, loose, body, dropped_texts(markup))


def _fallback_page(markup, hints: PageHints) -> HtmlPage:
    lines = fallback_lines(markup)
    if hints.headline and not markup.has_h1:
        lines.insert(0, hints.headline)
    return HtmlPage("\n\n".join(lines), hints, extractor="page blocks")


def _trafilatura(html: str, *, comments: bool = False):
    """Trafilatura's document for the page, or None when it finds no main text.

    Comments are asked for in a second pass only: with ``include_comments`` on, trafilatura
    sometimes files article paragraphs under comments."""
    import trafilatura  # imported here so that starting the app does not load it

    try:
        return trafilatura.bare_extraction(
            html, with_metadata=not comments, include_comments=comments, include_tables=True,
            include_formatting=False,
            # dates from the page's markup only: an extensive search guesses from a copyright line
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception:  # a hostile page may break a third-party parser anywhere: use our own
        return None


def _loose_comments(html: str) -> list[str]:
    """Reader comments trafilatura finds in a page that has no ``<ol class="comment…">``."""
    if "comment" not in html.casefold():
        return []
    document = _trafilatura(html, comments=True)
    text = document.comments if document is not None else None
    return [line for line in (text or "").splitlines() if line.strip()]


def author_name(author: str | None) -> str | None:
    """Trafilatura's author without what it ran into it from a byline line: "Marta Villanueva;
    March 9" (from "By Marta Villanueva | March 9, 2012") is "Marta Villanueva". Several names
    stay joined by ";"."""
    return "; ".join(author_parts(author)) or None


def _merge_document_hints(hints: PageHints, document, raw_title: list[str], html: str) -> None:
    """Trafilatura's metadata first; the page's own meta tags and JSON-LD fill its gaps. The
    author is checked against the page's markup (``html_author``)."""
    title = " ".join("".join(raw_title).split())
    hints.critic = choose_author(document.author, html, hints.critic,
                                 (hints.outlet, document.sitename, _title_site(title)))
    hints.published = document.date or hints.published
    hints.outlet = hints.outlet or document.sitename or _title_site(title)
    headline = next((h for h in (document.title, hints.headline, _title_headline(title))
                     if h and plausible_headline(h)), None)
    hints.headline = headline


def _title_site(title: str) -> str | None:
    match = _TITLE_SUFFIX.match(title)
    return match["site"].strip() if match else None


def _title_headline(title: str) -> str | None:
    match = _TITLE_SUFFIX.match(title)
    return match["headline"].strip() if match else (title or None)


def plausible_headline(text: str) -> bool:
    """A headline is never a navigation line, a date, a byline or a spec line."""
    words = text.split()
    if not words or len(words) > _MAX_HEADLINE_WORDS or is_chrome(text):
        return False
    date = find_date(text)
    if date is not None and len(words) <= 5:
        return False
    if bylines.parse_byline(text) is not None and text.casefold().startswith("by"):
        return False
    if LABELLED_FIELD.match(text) or _SPEC.search(text):
        return False
    return not (find_ratings(text) and len(words) <= 4)


def _head_lines(hints: PageHints) -> list[str]:
    """Headline, byline and date above the body, so the cleaner reads them as the page header
    (and its byline rules judge the author the markup names) before any line of the body."""
    # The byline goes first: a headline such as "A Step-by-Step Guide" must not be read as one.
    head = [f"By {hints.critic}"] if hints.critic and "\n" not in hints.critic else []
    if hints.headline:
        head.append(hints.headline)
    if hints.published and find_date(hints.published):
        head.append(hints.published)
    return head
