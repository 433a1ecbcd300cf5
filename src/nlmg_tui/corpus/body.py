"""Collect a page's body paragraphs (with their sections) once every line has a role.

The body is the prose from the body start on that is not chrome, not the author's bio, not a
repeat of an earlier paragraph (pages pasted twice) and not after the comment form. A short
sentence counts when it sits between prose (or closes a section: a subheading, a label or a
list under it); a list inside the body ("Three scenes stay with me:" over marked items) is
kept whole; an advertisement, a link or a picture between paragraphs is passed over without
ending the body. Where the body ends (a signature, a closing line, a truncated last line, a
prompt to the reader) is read by ``body_end``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nlmg_tui.corpus import byline as bylines
from nlmg_tui.corpus.body_end import closes_review, is_reader_prompt, signs, truncated_tail
from nlmg_tui.corpus.chrome import is_inline_chrome
from nlmg_tui.corpus.lines import (
    CAPITALS_LABEL,
    INLINE_LABEL,
    SYNOPSIS_LABELS,
    Line,
    function_words,
    is_picture_credit,
    is_title_case,
)
from nlmg_tui.corpus.models import Paragraph, Section
from nlmg_tui.corpus.ratings import find_ratings
from nlmg_tui.corpus.spoilers import is_spoiler_warning, warns_of_spoilers
from nlmg_tui.corpus.text import fold


@dataclass
class Draft:
    """The body being collected, with the state the walk over the lines carries."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    last_line: int = 0  # the raw line number of the last body paragraph
    seen: set[str] = field(default_factory=set)
    section: str | None = None
    previous: Line | None = None
    bio: str | None = None
    bio_line: Line | None = None
    signed: str | None = None  # the name in a dash signature under the body: the body is over
    numbers: list[int] = field(default_factory=list)  # each paragraph's raw line number

    def add(self, text: str, line: int, section: str | None) -> None:
        key = fold(text)
        if key in self.seen:
            return  # a page pasted twice: keep the first copy
        self.seen.add(key)
        self.paragraphs.append(Paragraph(
            id=f"p{len(self.paragraphs) + 1}",
            text=text,
            section=section,
            spoiler_warning=warns_of_spoilers(text),
        ))
        self.numbers.append(line)
        self.last_line = line

    def drop_last(self) -> None:
        self.paragraphs.pop()
        self.numbers.pop()
        self.last_line = self.numbers[-1] if self.numbers else 0

    def note_bio(self, text: str, line: Line | None) -> None:
        if self.bio is None:
            self.bio, self.bio_line = text, line


def collect_body(lines: list[Line], start: int, critic: str | None) -> Draft:
    """Body paragraphs in page order, plus the author's bio and the line that introduced it."""
    draft = Draft()
    listed = lists_in_body(lines, start)
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.text or passed_over(lines, index):
            continue
        if draft.signed:
            _take_after_signature(draft, line)
        elif line.role in ("chrome", "form", "thread", "preface", "bio") or _site_talks(draft, lines, index):
            _end_section(draft, line, line.role != "bio")
        elif index in listed or (line.role == "heading" and (
                _is_lower_case_prose(draft, lines, index) or _is_bulleted_note(draft, line))):
            draft.add(line.text, line.number, draft.section)
            draft.previous = line
        elif line.role == "heading":
            _take_heading(draft, lines, index)
        elif _signs_body(draft, line):
            draft.signed = line.text.lstrip("-–— ")
        elif line.role == "label":
            _take_label(draft, line)
        elif _is_body_line(draft, lines, index, listed):
            _take_prose(draft, line, critic)
        else:
            draft.previous = line
    tail = truncated_tail(lines, start, draft.last_line) if draft.paragraphs else None
    if tail is not None:
        draft.add(tail.text, tail.number, draft.section)
    if len(draft.paragraphs) > 1 and is_reader_prompt(draft.paragraphs[-1].text):
        draft.drop_last()
    return draft


# A list's item: "1. ", "2) ", "• ", "- ", "* ".
_LIST_MARK = re.compile(r"^(?:\d{1,2}[.)]|[•·*–-])\s+(?=\S)")
_MIN_ITEMS = 2
_MAX_INTRO_WORDS = 25
_LIST_ROLES = ("heading", "short", "prose", "field", "label")


def lists_in_body(lines: list[Line], start: int) -> set[int]:
    """Indexes of the lines of each list inside the body: a run of two or more marked items
    ("1. The ferry scene", "• The score") under a body paragraph, with the sentence introducing
    it ("Three scenes stay with me:"). Items without a full stop read as headings; between
    paragraphs, or under an introduction and not in a heading's capitals (a list of other
    posts), they are the review's."""
    shown = [i for i in range(start, len(lines)) if lines[i].text]
    found: set[int] = set()
    at = 0
    while at < len(shown):
        end = at
        while end < len(shown) and _is_item(lines[shown[end]]):
            end += 1
        if end - at < _MIN_ITEMS:
            at = end + 1 if end == at else end
            continue
        items = shown[at:end]
        intro = shown[at - 1] if at >= 1 and _introduces_list(lines[shown[at - 1]]) else None
        top = at - (2 if intro is not None else 1)
        after = lines[shown[end]] if end < len(shown) else None
        prose_after = after is not None and after.role == "prose"
        # under the body's prose (maybe under a subheading or a short line), over more prose or
        # under an introduction
        if (any(lines[i].role == "prose" for i in shown[:top + 1]) and (prose_after or intro is not None)
                and not any(_is_card_entry(lines[i].text) for i in items)):
            found.update(items)
            if intro is not None:
                found.add(intro)
        at = end
    return found


def _is_card_entry(text: str) -> bool:
    """"4. Male Stars Great 4.0", "• Review: The Salt Road": a score card's entry or a link,
    in a heading's capitals or holding a score, not a point the review makes."""
    words = _LIST_MARK.sub("", text).split()
    return is_title_case(text) or bool(find_ratings(text)) or (
        sum(word[:1].isupper() for word in words) * 2 > len(words))


def _is_item(line: Line) -> bool:
    return line.role in _LIST_ROLES and bool(_LIST_MARK.match(line.text))


def _introduces_list(line: Line) -> bool:
    return (line.role in _LIST_ROLES and line.text.endswith(":")
            and 2 <= len(line.text.split()) <= _MAX_INTRO_WORDS and line.text[:1].isupper())


def _signs_body(draft: Draft, line: Line) -> bool:
    """A signature right under the last body paragraph (``body_end.signs``) ends the body."""
    return (bool(draft.paragraphs) and draft.previous is not None
            and draft.last_line == draft.previous.number and signs(line, draft.paragraphs[-1].text))


def _take_after_signature(draft: Draft, line: Line) -> None:
    """Under a signature come the writer's bio and the site's own lines, not the review."""
    if line.role == "prose" and draft.signed and draft.signed in line.text:
        draft.note_bio(line.text, None)


def _end_section(draft: Draft, line: Line, ends_section: bool) -> None:
    if ends_section:
        draft.section = None
    draft.previous = line


# "About the author", "ABOUT THE REVIEWER:": a bio's heading that does not name the writer.
_ABOUT_WRITER = re.compile(r"^about (?:the |this )?(?:author|writer|reviewer|critic)s?:?$", re.I)


def _take_heading(draft: Draft, lines: list[Line], index: int) -> None:
    """A heading ends the section; "About Jane Doe" ("About the author") marks the next line
    as the writer's bio."""
    line = lines[index]
    draft.section = None
    draft.previous = line
    if bylines.ABOUT_HEADING.match(line.text) or _ABOUT_WRITER.match(line.text):
        following = next_text(lines, index)
        if following is not None:
            following.role = "bio"
            draft.note_bio(following.text, line)


def _take_label(draft: Draft, line: Line) -> None:
    """"Verdict:" alone opens a section; "The Story: ... The Lowdown: ..." splits into parts."""
    draft.previous = line
    capitals = CAPITALS_LABEL.match(line.text)
    if capitals and not INLINE_LABEL.match(line.text):
        draft.add(line.text[capitals.end():].strip(), line.number, capitals["label"])
        draft.section = None
        return
    if not INLINE_LABEL.match(line.text):
        draft.section = line.text.rstrip(":").strip()
        return
    for label, text in split_labelled(line.text):
        draft.add(text, line.number, label)
    draft.section = None


def _is_body_line(draft: Draft, lines: list[Line], index: int, listed: set[int]) -> bool:
    """Prose, or a short sentence between the body (prose, a label, a line kept as body) and
    prose or a list of the body."""
    line = lines[index]
    if line.role == "prose":
        return True
    previous = draft.previous
    if line.role != "short" or previous is None:
        return False
    in_body = (draft.last_line == previous.number or previous.role == "label"
               or _opens_section(draft, lines, previous))
    following = next((i for i in range(index + 1, len(lines)) if lines[i].text), None)
    return (previous.role in ("prose", "label") or in_body) and (
        _next_is_prose(lines, index) or following in listed
        or (in_body and closes_review(lines, index)))


def _opens_section(draft: Draft, lines: list[Line], previous: Line) -> bool:
    """``previous`` is a subheading right under the last body paragraph ("The performances"):
    the short sentence under it opens that section."""
    if previous.role != "heading" or not draft.paragraphs:
        return False
    above = next((line for line in reversed(lines[:previous.number - 1])
                  if line.text and not passed_over(lines, line.number - 1)), None)
    return above is not None and above.number == draft.last_line


def _is_lower_case_prose(draft: Draft, lines: list[Line], index: int) -> bool:
    """A line in lower case between body paragraphs ("are you holding back") is the writer's
    style, not a heading: headings never start in lower case."""
    text = lines[index].text
    if not text[:1].islower() or draft.previous is None or not function_words(text):
        return False  # "monsters 2010 dvd": an image's name, not a sentence
    following = next_text(lines, index)
    previous_in_body = bool(draft.paragraphs) and draft.last_line == draft.previous.number
    return previous_in_body and following is not None and (
        following.role == "prose" or (following.role == "heading" and following.text[:1].islower()))


_BULLET = ("• ", "· ", "* ")
_MIN_NOTE_WORDS = 4


def _is_bulleted_note(draft: Draft, line: Line) -> bool:
    """A bulleted line with no full stop in a body written as bulleted notes ("• The camera is
    handheld, this is realism") is one of the notes, not a heading; one with a heading's
    capitals ("• More Reviews From The Archive") is not."""
    text = line.text
    if not text.startswith(_BULLET) or len(text.split()) - 1 < _MIN_NOTE_WORDS:
        return False
    words = text.split()[1:]
    capitals = sum(word[:1].isupper() for word in words)
    return capitals * 2 < len(words) and any(p.text.startswith(_BULLET) for p in draft.paragraphs)


def _take_prose(draft: Draft, line: Line, critic: str | None) -> None:
    # a byline set in capitals or in lower case ("BY JANE DOE", "by jane doe") names the writer a
    # bio names in its own case
    shown = critic.title() if critic and (critic.isupper() or critic.islower()) else critic
    if (bylines.is_bio(line.text, critic) or (shown != critic and bylines.is_bio(line.text, shown))
            or _bio_apart(draft, line)):
        draft.note_bio(line.text, None)
        draft.previous = line
        return
    draft.add(line.text, line.number, draft.section)
    if line.role == "prose":
        draft.previous = line


# The site talking to its readers: "Join 4,000 readers who get our picks every week.", "Want
# more reviews like this?". Short, and under the site's own lines once the body has ended.
_SITE_TALK = re.compile(r"^(?:join|sign up|subscribe|don'?t miss|never miss|want more)\b"
                        r"|\b(?:reviews?|posts?|articles?) like this\b", re.I)
_MAX_SITE_TALK_WORDS = 15


def _site_talks(draft: Draft, lines: list[Line], index: int) -> bool:
    """A short sentence in the site's voice (a newsletter's pitch) under the site's own lines
    (a share bar, tags, a footer), once the body has ended."""
    line = lines[index]
    if (not draft.paragraphs or line.role not in ("prose", "short")
            or len(line.text.split()) > _MAX_SITE_TALK_WORDS or not _SITE_TALK.search(line.text)):
        return False
    since = [other for other in lines[draft.last_line:index] if other.text]
    return any(other.role == "chrome" and not passed_over(lines, other.number - 1) for other in since)


_MAX_WARNING_WORDS = 4


def passed_over(lines: list[Line], index: int) -> bool:
    """An advertisement, a link or a picture between paragraphs, or a spoiler warning ("Spoilers
    ahead") over the next: the body goes on under it (a short sentence under it is still the
    body's)."""
    line = lines[index]
    if line.role == "heading":
        return len(line.text.split()) <= _MAX_WARNING_WORDS and is_spoiler_warning(line.text)
    return line.role == "chrome" and (is_inline_chrome(line.text) or _is_picture(lines, index))


def _is_picture(lines: list[Line], index: int) -> bool:
    """A picture's credit ("Photo: ..."), or its caption right above the credit."""
    following = next_text(lines, index)
    return is_picture_credit(lines[index].text) or (
        following is not None and is_picture_credit(following.text))


def _bio_apart(draft: Draft, line: Line) -> bool:
    """"Jane Doe is a film critic and ...", set apart from the body by lines that are not the
    body's (a sign-off, a rating, tags): the writer's bio, even when no byline named her."""
    return (bool(draft.paragraphs) and draft.previous is not None
            and draft.previous.number != draft.last_line and bylines.bio_names(line.text) is not None)


def next_text(lines: list[Line], index: int) -> Line | None:
    return next((line for line in lines[index + 1:] if line.text), None)


def _next_is_prose(lines: list[Line], index: int) -> bool:
    following = next_text(lines, index)
    return following is not None and following.role == "prose"


def split_labelled(text: str) -> list[tuple[str, str]]:
    """``"The Story: ... The Lowdown: ..."`` -> [("The Story", ...), ("The Lowdown", ...)]."""
    matches = list(INLINE_LABEL.finditer(text))
    parts = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        body = text[match.end():end].strip()
        if body:
            parts.append((match["label"].strip(), body))
    return parts


def sections_of(paragraphs: list[Paragraph]) -> tuple[Section, ...]:
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

