"""Saved HTML pages to the line-per-block text the corpus cleaner reads, plus page metadata.

Scripts, styles, navigation, forms and asides are dropped; block elements end lines; an
``<article>`` or ``<main>`` element, when present, narrows the text to it. Metadata comes from
``<title>``, ``<meta>`` tags and JSON-LD (schema.org Review / Article), and is only used to fill
what the text itself does not say.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

from nlmg_tui.corpus.hints import PageHints

_DROP = {"script", "style", "noscript", "svg", "nav", "form", "iframe", "button", "select",
         "template", "aside", "object", "canvas", "video", "audio", "figure"}
_BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4",
          "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "table", "tr", "dl", "dt", "dd",
          "br", "hr", "address", "figcaption", "time"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
         "track", "wbr"}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.drop_depth = 0
        self.blocks: list[list[str]] = [[]]
        self.article_blocks: list[list[str]] | None = None
        self.in_article = 0
        self.comment_lists: list[int] = []  # entry counters of open comment lists
        self.comment_entry_open = False
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self._json_ld_open = False
        self.has_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (attributes.get("name") or attributes.get("property") or "").lower()
            if key and attributes.get("content"):
                self.meta.setdefault(key, attributes["content"])
            return
        if tag == "script" and attributes.get("type", "").lower() == "application/ld+json":
            self._json_ld_open = True
            self.json_ld.append("")
        if tag == "h1":
            self.has_h1 = True
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._newline()
            return
        self.stack.append(tag)
        if tag in _DROP or (tag in ("header", "footer") and not self.in_article):
            self.drop_depth += 1
        if tag in ("article", "main"):
            self.in_article += 1
            if self.article_blocks is None:
                self.article_blocks = [[]]
        if tag in ("ol", "ul") and _is_comment_container(attributes):
            self.comment_lists.append(0)
            self.stack[-1] = tag + "#comments"
        if tag in _BLOCK:
            self._newline()
        if tag == "li" and self.comment_lists and not self.drop_depth:
            self.comment_lists[-1] += 1
            self._text(f"\x00{self.comment_lists[-1]}. ")
            self.comment_entry_open = True
        if tag == "blockquote" and not self.drop_depth:
            self._text("[quote]")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.stack and f"{tag}#comments" not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            self._close(open_tag)
            if open_tag.split("#")[0] == tag:
                break

    def _close(self, tag: str) -> None:
        if tag == "blockquote" and not self.drop_depth:
            self._text("[/quote]")
        if tag in _DROP or (tag in ("header", "footer") and not self.in_article):
            self.drop_depth = max(0, self.drop_depth - 1)
        if tag in ("article", "main"):
            self.in_article = max(0, self.in_article - 1)
        if tag.endswith("#comments") and self.comment_lists:
            self.comment_lists.pop()
            self._newline()
        if tag == "script":
            self._json_ld_open = False
        if tag in _BLOCK:
            self._newline()

    def handle_data(self, data: str) -> None:
        if self._json_ld_open:
            self.json_ld[-1] += data
            return
        if "title" in self.stack and "svg" not in self.stack:
            self.title.append(data)
            return
        if self.drop_depth:
            return
        self._text(data)

    def _keeps_article(self) -> bool:
        """Article text, and reader comments wherever the page puts them."""
        return self.article_blocks is not None and bool(self.in_article or self.comment_lists)

    def _text(self, data: str) -> None:
        self.blocks[-1].append(data)
        if self._keeps_article():
            self.article_blocks[-1].append(data)

    def _newline(self) -> None:
        # Inside a comment entry, every block after the author line is indented beneath it.
        start = ["\x01"] if self.comment_lists else []
        if self.blocks[-1] or not start:
            self.blocks.append(list(start))
            if self._keeps_article():
                self.article_blocks.append(list(start))


def html_to_text(html: str) -> tuple[str, PageHints]:
    """The page's readable text, one block per line with blank lines between, and its hints."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    chosen = parser.article_blocks if _has_text(parser.article_blocks) else parser.blocks
    lines = []
    for block in chosen or []:
        raw = "".join(block)
        text = " ".join(raw.replace("\x00", " ").replace("\x01", " ").split())
        if not text:
            continue
        if "\x00" in raw:  # a comment entry: "  N. Author"
            lines.append("  " + text)
        elif raw.startswith("\x01"):  # text inside a comment entry
            lines.append("    " + text)
        else:
            lines.append(text)
    hints = _hints(parser)
    if hints.headline and not parser.has_h1:
        lines.insert(0, hints.headline)
    return "\n\n".join(lines), hints


def _is_comment_container(attributes: dict[str, str]) -> bool:
    marker = f"{attributes.get('class', '')} {attributes.get('id', '')}".casefold()
    return "comment" in marker


def _has_text(blocks: list[list[str]] | None) -> bool:
    return bool(blocks) and sum(len("".join(b).split()) for b in blocks or []) >= 50


def _hints(parser: _Extractor) -> PageHints:
    meta = parser.meta
    hints = PageHints(
        headline=_first(meta.get("og:title"), " ".join("".join(parser.title).split()) or None),
        critic=_first(meta.get("author"), meta.get("article:author"), meta.get("byl")),
        outlet=meta.get("og:site_name"),
        published=_first(meta.get("article:published_time"), meta.get("date"),
                         meta.get("pubdate"), meta.get("publish-date")),
    )
    for raw in parser.json_ld:
        for item in _json_items(raw):
            _apply_json_ld(item, hints)
    if hints.critic and hints.critic.startswith(("http://", "https://")):
        hints.critic = None
    return hints


def _json_items(raw: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(raw)
    except ValueError:
        return []
    items = data if isinstance(data, list) else [data]
    out: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, dict):
            out.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                out.extend(i for i in graph if isinstance(i, dict))
    return out


def _apply_json_ld(item: dict[str, Any], hints: PageHints) -> None:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if not any(k in ("Review", "CriticReview", "NewsArticle", "Article", "BlogPosting") for k in kinds):
        return
    hints.headline = _first(_text(item.get("headline")), _text(item.get("name")), hints.headline)
    hints.critic = _first(_name(item.get("author")), hints.critic)
    hints.outlet = _first(_name(item.get("publisher")), hints.outlet)
    hints.published = _first(_text(item.get("datePublished")), hints.published)
    rating = item.get("reviewRating")
    if isinstance(rating, dict) and rating.get("ratingValue") is not None:
        best = rating.get("bestRating") or 5
        hints.rating_text = f"{rating['ratingValue']}/{best}"
    reviewed = item.get("itemReviewed")
    if isinstance(reviewed, dict):
        hints.film = _first(_text(reviewed.get("name")), hints.film)


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _text(value: Any) -> str | None:
    if isinstance(value, (str, int, float)) and str(value).strip():
        return " ".join(str(value).split())
    return None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)
