"""Markdown to the plain lines the corpus cleaner reads, with front-matter hints."""

from __future__ import annotations

import re

from nlmg_tui.corpus.hints import PageHints

_FRONT_MATTER = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*\n", re.S)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(?P<text>.+?)(?<=\S)\1")
_HEADING = re.compile(r"^#{1,6}\s+")
_BULLET = re.compile(r"^\s*[-*+]\s+")


def markdown_to_text(markdown: str) -> tuple[str, PageHints]:
    hints = PageHints()
    match = _FRONT_MATTER.match(markdown)
    if match:
        for line in match["body"].splitlines():
            key, _, value = line.partition(":")
            value = value.strip().strip("\"'")
            key = key.strip().casefold()
            if not value:
                continue
            if key == "title":
                hints.headline = value
            elif key in ("author", "critic", "by"):
                hints.critic = value
            elif key in ("date", "published"):
                hints.published = value
            elif key in ("outlet", "publication", "site"):
                hints.outlet = value
            elif key == "rating":
                hints.rating_text = value
            elif key == "film":
                hints.film = value
        markdown = markdown[match.end():]
    lines: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            lines.append(" ".join(paragraph))
            paragraph.clear()

    in_code = False
    for raw in markdown.splitlines():
        if raw.strip().startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        if not raw.strip():
            flush()
            lines.append("")
            continue
        standalone = bool(_HEADING.match(raw) or _BULLET.match(raw))
        line = _IMAGE.sub("", raw)
        line = _LINK.sub(lambda m: m["text"], line)
        line = _HEADING.sub("", line)
        if line.lstrip().startswith(">"):
            line = line.lstrip()[1:].lstrip()
        line = _BULLET.sub("", line)
        line = _EMPHASIS.sub(lambda m: m["text"], line).strip()
        if standalone:
            flush()
            lines.append(line)
        elif line:
            paragraph.append(line)
    flush()
    return "\n".join(lines), hints
