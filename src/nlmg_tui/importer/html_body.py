"""Give back main text the cleaner set aside on HTML pages.

The cleaner was built for plain-text captures, where a short line without a full stop is
usually a menu item, so it keeps only sentence-shaped lines as body. On an HTML page trafilatura
has already removed the menus, and its short lines are the article's own subheadings, list
items and table rows. They are put back in page order, unless they are what the cleaner reads
as a field (headline, byline, date, rating, section label) or chrome, or a repeat.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from nlmg_tui.corpus import byline as bylines
from nlmg_tui.corpus.chrome import is_chrome, starts_comment_form
from nlmg_tui.corpus.dates import find_date
from nlmg_tui.corpus.lines import SECTION_LABELS
from nlmg_tui.corpus.models import Paragraph, PullQuote, Review, Section
from nlmg_tui.corpus.ratings import find_ratings
from nlmg_tui.corpus.spoilers import warns_of_spoilers
from nlmg_tui.corpus.text import ends_like_sentence, fold, normalize_line

_FIELD_WORDS = 8
_SENTENCE_WORDS = 6  # a sentence this long that names "Facebook" or "shop" is not a button
_LEAD_WORDS = 4
_LONG_LEAD_WORDS = 12  # a date, rating or byline line this short is a field, not body text


def restore_main_text(review: Review, main_lines: list[str], headline: str | None,
                      page_chrome: Sequence[str] = ()) -> Review:
    """``review`` with the main-text lines the cleaner dropped put back in page order, except
    the page's navigation, header and footer text (``page_chrome``) that trafilatura kept."""
    skip = {fold(text) for text in (headline, review.headline, review.critic_bio, *page_chrome) if text}
    merged: list[Paragraph] = []
    seen: set[str] = set()
    pending = list(review.paragraphs)
    lines = [line for line in (normalize_line(raw) for raw in main_lines) if line]
    lone = lone_repeats([fold(line) for line in lines])
    for index, line in enumerate(lines):
        key = fold(line)
        if key in seen:
            if index in lone and key not in skip and _is_body_line(line, inside=bool(merged and pending)):
                merged.append(Paragraph("", line, None, warns_of_spoilers(line)))
            continue
        seen.add(key)
        if starts_comment_form(line):
            break
        upto = _last_kept_within(key, pending)
        if upto is not None:
            merged.extend(pending[:upto + 1])
            del pending[:upto + 1]
        elif key not in skip and _is_body_line(line, inside=bool(merged and pending)):
            merged.append(Paragraph("", line, None, warns_of_spoilers(line)))
    merged.extend(pending)
    return _renumber(review, merged)


def lone_repeats(keys: Sequence[str]) -> set[int]:
    """Positions of lines that repeat an earlier line on their own: an interview's question put
    to each guest, a "Pros"/"Verdict" subheading in every section, a source credit or a
    separator under each part. A run of two or more repeated lines in a row is text shown twice
    (a block pasted again, a mobile copy of the article) and stays out."""
    earlier: set[str] = set()
    repeated: list[bool] = []
    for key in keys:
        repeated.append(key in earlier)
        earlier.add(key)
    return {index for index, again in enumerate(repeated)
            if again and not (index > 0 and repeated[index - 1])
            and not (index + 1 < len(repeated) and repeated[index + 1])}


def _last_kept_within(key: str, pending: list[Paragraph]) -> int | None:
    """The last kept paragraph this line is (or holds, when the cleaner split it at inline
    section labels), as an index into ``pending``."""
    found = None
    for index, paragraph in enumerate(pending):
        text = fold(paragraph.text)
        if text == key or (len(text) >= 20 and text in key):
            found = index
    return found


def _is_body_line(line: str, inside: bool = False) -> bool:
    """Not chrome or a section label; above or below the kept body (``inside`` False), where a
    page's fields sit, not a short date, rating or byline line either."""
    words = len(line.split())
    sentence = words >= _SENTENCE_WORDS and ends_like_sentence(line)
    if (is_chrome(line) and not sentence) or line.casefold().rstrip(":") in SECTION_LABELS:
        return False
    if inside:
        return True
    if words <= _FIELD_WORDS and (find_date(line) or find_ratings(line)):
        return False
    found = bylines.parse_byline(line) if words <= _FIELD_WORDS else None
    return not (found is not None and found.critic)


def _renumber(review: Review, paragraphs: list[Paragraph]) -> Review:
    new_ids: dict[int, str] = {}
    numbered: list[Paragraph] = []
    for number, paragraph in enumerate(paragraphs, 1):
        if paragraph.id:
            new_ids[id(paragraph)] = f"p{number}"
        numbered.append(paragraph._replace(id=f"p{number}"))
    by_old = {p.id: new_ids[id(p)] for p in review.paragraphs if id(p) in new_ids}
    sections = tuple(Section(s.label, s.kind, tuple(by_old.get(i, i) for i in s.paragraph_ids))
                     for s in review.sections)
    quotes = tuple(PullQuote(q.text, q.rule, by_old.get(q.paragraph_id, q.paragraph_id))
                   if q.paragraph_id else q for q in review.pull_quotes)
    return replace(review, paragraphs=tuple(numbered), sections=sections, pull_quotes=quotes)
