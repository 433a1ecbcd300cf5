"""Turn one raw review page into a clean ``Review``.

The page is read line by line. Each line gets a role from its shape and wording — chrome,
labelled field, byline, heading, section label, prose — then:

- the comment thread is cut out first (it has its own shape, see ``comments``);
- the body is the prose that is not chrome, not the author's bio, not a repeat of an earlier
  paragraph (pages pasted twice), and not after the comment form;
- headline, byline, date and ratings are read only from the lines above the body (and ratings
  also from the end of the body), so a date or a name inside prose is never mistaken for them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from nlmg_tui.corpus import byline as bylines
from nlmg_tui.corpus.chrome import doubled_name, is_chrome, starts_comment_form
from nlmg_tui.corpus.comments import find_thread, parse_thread
from nlmg_tui.corpus.dates import NOT_PUBLICATION, find_date
from nlmg_tui.corpus.facts import (
    FIELD_LABELS,
    LABELLED_FIELD,
    credited_person,
    dedupe_facts,
    labelled_facts,
    prose_facts,
    title_facts,
)
from nlmg_tui.corpus.hints import PageHints
from nlmg_tui.corpus.models import (
    Comment,
    Evidence,
    FilmFact,
    Paragraph,
    Rating,
    Review,
    Section,
)
from nlmg_tui.corpus.pullquotes import choose_pull_quotes
from nlmg_tui.corpus.ratings import find_ratings, is_aggregate
from nlmg_tui.corpus.spoilers import warns_of_spoilers
from nlmg_tui.corpus.text import ends_like_sentence, fold, normalize_line

VERDICT_LABELS = {
    "the good", "the bad", "the ugly", "the truth", "final verdict", "the lowdown", "verdict",
    "the verdict", "bottom line", "the bottom line", "pros", "cons", "overall", "in short",
    "final thoughts", "conclusion",
}
SYNOPSIS_LABELS = {"the story", "synopsis", "plot", "the plot", "story", "premise"}
SECTION_LABELS = VERDICT_LABELS | SYNOPSIS_LABELS
_INLINE_LABEL = re.compile(
    r"(?:^|(?<=[.!?…”\"] ))(?P<label>" + "|".join(
        re.escape(label) for label in sorted(SECTION_LABELS, key=len, reverse=True)
    ) + r"):\s+",
    re.I,
)
_REVIEW_SUFFIX = re.compile(r"\s+(?:movie |film |dvd )?review$", re.I)
_LEADING_QUOTED_TITLE = re.compile(r"^[\"'“‘](?P<title>[^\"'”’]{2,60})[\"'”’]\s")
_MIN_PROSE_WORDS = 4
_LONG_PROSE_WORDS = 25
_MAX_HEADLINE_WORDS = 20


@dataclass
class _Line:
    number: int  # 1-based line number in the raw page
    text: str
    role: str = "text"  # chrome | thread | form | field | byline | heading | label | prose | short


@dataclass
class _Draft:
    paragraphs: list[Paragraph] = field(default_factory=list)
    last_line: int = 0  # the raw line number of the last body paragraph

    def add(self, text: str, line: int, section: str | None) -> None:
        paragraph = Paragraph(
            id=f"p{len(self.paragraphs) + 1}",
            text=text,
            section=section,
            spoiler_warning=warns_of_spoilers(text),
        )
        self.paragraphs.append(paragraph)
        self.last_line = line


def clean_page(raw: str, source: str, review_id: str | None = None,
               film: str | None = None, hints: PageHints | None = None) -> Review:
    """Clean one page. ``film`` is used when the page does not name the film itself;
    ``hints`` (page metadata) fill fields the text leaves empty."""
    raw_lines = raw.splitlines()
    lines = [_Line(i + 1, normalize_line(text)) for i, text in enumerate(raw_lines)]
    comments = _cut_thread(raw_lines, lines)
    _assign_roles(lines)
    body_start = next(
        (i for i, line in enumerate(lines) if line.role in ("prose", "label")), len(lines)
    )
    header = [line for line in lines[:body_start] if line.text and line.role != "chrome"]

    found_byline, byline_line = _find_byline(header)
    critic = found_byline.critic if found_byline else None
    outlet = found_byline.outlet if found_byline else None
    evidence: dict[str, Evidence] = {}
    if byline_line and critic:
        evidence["critic"] = Evidence(byline_line.number, byline_line.text)
    if byline_line and outlet:
        evidence["outlet"] = Evidence(byline_line.number, byline_line.text)

    draft, bio, bio_line = _collect_body(lines, body_start, critic)
    if critic is None and bio_line is not None:
        about = bylines.ABOUT_HEADING.match(bio_line.text)
        if about:
            critic = about["name"]
            evidence["critic"] = Evidence(bio_line.number, bio_line.text)
    if outlet is None and bio:
        outlet = bylines.outlet_from_bio(bio)
        if outlet:
            evidence["outlet"] = Evidence(bio_line.number + 1 if bio_line else 0, bio)
    trailer = _trailer(lines, draft.last_line)
    if critic is None:
        signed, signed_line = _find_byline(trailer)
        if signed and signed.critic and signed_line:
            critic = signed.critic
            evidence["critic"] = Evidence(signed_line.number, signed_line.text)

    page_title_line = next((line for line in header if line.role == "heading"), None)
    headline_line = _headline(lines, byline_line) or page_title_line
    headline = headline_line.text if headline_line else None
    if headline_line:
        evidence["headline"] = Evidence(headline_line.number, headline_line.text)

    published = _publication_date(header + trailer, _day_first_clue(raw))
    if published:
        evidence["published"] = published[1]
    rating, site_rating = _ratings(header + trailer, draft.paragraphs, lines)

    facts = _facts(lines, page_title_line)
    film_title = _film_title(facts, page_title_line, headline)
    if hints:
        headline, critic, outlet, published, rating, film_title = _fill_from_hints(
            hints, evidence, headline, critic, outlet, published, rating, film_title)
    film_title = film_title or film
    return Review(
        id=review_id or source.rsplit(".", 1)[0],
        source=source,
        headline=headline,
        critic=critic,
        outlet=outlet,
        published=published[0] if published else None,
        rating=rating,
        site_rating=site_rating,
        paragraphs=tuple(draft.paragraphs),
        sections=_sections(draft.paragraphs),
        pull_quotes=tuple(choose_pull_quotes(headline, draft.paragraphs, film_title)),
        comments=tuple(comments),
        film_facts=tuple(facts),
        critic_bio=bio,
        evidence=evidence,
        film=film_title,
    )


def _fill_from_hints(hints: PageHints, evidence: dict[str, Evidence], headline: str | None,
                     critic: str | None, outlet: str | None,
                     published: tuple[str, Evidence] | None, rating: Rating | None,
                     film_title: str | None):
    """Metadata fills only the gaps the text leaves; its evidence is line 0."""
    def note(name: str, value: str) -> str:
        evidence.setdefault(name, Evidence(0, f"page metadata: {value}"))
        return value

    if headline is None and hints.headline:
        headline = note("headline", normalize_line(hints.headline))
    if critic is None and hints.critic:
        found = bylines.parse_byline(f"By {normalize_line(hints.critic)}")
        if found and found.critic:
            critic = note("critic", found.critic)
    if outlet is None and hints.outlet:
        outlet = note("outlet", normalize_line(hints.outlet))
    if published is None and hints.published:
        found_date = find_date(hints.published)
        if found_date:
            published = (found_date.iso, Evidence(0, f"page metadata: {hints.published}"))
    if rating is None and hints.rating_text:
        for found_rating in find_ratings(hints.rating_text):
            rating = Rating(found_rating.text, found_rating.value, found_rating.scale, None,
                            Evidence(0, f"page metadata: {hints.rating_text}"))
            break
    return headline, critic, outlet, published, rating, film_title or hints.film


def _cut_thread(raw_lines: list[str], lines: list[_Line]) -> list[Comment]:
    span = find_thread(raw_lines)
    if span is None:
        return []
    first, last = span
    for line in lines[first:last]:
        line.role = "thread"
    return parse_thread(raw_lines[first:last], first + 1)


def _assign_roles(lines: list[_Line]) -> None:
    counts = Counter(fold(line.text) for line in lines if line.text)
    after_form = False
    for line in lines:
        if line.role == "thread" or not line.text:
            continue
        text = line.text
        if after_form or starts_comment_form(text):
            after_form = True
            line.role = "form"
        elif is_chrome(text) or doubled_name(text) or _is_repeated_caption(text, counts):
            line.role = "chrome"
        elif _INLINE_LABEL.match(text) or text.casefold().rstrip(":") in SECTION_LABELS:
            line.role = "label"
        elif _is_prose(text):
            line.role = "prose"
        elif _is_field(text):
            line.role = "field"
        elif bylines.parse_byline(text) is not None:
            line.role = "byline"
        elif ends_like_sentence(text) and text.endswith((".", "!", "?", "…")):
            line.role = "short"
        else:
            line.role = "heading"


_METADATA_LABELS = {"added", "posted", "published", "date", "updated", "by", "rating", "score",
                    "grade", "our rating", "verdict score", "stars", "reviewer", "critic", "author"}


def _is_field(text: str) -> bool:
    """A "Label: value" line whose label is a film field or review metadata (not a headline)."""
    match = LABELLED_FIELD.match(text)
    if not match:
        return False
    label = match["label"].strip().casefold()
    return label in FIELD_LABELS or label in _METADATA_LABELS


def _is_prose(text: str) -> bool:
    count = len(text.split())
    if count >= _MIN_PROSE_WORDS and ends_like_sentence(text):
        return True
    return count >= _LONG_PROSE_WORDS and bool(re.search(r"[.!?…] ", text))


def _is_repeated_caption(text: str, counts: Counter[str]) -> bool:
    """A line shown more than once that is not a sentence: a photo caption or link text."""
    return counts[fold(text)] > 1 and len(text.split()) >= 6 and not _is_prose(text)


def _trailer(lines: list[_Line], last_body_line: int, size: int = 4) -> list[_Line]:
    """The first few non-empty lines after the body: where signatures and footnotes sit."""
    after = [line for line in lines[last_body_line:] if line.text]
    trailer: list[_Line] = []
    for line in after:
        if line.role in ("form", "thread") or len(trailer) == size:
            break
        if line.role not in ("chrome", "prose", "bio"):
            trailer.append(line)
    return trailer


_UK_CLUES = re.compile(r"colour|favourite|£|\.co\.uk|\bBBFC\b|\bcert\b|\b12A\b|cinemagoers")
_US_CLUES = re.compile(r"\bcolor\b|favorite|\$\d|\bMPAA\b|moviegoers|\bPG-13\b")


def _day_first_clue(raw: str) -> bool | None:
    """Numeric dates are day-first on pages with British spellings or ratings, month-first on
    American ones; None when the page gives no clue or both."""
    uk, us = bool(_UK_CLUES.search(raw)), bool(_US_CLUES.search(raw))
    return True if uk and not us else False if us and not uk else None


def _find_byline(header: list[_Line]) -> tuple[bylines.Byline | None, _Line | None]:
    """The first byline that names someone; else a name alone on a line with the date on the
    next; else the first bare byline (a "By" with no name)."""
    bare: tuple[bylines.Byline | None, _Line | None] = (None, None)
    for line in header:
        if line.role not in ("byline", "field", "heading", "short"):
            continue
        found = bylines.parse_byline(line.text)
        if found is None:
            continue
        if found.critic:
            return found, line
        if bare[0] is None:
            bare = (found, line)
    for index, line in enumerate(header[1:-1], start=1):
        following = header[index + 1]
        if (line.role == "heading" and bylines.ONLY_A_NAME.match(line.text)
                and len(following.text.split()) <= 8 and find_date(following.text)):
            return bylines.Byline(line.text, None), line
    return bare


def _collect_body(lines: list[_Line], start: int, critic: str | None
                  ) -> tuple[_Draft, str | None, _Line | None]:
    """Body paragraphs in page order, plus the author's bio and the line that introduced it."""
    draft = _Draft()
    seen: set[str] = set()
    bio: str | None = None
    bio_line: _Line | None = None
    section: str | None = None
    previous: _Line | None = None
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.text:
            continue
        if line.role in ("chrome", "form", "thread"):
            section = None
            previous = line
            continue
        if line.role == "heading":
            section = None
            if bylines.ABOUT_HEADING.match(line.text):
                following = _next_text(lines, index)
                if following is not None:
                    following.role = "bio"
                    if bio is None:
                        bio, bio_line = following.text, line
            previous = line
            continue
        if line.role == "bio":
            previous = line
            continue
        if line.role == "label" and not _INLINE_LABEL.match(line.text):
            section = line.text.rstrip(":").strip()
            previous = line
            continue
        if line.role == "label":
            for label, text in _split_labelled(line.text):
                if fold(text) not in seen:
                    seen.add(fold(text))
                    draft.add(text, line.number, label)
            section = None
            previous = line
            continue
        is_body = line.role == "prose" or (
            line.role == "short" and previous is not None and previous.role in ("prose", "label")
            and _next_is_prose(lines, index)
        )
        if not is_body:
            previous = line
            continue
        if bylines.is_bio(line.text, critic):
            if bio is None:
                bio, bio_line = line.text, None
            previous = line
            continue
        key = fold(line.text)
        if key not in seen:
            seen.add(key)
            draft.add(line.text, line.number, section)
        previous = line if line.role == "prose" else previous
    return draft, bio, bio_line


def _next_text(lines: list[_Line], index: int) -> _Line | None:
    return next((line for line in lines[index + 1:] if line.text), None)


def _next_is_prose(lines: list[_Line], index: int) -> bool:
    following = _next_text(lines, index)
    return following is not None and following.role == "prose"


def _split_labelled(text: str) -> list[tuple[str, str]]:
    """``"The Story: ... The Lowdown: ..."`` -> [("The Story", ...), ("The Lowdown", ...)]."""
    matches = list(_INLINE_LABEL.finditer(text))
    parts = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        body = text[match.end():end].strip()
        if body:
            parts.append((match["label"].strip(), body))
    return parts


def _sections(paragraphs: list[Paragraph]) -> tuple[Section, ...]:
    sections: list[Section] = []
    for paragraph in paragraphs:
        if not paragraph.section:
            continue
        last = sections[-1] if sections else None
        if last and last.label == paragraph.section and _adjacent(paragraphs, last, paragraph):
            sections[-1] = Section(last.label, last.kind, (*last.paragraph_ids, paragraph.id))
        else:
            kind = "synopsis" if paragraph.section.casefold() in SYNOPSIS_LABELS else "verdict"
            sections.append(Section(paragraph.section, kind, (paragraph.id,)))
    return tuple(sections)


def _adjacent(paragraphs: list[Paragraph], section: Section, paragraph: Paragraph) -> bool:
    ids = [p.id for p in paragraphs]
    return ids.index(paragraph.id) == ids.index(section.paragraph_ids[-1]) + 1


def _headline(lines: list[_Line], byline_line: _Line | None) -> _Line | None:
    """The heading right above the byline (only blank lines between), when there is one."""
    if byline_line is None:
        return None
    above = next((line for line in reversed(lines[: byline_line.number - 1]) if line.text), None)
    if (above is not None and above.role == "heading"
            and len(above.text.split()) <= _MAX_HEADLINE_WORDS and not find_ratings(above.text)):
        return above
    return None


def _publication_date(candidates: list[_Line], day_first: bool | None
                      ) -> tuple[str, Evidence] | None:
    for line in candidates:
        if line.role == "prose" or NOT_PUBLICATION.search(line.text):
            continue
        found = find_date(line.text, day_first=day_first)
        if found:
            return found.iso, Evidence(line.number, line.text)
    return None


def _ratings(candidates: list[_Line], paragraphs: list[Paragraph], lines: list[_Line]
             ) -> tuple[Rating | None, Rating | None]:
    """The critic's rating (lines around the body, or the end of the last paragraphs) and a
    site's aggregate."""
    critic: Rating | None = None
    site: Rating | None = None
    star_rows = [line for line in lines if line.role == "chrome" and line.text.strip("*★☆½ ") == ""]
    for line in candidates + star_rows:
        for found in find_ratings(line.text):
            rating = Rating(found.text, found.value, found.scale, found.label,
                            Evidence(line.number, line.text))
            if is_aggregate(found):
                site = site or rating
            else:
                critic = critic or rating
    if critic is None:
        for paragraph in paragraphs[-2:]:
            for found in find_ratings(paragraph.text):
                if not is_aggregate(found):
                    number = next((ln.number for ln in lines if ln.text == paragraph.text), 0)
                    critic = Rating(found.text, found.value, found.scale, found.label,
                                    Evidence(number, paragraph.text[-80:]))
    return critic, site


def _facts(lines: list[_Line], page_title: _Line | None) -> list[FilmFact]:
    facts: list[FilmFact] = []
    if page_title:
        facts.extend(title_facts(page_title.text, page_title.number))
    for line in lines:
        if line.role in ("field", "heading", "byline", "short"):
            facts.extend(labelled_facts(line.text, line.number))
        elif line.role in ("prose", "label"):
            facts.extend(prose_facts(line.text, line.number))
        elif line.role == "chrome":
            name = doubled_name(line.text)
            if name:
                facts.append(credited_person(name, line.number, line.text))
    return dedupe_facts(facts)


def _film_title(facts: list[FilmFact], page_title: _Line | None, headline: str | None
                ) -> str | None:
    """The film's title: a stated "Title (Year)", the page title, or a quoted headline title."""
    for fact in facts:
        if fact.field == "title":
            return fact.value
    if page_title and len(page_title.text.split()) <= 8:
        return _REVIEW_SUFFIX.sub("", page_title.text)
    if headline:
        match = _LEADING_QUOTED_TITLE.match(headline)
        if match:
            return match["title"]
    return None
