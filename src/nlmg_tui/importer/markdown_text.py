"""Markdown to the plain lines the corpus cleaner reads, with front-matter hints.

markdown-it-py (installed with rich) parses the page, so setext headings, numbered lists,
``_`` inside words (``snake_case``) and backslash escapes read as CommonMark says. Each block
(heading, paragraph, list item, quote, table row) becomes one line, with a blank line between.
Code blocks and images are dropped; links keep their text.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from nlmg_tui.corpus.hints import PageHints

_FRONT_MATTER = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*\n", re.S)
_FRONT_MATTER_FIELDS = {
    "title": "headline", "author": "critic", "critic": "critic", "by": "critic",
    "date": "published", "published": "published", "outlet": "outlet", "publication": "outlet",
    "site": "outlet", "rating": "rating_text", "film": "film",
}
_INLINE_TEXT = {"text", "code_inline"}
_INLINE_SPACE = {"softbreak", "hardbreak"}


def markdown_to_text(markdown: str) -> tuple[str, PageHints]:
    hints, body = front_matter(markdown)
    parser = MarkdownIt("commonmark").enable("table")
    lines = _block_lines(parser.parse(body))
    return "\n\n".join(lines), hints


def front_matter(markdown: str) -> tuple[PageHints, str]:
    """Hints from a leading ``---`` block of ``key: value`` lines, and the text after it."""
    hints = PageHints()
    match = _FRONT_MATTER.match(markdown)
    if not match:
        return hints, markdown
    for line in match["body"].splitlines():
        key, _, value = line.partition(":")
        field = _FRONT_MATTER_FIELDS.get(key.strip().casefold())
        value = value.strip().strip("\"'")
        if field and value:
            setattr(hints, field, value)
    return hints, markdown[match.end():]


def _block_lines(tokens: list[Token]) -> list[str]:
    """One line per inline run; an ordered list item's first line keeps its number ("2. ")."""
    lines: list[str] = []
    number = ""  # the number of an ordered list item whose first line is still to come
    row: list[str] | None = None
    for token in tokens:
        if token.type == "list_item_open":
            number = f"{token.info}{token.markup} " if token.info else ""
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            lines.append(" | ".join(cell for cell in row if cell))
            row = None
        elif token.type == "inline":
            text = _inline_text(token.children or [])
            if row is not None:
                row.append(text)
            elif text:
                lines.append(number + text)
                number = ""
    return [line for line in lines if line]


def _inline_text(children: list[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in _INLINE_TEXT:
            parts.append(child.content)
        elif child.type in _INLINE_SPACE:
            parts.append(" ")
    return " ".join("".join(parts).split())
