"""One saved file to one clean ``Review``: bounded read, strict-first decoding, format, cleaning.

The same ``clean_page`` builds the bundled corpus, so imported reviews look like bundled ones.
Every refusal is a ``NotTextError`` whose message is one plain sentence.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TypedDict

from nlmg_tui.corpus.clean import clean_page
from nlmg_tui.corpus.dates import find_date
from nlmg_tui.corpus.hints import PageHints
from nlmg_tui.corpus.models import Comment, Evidence, Review
from nlmg_tui.corpus.text import fold
from nlmg_tui.importer.decode import Decoded, NotTextError, decode_bytes
from nlmg_tui.importer.html_body import restore_main_text
from nlmg_tui.importer.html_text import HtmlPage, read_html
from nlmg_tui.importer.markdown_text import markdown_to_text
from nlmg_tui.textsafety import one_line, strip_unsafe

MAX_BYTES = 5 * 1024 * 1024
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
# A UTF-8 lead byte read as cp1252/latin-1 (Â..ï) followed by a continuation byte read the same
# way: the shape of mojibake, checked before ftfy is asked to look at a line.
_MOJIBAKE = re.compile("[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d"
                       "\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026"
                       "\u2030\u2039\u203a\u20ac\u2122]")


@dataclass(frozen=True)
class Corrections:
    """Fields the user sets by hand (``--film``, ``--critic``, ``--outlet``, ``--date``)."""

    film: str | None = None
    critic: str | None = None
    outlet: str | None = None
    date: str | None = None

    def as_record(self) -> dict[str, str]:
        """The fields set, as stored beside an import so a reclean applies them again."""
        return {name: value for name, value in asdict(self).items() if value}

    @classmethod
    def from_record(cls, record: dict[str, str]) -> Corrections:
        return cls(**{name: record.get(name) for name in ("film", "critic", "outlet", "date")})


@dataclass(frozen=True)
class Extracted:
    review: Review
    decoding: str
    page_format: str


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes, refusing anything that is not a regular file of at most ``limit`` bytes."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise NotTextError("the file does not exist (was it moved or deleted?)") from None
    except PermissionError:
        raise NotTextError("permission denied when reading the file") from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise NotTextError(f"it is {kind}, not a saved page")
    if info.st_size > limit:
        raise NotTextError(f"the file is {info.st_size:,} bytes; pages over {limit:,} bytes are refused")
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise NotTextError("the file disappeared before it could be read") from None
    except PermissionError:
        raise NotTextError("permission denied when reading the file") from None
    except OSError as error:
        raise NotTextError(f"the file could not be read ({error.strerror or error})") from None
    if len(data) > limit:
        raise NotTextError(f"the file grew past {limit:,} bytes while being read")
    return data


def page_format(name: str, text: str) -> str:
    suffix = Path(name).suffix.casefold()
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    head = text[:2000].lstrip().casefold()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    return "text"


def repair_mojibake(text: str) -> tuple[str, bool]:
    """UTF-8 that was once decoded as cp1252 or latin-1 ("â€œ"), repaired by ftfy line by line,
    so one garbled line is fixed without touching the page's good ones. Quotes stay curly."""
    lines = text.split("\n")
    repaired = False
    for index, line in enumerate(lines):
        if _MOJIBAKE.search(line):
            fixed = _ftfy_fix(line)
            repaired = repaired or fixed != line
            lines[index] = fixed
    return "\n".join(lines), repaired


def _ftfy_fix(line: str) -> str:
    import ftfy  # only importing pages needs it

    config = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
        fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
        remove_control_chars=False, normalization=None, explain=False)
    return ftfy.fix_text(line, config)


def extract(data: bytes, name: str, corrections: Corrections | None = None, *,
            declared_charset: str | None = None, review_id: str | None = None) -> Extracted:
    """Decode, convert and clean one page; refuse it with ``NotTextError`` if it holds no review.

    ``declared_charset`` is the charset a transport stated (HTTP ``Content-Type``);
    ``review_id`` overrides the id taken from the page's bytes (``source_id``)."""
    corrections = corrections or Corrections()
    decoded: Decoded = decode_bytes(data, declared_charset)
    text, repaired = repair_mojibake(decoded.text)  # before stripping: it holds C1 bytes
    text = unicodedata.normalize("NFC", strip_unsafe(text))  # "u" + combining diaeresis -> "ü"
    decoding = decoded.describe() + (", mojibake repaired" if repaired else "")
    kind = page_format(name, text)
    hints = PageHints()
    page: HtmlPage | None = None
    if kind == "html":
        page = read_html(text)
        text, hints = page.text, page.hints
    elif kind == "markdown":
        text, hints = markdown_to_text(text)
    review = clean_page(text, source=one_line(Path(name).name), film=corrections.film, hints=hints)
    if not review.paragraphs and review.comments:
        # everything was read as a comment thread: a page of nothing but comments has no
        # review, so the thread's shape was wrong; its text is the review (no text is lost)
        review = clean_page(text, source=one_line(Path(name).name), film=corrections.film,
                            hints=hints, cut_thread=False)
    if page is not None:
        review = _with_main_text(review, page)
    if not review.paragraphs:
        raise NotTextError("no review text was found in the page")
    review = _apply(review, corrections)
    return Extracted(replace(review, id=review_id or source_id(data)), decoding, kind)


def _with_main_text(review: Review, page: HtmlPage) -> Review:
    """Trafilatura's main text lines the cleaner set aside, and its unstructured comments."""
    review = restore_main_text(review, page.main_lines, page.hints.headline, page.page_chrome)
    if page.loose_comments and not review.comments:
        review = replace(review, comments=tuple(
            Comment(number, None, text) for number, text in enumerate(page.loose_comments, 1)))
    return review


def source_id(data: bytes) -> str:
    """An imported review's id, from the page's bytes: the same file imported twice is
    recognised, and a better cleaner (``imports reclean``) does not change the id."""
    return f"imp-{hashlib.sha1(data).hexdigest()[:12]}"


def body_id(review: Review) -> str:
    """A hash of the cleaned body: how a bundled review imported again is recognised (and the
    id imports had before the raw page was kept)."""
    digest = hashlib.sha1("\n".join(fold(p.text) for p in review.paragraphs).encode()).hexdigest()
    return f"imp-{digest[:12]}"


def apply_corrections(review: Review, corrections: Corrections) -> Review:
    """``review`` with the fields the user set by hand (the app's import dialog)."""
    return _apply(review, corrections)


class _HandSetFields(TypedDict, total=False):
    """The ``Review`` fields a correction can set."""

    critic: str
    outlet: str
    published: str
    film: str


def _apply(review: Review, corrections: Corrections) -> Review:
    evidence = dict(review.evidence)
    changes: _HandSetFields = {}
    if corrections.critic:
        changes["critic"] = one_line(corrections.critic)
        evidence["critic"] = Evidence(0, "set by hand")
    if corrections.outlet:
        changes["outlet"] = one_line(corrections.outlet)
        evidence["outlet"] = Evidence(0, "set by hand")
    if corrections.date:
        found = find_date(corrections.date)
        if found is None:
            raise NotTextError(f"--date {one_line(corrections.date)!r} is not a date (try 2011-06-21)")
        changes["published"] = found.iso
        evidence["published"] = Evidence(0, "set by hand")
    if corrections.film:
        changes["film"] = one_line(corrections.film)
    return replace(review, evidence=evidence, **changes) if changes else review
