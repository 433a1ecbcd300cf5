"""Turn one raw review page into a clean ``Review``.

The page is read line by line. Each line gets a role from its shape and wording (``lines``) —
chrome, labelled field, byline, heading, section label, prose — then:

- the comment thread is cut out first (it has its own shape, see ``comments``);
- the body starts at the first prose past any preface (a blurb, a tagline or a site's note
  above the title or byline, ``header.body_start``) and is collected by ``body``;
- headline, byline, date and ratings are read only from the lines above the body and the few
  under it (``header``, ``rating_choice``), so a date or a name inside prose is never taken
  for them.
"""

from __future__ import annotations

import re

from nlmg_tui.corpus import byline as bylines
from nlmg_tui.corpus import header as headers
from nlmg_tui.corpus.body import collect_body, sections_of
from nlmg_tui.corpus.chrome import doubled_name
from nlmg_tui.corpus.closing_signature import closing_signature
from nlmg_tui.corpus.comments import find_thread, parse_any_thread
from nlmg_tui.corpus.credited_reviewer import label_owner
from nlmg_tui.corpus.dates import find_date
from nlmg_tui.corpus.facts import (
    credited_person,
    dedupe_facts,
    labelled_facts,
    prose_facts,
    title_facts,
)
from nlmg_tui.corpus.hints import PageHints
from nlmg_tui.corpus.lines import Line, assign_roles
from nlmg_tui.corpus.models import Comment, Evidence, FilmFact, Rating, Review
from nlmg_tui.corpus.name_lines import (
    first_speaker,
    introduced_self,
    labelled_under_body,
    name_over_credited_caption,
    owned_label,
    paper_beside,
    placed_name,
    pointer_to_more,
    signature_in_body,
)
from nlmg_tui.corpus.pullquotes import choose_pull_quotes
from nlmg_tui.corpus.rating_choice import choose_ratings
from nlmg_tui.corpus.ratings import find_ratings
from nlmg_tui.corpus.set_apart import set_apart_deck
from nlmg_tui.corpus.site_names import site_of_page
from nlmg_tui.corpus.text import normalize_line
from nlmg_tui.corpus.wrapping import unwrap

_REVIEW_SUFFIX = re.compile(r"\s+(?:movie |film |dvd )?review$", re.I)
_LEADING_QUOTED_TITLE = re.compile(r"^[\"'“‘](?P<title>[^\"'”’]{2,60})[\"'”’]\s")


def clean_page(raw: str, source: str, review_id: str | None = None,
               film: str | None = None, hints: PageHints | None = None,
               cut_thread: bool = True) -> Review:
    """Clean one page. ``film`` is used when the page does not name the film itself;
    ``hints`` (page metadata) fill fields the text leaves empty; ``cut_thread=False`` reads a
    comment-shaped block as the page's own text."""
    raw_lines = raw.splitlines()
    lines = [Line(i + 1, normalize_line(text)) for i, text in enumerate(raw_lines)]
    comments = _cut_thread(raw_lines, lines) if cut_thread else []
    unwrap(lines)
    assign_roles(lines)
    blank = {i + 1 for i, text in enumerate(raw_lines) if not normalize_line(text)}
    start = set_apart_deck(lines, headers.body_start(lines), blank)
    header = [line for line in lines[:start] if line.text and line.role != "chrome"]
    evidence: dict[str, Evidence] = {}

    found_byline, byline_line = headers.find_byline(header)
    critic = _note(evidence, "critic", found_byline.critic if found_byline else None, byline_line)
    outlet = _note(evidence, "outlet", found_byline.outlet if found_byline else None, byline_line)

    draft = collect_body(lines, start, critic)
    trailer = headers.trailer(lines, draft.last_line)
    if critic and byline_line and headers.named_elsewhere(critic, byline_line, header, draft.paragraphs):
        critic = None  # "Lantern Valley | March 18, 2011": the film's title and its date
        del evidence["critic"]
    if critic is None:
        critic = _critic_after_header(lines, draft, trailer, evidence, header, start)
        if critic and draft.paragraphs and draft.paragraphs[-1].text.startswith(critic):
            # the name came from a bio closing the body: read the body again to set it apart
            draft = collect_body(lines, start, critic)
            trailer = headers.trailer(lines, draft.last_line)
    outlet = outlet or _outlet_after_header(lines, draft, header + trailer, evidence, critic)

    page_title_line = headers.page_title(header)
    anchor = None if byline_line is None or bylines.is_deck_byline(byline_line.text) else byline_line
    named = evidence.get("critic")
    if byline_line is None and named is not None:  # a bare name line placed as the byline
        anchor = next((line for line in header if line.number == named.line), None)
    if anchor is not None and anchor.role == "heading" and label_owner(anchor.text):
        headline_line: Line | None = anchor  # "Jo's Review" heads the review it owns
    else:
        headline_line = headers.headline(lines, [line for line in header if line is not anchor
                                                 or line is byline_line], anchor)
    headline = _note(evidence, "headline", headline_line.text if headline_line else None,
                     headline_line)
    if critic is None and headline:
        critic = _note(evidence, "critic", bylines.critic_in_headline(headline), headline_line)
    if critic is None and (owned := headers.owned_heading(header)) is not None:
        critic = _note(evidence, "critic", *owned)  # "Jo's take: The Film" under a kicker

    facts = _facts(lines, page_title_line)
    year = next((int(f.value) for f in facts if f.field == "year"), None) or headers.film_year(raw)
    last = draft.paragraphs[-1].text if draft.paragraphs else None
    first = draft.paragraphs[0].text if draft.paragraphs else None
    published = headers.publication_date(header + trailer, raw, last, year, first)
    if published:
        evidence["published"] = published[1]
    related = _related_list(lines, draft.last_line)
    rating, site_rating = choose_ratings(header + [line for line in trailer if line.number < related],
                                         draft.paragraphs, lines[:related - 1])

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
        sections=sections_of(draft.paragraphs),
        pull_quotes=tuple(choose_pull_quotes(headline, draft.paragraphs, film_title)),
        comments=tuple(comments),
        film_facts=tuple(facts),
        critic_bio=draft.bio,
        evidence=evidence,
        film=film_title,
    )


# A list of other reviews under the body, or another critic's "Second opinion": their ratings
# are not this review's.
_RELATED = re.compile(r"^(?:related|more|other|recent|latest|popular|similar|see also|you (?:may|might)|"
                      r"also on|trending|second opinions?|another (?:view|opinion|take))\b.{0,40}$", re.I)


def _related_list(lines: list[Line], last_body_line: int) -> int:
    """The number of the line heading a list of other reviews under the body ("Related
    reviews", "More reviews"), or one past the last line: ratings are read above it."""
    return next((line.number for line in lines[last_body_line:] if line.text
                 and len(line.text.split()) <= 6 and _RELATED.match(line.text)), len(lines) + 1)


def _note(evidence: dict[str, Evidence], name: str, value: str | None, line: Line | None
          ) -> str | None:
    """``value``, with the line it was read from recorded as its evidence."""
    if value and line is not None:
        evidence[name] = Evidence(line.number, line.text)
    return value


def _critic_after_header(lines: list[Line], draft, trailer: list[Line],
                         evidence: dict[str, Evidence], header: list[Line], start: int) -> str | None:
    """No byline above the body: an "About Jane Doe" bio, a signature or a bare-name sign-off
    under the body; else a bare name line the header's structure places as a byline, or a
    signature among the body's lines (``name_lines``)."""
    if draft.bio_line is not None:
        about = bylines.ABOUT_HEADING.match(draft.bio_line.text)
        if about:
            return _note(evidence, "critic", about["name"], draft.bio_line)
        named = bylines.sign_off_name(draft.bio or "")  # "About the reviewer" over a bare name
        if named:
            return _note(evidence, "critic", named, draft.bio_line)
    signed, signed_line = headers.find_byline(trailer)
    if signed and signed.critic and signed_line:
        return _note(evidence, "critic", signed.critic, signed_line)
    signed_off = headers.sign_off(lines, draft.last_line)
    if signed_off is not None:
        return _note(evidence, "critic", *signed_off)
    closing = closing_signature(draft.paragraphs)
    if closing is not None:
        evidence["critic"] = Evidence(0, closing[1][-80:])
        return closing[0]
    body = "\n".join(paragraph.text for paragraph in draft.paragraphs)
    after = [line for line in lines[draft.last_line:] if line.text][:3]
    opening = [Line(number, paragraph.text) for number, paragraph
               in zip(draft.numbers[:3], draft.paragraphs[:3], strict=True)]
    under = [line for line in lines[draft.last_line:] if line.text][:8]
    placed = (placed_name(header, body, above_body=True) or placed_name(after, body)
              or labelled_under_body(under)
              or signature_in_body(lines, start, draft.last_line) or _bio_sentence(after, draft)
              or owned_label(header + opening + after)
              or name_over_credited_caption(lines, start, body)
              or pointer_to_more(lines[start:]) or first_speaker(opening) or introduced_self(opening))
    if placed is not None:
        return _note(evidence, "critic", *placed)
    return None


def _bio_sentence(after: list[Line], draft) -> tuple[str, Line] | None:
    """A bio under the review, or closing it, naming the writer first ("Jane Doe is a freelance
    film critic ...")."""
    closing = [Line(draft.last_line, draft.paragraphs[-1].text)] if draft.paragraphs else []
    for line in after + closing:
        name = bylines.bio_names(line.text)
        if name is not None:
            return name, line
    return None


def _outlet_after_header(lines: list[Line], draft, candidates: list[Line],
                         evidence: dict[str, Evidence], critic: str | None = None) -> str | None:
    """An outlet named in the author's bio, on a line of its own ("— The Daily Planet"), or in
    the page's masthead (its first line)."""
    if draft.bio:
        outlet = bylines.outlet_from_bio(draft.bio)
        if outlet:
            line = draft.bio_line.number + 1 if draft.bio_line else 0
            evidence["outlet"] = Evidence(line, draft.bio)
            return outlet
    named = evidence.get("critic")
    beside = paper_beside(named.line, candidates) if named is not None and named.line else None
    if beside is not None:
        return _note(evidence, "outlet", *beside)
    found = headers.find_outlet(candidates + [line for line in lines if line.role == "chrome"])
    if found:
        return _note(evidence, "outlet", found[0], found[1])
    first = next((line for line in lines if line.text), None)
    if first is not None and first.role in ("heading", "chrome") and bylines.masthead(first.text):
        return _note(evidence, "outlet", bylines.masthead(first.text), first)
    closing = next((line for line in lines[draft.last_line:] if line.text), None)
    if closing is not None and closing.role == "heading" and bylines.closing_masthead(closing.text):
        return _note(evidence, "outlet", closing.text, closing)
    signed = bylines.outlet_sign_off(closing.text) if closing is not None else None
    if signed is not None and signed.outlet:
        return _note(evidence, "outlet", signed.outlet, closing)
    site = site_of_page(first, candidates, lines, critic)
    if site is not None:
        return _note(evidence, "outlet", *site)
    return None


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


def _cut_thread(raw_lines: list[str], lines: list[Line]) -> list[Comment]:
    span = find_thread(raw_lines)
    if span is None:
        return []
    first, last = span
    for line in lines[first:last]:
        line.role = "thread"
    return parse_any_thread(raw_lines[first:last], first + 1)


def _facts(lines: list[Line], page_title: Line | None) -> list[FilmFact]:
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


def _film_title(facts: list[FilmFact], page_title: Line | None, headline: str | None
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
