"""Split reader comments off a page and turn them into records.

A comment thread is recognised by its shape: a header such as "10 thoughts on ..." or
"12 Comments", then numbered entries ("1. Name") whose text is indented below them (or a
discussion widget's entries, "Name · 2 years ago", with their text under them). A reply's
quotes are BBCode-style tags (``[b]...[/b]``, ``[quote]...[/quote]``) or a paragraph repeated
word for word from an earlier comment; either way the quote is kept as plain text with the
number of the comment it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlmg_tui.corpus.models import Comment, CommentPart, Quote
from nlmg_tui.corpus.text import fold, normalize_line

THREAD_HEADER = re.compile(
    r"^\s*\d+\s+(thoughts|comments|responses|replies|reactions)\b|^\s*(reader )?comments\s*(\(\d+\))?\s*$",
    re.I,
)
_ENTRY = re.compile(r"^(?P<indent>\s{0,6})(?P<number>\d{1,4})[.)]\s+(?P<author>\S.{0,60})$")
# WordPress's classic comment list: "1. Jane Doe says:" (or "said:") names the entry's author.
_SAYS = re.compile(r"\s+(?:says|said|wrote)\s*:?$", re.I)
_TAGGED_QUOTE = re.compile(r"\[(b|i|quote|q)\](.+?)\[/\1\]", re.I | re.S)
_MIN_QUOTE_WORDS = 4


@dataclass
class _RawComment:
    number: int
    author: str
    line: int
    paragraphs: list[str]


# Blog and WordPress lists: each comment's own text on its numbered, indented line.
_INLINE_ENTRY = re.compile(r"^\s{1,8}(?P<number>\d{1,4})[.)]\s+(?P<text>\S.*)$")
_INLINE_MIN_WORDS = 8
# "Jane said...", "jdoe said:": a comment's author on a line of its own.
_SAID = re.compile(r"^\s*(?P<author>\S.{0,40}?)\s+said(?:\.{3}|…|:)\s*$", re.I)
_STAMP = re.compile(r"^\s*(?:\w+ \d{1,2},? \d{4}|\d{1,2} \w+ \d{4}|\d{1,2}/\d{1,2}/\d{2,4})"
                    r"(?:,? (?:at )?\d{1,2}:\d\d(?: ?[AP]M)?)?\s*$", re.I)
_FORM = re.compile(r"^\s*(post a comment|leave a (reply|comment)|add your comment)", re.I)


def find_thread(lines: list[str], start: int = 0) -> tuple[int, int] | None:
    """The [first, last) line range of a comment thread at or after ``start``, if any: the
    numbered-author shape, else an inline numbered list or "Name said..." blocks after the body."""
    return (_numbered_thread(lines, start) or _said_thread(lines, start)
            or _inline_thread(lines, start) or _stamped_thread(lines, start))


def parse_any_thread(lines: list[str], first_line_number: int) -> list[Comment]:
    """Comments from a thread of any of the three shapes ``find_thread`` knows."""
    if any(_SAID.match(line) for line in lines[:1]):
        return _parse_headed(lines, first_line_number, _SAID, _STAMP)
    if any(_STAMPED_ENTRY.match(line) for line in lines):
        return _parse_headed(lines, first_line_number, _STAMPED_ENTRY, _WIDGET_LINE)
    if lines and _INLINE_ENTRY.match(lines[0]) and not _is_entry(lines[0]):
        return _parse_inline(lines)
    return parse_thread(lines, first_line_number)


def _said_thread(lines: list[str], start: int) -> tuple[int, int] | None:
    first = next((i for i in range(start, len(lines)) if _SAID.match(lines[i])), None)
    if first is None or not _has_body_above(lines, first):
        return None
    end = next((i for i in range(first, len(lines)) if _FORM.match(lines[i])), len(lines))
    return (first, end)


def _inline_thread(lines: list[str], start: int) -> tuple[int, int] | None:
    first = next((i for i in range(start, len(lines)) if _is_inline_entry(lines[i])), None)
    if first is None or not _has_body_above(lines, first):
        return None
    end = first + 1
    while end < len(lines):
        line = lines[end]
        if line.strip() and not line[:1].isspace():
            break
        end += 1
    return (first, end)


def _is_inline_entry(line: str) -> bool:
    match = _INLINE_ENTRY.match(line.rstrip())
    return match is not None and len(match["text"].split()) >= _INLINE_MIN_WORDS


# A discussion widget's entry: "Tom Reed · 2 years ago", "jdoe • 3 days ago".
_STAMPED_ENTRY = re.compile(r"^\s*(?P<author>\S.{0,40}?)\s*[·•|]\s*(?:\d+|an?)\s+(?:minutes?|hours?|days?|"
                            r"weeks?|months?|years?)\s+ago\s*$", re.I)
_WIDGET_LINE = re.compile(r"^\s*(?:reply|share ?›?|report|flag|like|upvote|downvote|see more|"
                          r"load more comments|show more replies|sort by \w+)\s*$", re.I)
_HEADER_REACH = 3


def _stamped_thread(lines: list[str], start: int) -> tuple[int, int] | None:
    """A discussion widget under the review: entries "Name · 2 years ago", from the comment
    count over them ("12 Comments", maybe a "Sort by Best" between) to the page's end."""
    first = next((i for i in range(start, len(lines)) if _STAMPED_ENTRY.match(lines[i])), None)
    if first is None or not _has_body_above(lines, first):
        return None
    shown = [i for i in range(max(start, first - 2 * _HEADER_REACH), first) if lines[i].strip()]
    header = next((i for i in reversed(shown[-_HEADER_REACH:]) if THREAD_HEADER.match(lines[i])), None)
    return (header if header is not None else first, len(lines))


def _has_body_above(lines: list[str], index: int) -> bool:
    """A thread follows the review: some long line above it is not indented."""
    return any(len(line.split()) >= _INLINE_MIN_WORDS and not line[:1].isspace()
               for line in lines[:index])


def _parse_inline(lines: list[str]) -> list[Comment]:
    comments: list[Comment] = []
    for line in lines:
        match = _INLINE_ENTRY.match(line.rstrip())
        if match:
            comments.append(Comment(int(match["number"]), None, normalize_line(match["text"]),
                                    (), (CommentPart("text", normalize_line(match["text"])),)))
        elif line.strip() and comments:
            last = comments[-1]
            text = f"{last.text}\n\n{normalize_line(line)}"
            comments[-1] = Comment(last.number, None, text, (), (CommentPart("text", text),))
    return comments


def _parse_headed(lines: list[str], first_line_number: int, entry: re.Pattern[str],
                  passed_over: re.Pattern[str]) -> list[Comment]:
    """Entries that open with a line naming their author (``entry``'s ``author``: "Jo said…",
    "Jo · 2 years ago"), then their paragraphs; lines ``passed_over`` are the widget's own."""
    raw: list[_RawComment] = []
    for offset, line in enumerate(lines):
        headed = entry.match(line)
        if headed:
            raw.append(_RawComment(len(raw) + 1, normalize_line(headed["author"]),
                                   first_line_number + offset, []))
        elif line.strip() and raw and not passed_over.match(line):
            raw[-1].paragraphs.append(normalize_line(line))
    comments: list[Comment] = []
    for found in raw:
        if found.paragraphs:
            comments.append(_comment(found, comments))
    return comments


def _numbered_thread(lines: list[str], start: int) -> tuple[int, int] | None:
    """The thread starts at its header, or at the first of two or more numbered entries; it ends
    before a line that is not indented, not blank and not an entry (a form, a footer). The
    header is the nearest over the entries with no paragraph between: a comment count in the
    page's header ("3 Comments" under the headline) does not make the review a thread."""
    first_entry = next((i for i in range(start, len(lines)) if _is_entry(lines[i])), None)
    if first_entry is None:
        return None
    header = next((i for i in range(first_entry - 1, start - 1, -1) if THREAD_HEADER.match(lines[i])),
                  None)
    if header is not None and _has_body_above(lines[header + 1:first_entry], first_entry - header - 1):
        header = None  # the review stands between the count and the entries
    if not any(line[:1].isspace() and line.strip() and not _is_entry(line)
               for line in lines[first_entry + 1:first_entry + 4]):
        return None  # entries without indented text under them are a list, not a thread
    if header is None and not _SAYS.search(lines[first_entry].rstrip()):
        entries = sum(1 for line in lines[first_entry:] if _is_entry(line))
        if entries < 2:
            return None
    end = first_entry + 1
    while end < len(lines):
        line = lines[end]
        if line.strip() and not line[:1].isspace() and not _is_entry(line):
            break
        end += 1
    return (header if header is not None else first_entry, end)


# A numbered item ending in a score ("2. Perfect 5.0", "3. Acting 4/5") is a scored aspect of the
# review, not a commenter: the text indented under it is the review's own.
_SCORED_ITEM = re.compile(r"\s\d{1,2}(?:\.\d)?(?:\s*/\s*\d{1,3})?$")


def _is_entry(line: str) -> bool:
    match = _ENTRY.match(line.rstrip())
    if not match:
        return False
    author = _SAYS.sub("", match["author"].strip())
    return (len(author.split()) <= 6 and not author.endswith((".", "!", "?", ":"))
            and not _SCORED_ITEM.search(author))


def parse_thread(lines: list[str], first_line_number: int) -> list[Comment]:
    """Comments from the thread's raw lines (indentation intact)."""
    raw: list[_RawComment] = []
    paragraph: list[str] = []

    def flush() -> None:
        if raw and paragraph:
            raw[-1].paragraphs.append(" ".join(paragraph))
        paragraph.clear()

    for offset, line in enumerate(lines):
        if _is_entry(line):
            flush()
            match = _ENTRY.match(line.rstrip())
            assert match is not None
            author = _SAYS.sub("", match["author"].strip())
            raw.append(_RawComment(int(match["number"]), normalize_line(author),
                                   first_line_number + offset, []))
        elif not line.strip():
            flush()
        elif raw:
            paragraph.append(normalize_line(line))
    flush()
    comments: list[Comment] = []
    for entry in raw:
        if entry.paragraphs:  # a numbered line with nothing under it is a list item, not a comment
            comments.append(_comment(entry, comments))
    return comments


def _comment(entry: _RawComment, earlier: list[Comment]) -> Comment:
    parts: list[CommentPart] = []
    for paragraph in entry.paragraphs:
        parts.extend(_split_tagged(paragraph, earlier))
    quotes = tuple(Quote(p.text, p.quotes_comment) for p in parts if p.kind == "quote")
    text = "\n\n".join(p.text for p in parts if p.kind == "text")
    return Comment(entry.number, entry.author or None, text, quotes, tuple(parts))


def _split_tagged(paragraph: str, earlier: list[Comment]) -> list[CommentPart]:
    parts: list[CommentPart] = []
    position = 0
    for match in _TAGGED_QUOTE.finditer(paragraph):
        before = paragraph[position : match.start()].strip()
        if before:
            parts.append(_untagged(before, earlier))
        quoted = match.group(2).strip()
        parts.append(CommentPart("quote", quoted, _source_of(quoted, earlier)))
        position = match.end()
    rest = paragraph[position:].strip()
    if rest:
        parts.append(_untagged(rest, earlier))
    return parts


def _untagged(text: str, earlier: list[Comment]) -> CommentPart:
    """A paragraph repeated word for word from an earlier comment is a quote of it."""
    if len(text.split()) >= _MIN_QUOTE_WORDS:
        source = _source_of(text, earlier)
        if source is not None:
            return CommentPart("quote", text, source)
    return CommentPart("text", text)


def _source_of(quoted: str, earlier: list[Comment]) -> int | None:
    """The most recent earlier comment whose own words contain ``quoted``."""
    key = fold(quoted)
    for comment in reversed(earlier):
        if key and key in fold(comment.text):
            return comment.number
    return None
