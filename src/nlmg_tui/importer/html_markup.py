"""What trafilatura does not give us from a page's markup, read with the standard library.

- page metadata: ``<title>``, ``<meta>`` tags and schema.org JSON-LD (``Review``, ``Article``:
  author, datePublished, ``reviewRating``, ``itemReviewed``);
- reader-comment lists (``<ol class="comment…">``) as a numbered thread;
- the page as line-per-block text, used only when trafilatura finds no main text (tiny or odd
  pages): scripts, styles, navigation, forms and asides dropped, ``<article>``/``<main>`` kept
  when they hold enough text.
"""

from __future__ import annotations

import json
import re
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
_REVIEW_TYPES = {"Review", "CriticReview", "NewsArticle", "Article", "BlogPosting"}
_ENTRY_MARK = "\x00"  # starts a comment entry's first block
_INSIDE_MARK = "\x01"  # starts a later block inside a comment entry
_BARE_NUMBER = re.compile(r"\d+\.")  # an entry line with nothing after its number


class PageMarkup(HTMLParser):
    """One pass over the page: metadata, JSON-LD, comment threads and fallback text blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.drop_depth = 0
        self.blocks: list[list[str]] = [[]]
        self.article_blocks: list[list[str]] | None = None
        self.thread_blocks: list[list[str]] = [[]]
        self.dropped_blocks: list[list[str]] = [[]]  # navigation, headers, footers, asides, forms
        self.in_article = 0
        self.comment_lists: list[int] = []  # entry counters of open comment lists
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self.json_ld_open = False
        self.has_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(attributes)
        elif tag in _VOID:
            if tag in ("br", "hr"):
                self._newline()
        else:
            self._open(tag, attributes)

    def _meta(self, attributes: dict[str, str]) -> None:
        key = (attributes.get("name") or attributes.get("property") or "").lower()
        if key and attributes.get("content"):
            self.meta.setdefault(key, attributes["content"])

    def _open(self, tag: str, attributes: dict[str, str]) -> None:
        self.has_h1 = self.has_h1 or tag == "h1"
        if tag == "script" and attributes.get("type", "").lower() == "application/ld+json":
            self.json_ld_open = True
            self.json_ld.append("")
        self.stack.append(tag)
        if _drops(tag, self.in_article):
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
        if self.drop_depth:
            return
        if tag == "li" and self.comment_lists:
            self.comment_lists[-1] += 1
            self._text(f"{_ENTRY_MARK}{self.comment_lists[-1]}. ")
        elif tag == "blockquote":
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
        if _drops(tag, self.in_article):
            self.drop_depth = max(0, self.drop_depth - 1)
        if tag in ("article", "main"):
            self.in_article = max(0, self.in_article - 1)
        if tag.endswith("#comments") and self.comment_lists:
            self.comment_lists.pop()
            self._newline()
        if tag == "script":
            self.json_ld_open = False
        if tag in _BLOCK:
            self._newline()

    def handle_data(self, data: str) -> None:
        if self.json_ld_open:
            self.json_ld[-1] += data
        elif "title" in self.stack and "svg" not in self.stack:
            self.title.append(data)
        elif not self.drop_depth:
            self._text(data)
        elif self.stack and self.stack[-1] not in ("script", "style", "template"):
            self.dropped_blocks[-1].append(data)

    def _targets(self) -> list[list[list[str]]]:
        targets = [self.blocks]
        if self.article_blocks is not None and (self.in_article or self.comment_lists):
            targets.append(self.article_blocks)  # article text, and comments wherever they are
        if self.comment_lists:
            targets.append(self.thread_blocks)
        return targets

    def _text(self, data: str) -> None:
        for blocks in self._targets():
            blocks[-1].append(data)

    def _newline(self) -> None:
        # Inside a comment entry, every block after the author line is indented beneath it.
        start = [_INSIDE_MARK] if self.comment_lists else []
        if self.dropped_blocks[-1]:
            self.dropped_blocks.append([])
        for blocks in self._targets():
            if blocks[-1] or not start:
                blocks.append(list(start))


def _drops(tag: str, in_article: int) -> bool:
    return tag in _DROP or (tag in ("header", "footer") and not in_article)


# "<![" not opening a marked section ("<![CDATA[", "<![if ...]>"): html.parser raises an
# AssertionError on it, so it is read as text.
_BOGUS_MARKED_SECTION = re.compile(r"<!\[(?![A-Za-z])")


def read_markup(html: str) -> PageMarkup:
    parser = PageMarkup()
    parser.feed(_BOGUS_MARKED_SECTION.sub("&lt;![", html))
    parser.close()
    return parser


def block_lines(blocks: list[list[str]] | None) -> list[str]:
    """Blocks as text lines; comment entries as "  N. Author" with their text indented below.

    An entry whose author sits in a block of its own (``<li><article><div class="comment-author">``,
    the usual WordPress shape) opens with a bare number: the author's block is joined to it,
    or the thread is not recognised and its comments are read as the article's text."""
    lines: list[str] = []
    bare_entry = False
    for block in blocks or []:
        raw = "".join(block)
        text = " ".join(raw.replace(_ENTRY_MARK, " ").replace(_INSIDE_MARK, " ").split())
        if not text:
            continue
        if bare_entry and raw.startswith(_INSIDE_MARK):
            lines[-1] = f"{lines[-1]} {text}"
        elif _ENTRY_MARK in raw:
            lines.append("  " + text)
        elif raw.startswith(_INSIDE_MARK):
            lines.append("    " + text)
        else:
            lines.append(text)
        bare_entry = _ENTRY_MARK in raw and _BARE_NUMBER.fullmatch(text) is not None
    return lines


def fallback_lines(markup: PageMarkup) -> list[str]:
    """The page's own text, narrowed to ``<article>``/``<main>`` when they hold 50+ words."""
    article = markup.article_blocks
    has_article = bool(article) and sum(len("".join(b).split()) for b in article or []) >= 50
    return block_lines(article if has_article else markup.blocks)


def thread_lines(markup: PageMarkup) -> list[str]:
    """The page's ``<ol class="comment…">`` threads in the cleaner's thread shape."""
    return block_lines(markup.thread_blocks)


def dropped_texts(markup: PageMarkup) -> list[str]:
    """Text the page keeps in navigation, headers, footers, asides and forms."""
    return [" ".join("".join(block).split()) for block in markup.dropped_blocks if "".join(block).strip()]


def _is_comment_container(attributes: dict[str, str]) -> bool:
    marker = f"{attributes.get('class', '')} {attributes.get('id', '')}".casefold()
    return "comment" in marker


def markup_hints(markup: PageMarkup) -> PageHints:
    meta = markup.meta
    hints = PageHints(
        headline=_first(meta.get("og:title"), " ".join("".join(markup.title).split()) or None),
        critic=_first(meta.get("author"), meta.get("article:author"), meta.get("byl")),
        outlet=meta.get("og:site_name"),
        published=_first(meta.get("article:published_time"), meta.get("date"),
                         meta.get("pubdate"), meta.get("publish-date")),
    )
    for raw in markup.json_ld:
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
    if not any(isinstance(k, str) and k in _REVIEW_TYPES for k in kinds):
        return
    hints.headline = _first(_plain(item.get("headline")), _plain(item.get("name")), hints.headline)
    hints.critic = _first(_name(item.get("author")), hints.critic)
    hints.outlet = _first(_name(item.get("publisher")), hints.outlet)
    hints.published = _first(_plain(item.get("datePublished")), hints.published)
    rating = item.get("reviewRating")
    if isinstance(rating, dict) and rating.get("ratingValue") is not None:
        best = rating.get("bestRating") or 5
        hints.rating_text = f"{rating['ratingValue']}/{best}"
    reviewed = item.get("itemReviewed")
    if isinstance(reviewed, dict):
        hints.film = _first(_plain(reviewed.get("name")), hints.film)


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _plain(value.get("name"))
    return _plain(value)


def _plain(value: Any) -> str | None:
    if isinstance(value, (str, int, float)) and str(value).strip():
        return " ".join(str(value).split())
    return None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)
