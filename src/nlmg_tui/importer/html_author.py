"""Who wrote an HTML page: trafilatura's author, put right against the page's own markup.

Trafilatura finds most authors, but it rewrites what it finds: "Logan C. Ritchie" becomes
"Logan C Ritchie", a user name "gizzmo" becomes "Gizzmo", "Herr_Rein" becomes "Herr Rein", and a
byline "By Jo Marsh and Ed Vale" becomes "Jo Marsh; Ed Vale". It also takes the outlet for an
author ("Jo Marsh; The Evening Lamp") and misses the byline inside any element whose class
names a category (every WordPress post carries ``category-<slug>``). So:

1. each part of trafilatura's author is given back the page's own spelling (the text that,
   normalised as trafilatura does, gives that part); parts joined on the page by "and"/"und"/"&"
   keep the page's wording;
2. parts that only name the outlet (the site's name, publisher or host), a comment's author
   ("Name says") or another part's initials are set aside;
3. with no person left: a person named in the page's meta tags, then a byline element
   (``rel="author"``, class ``author``/``byline``/``fn``, ``itemprop="author"``), then a block
   that is only a byline line ("von Jo Marsh", "Par Jo Marsh", "Autor: Jo Marsh"), outside
   comments, sidebars and footers; an outlet's name only when nothing names a person;
4. a first name alone ("Nils") becomes the full name the author's bio opens with.

Names are cleaned of "By"/"Von"/"Autor:", anything after a separator or a date, and a news
agency after the writer ("Jo Marsh, dpa").
"""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter
from collections.abc import Iterable
from urllib.parse import urlsplit

from nlmg_tui.corpus.dates import find_date

# What trafilatura's normalize_authors removes or turns into spaces.
_TRAFILATURA_SPACE = re.compile(r"[._+]")
_TRAFILATURA_SPECIAL = re.compile(r"[^\w]+$|[:()?*$#!%/<>{}~¿]")
_SEPARATOR = r"[\s._+:()?*$#!%/<>{}~¿]+"
_JOIN_WORDS = r"\s*(?:\band\b|\bund\b|\bet\b|&)\s*"
_PREFIX = re.compile(
    r"^(?:(?:written|posted|published|geschrieben|verfasst|veröffentlicht|publié)\s+)?"
    r"(?:by|von|vom|par|por|door)\b\s*:?\s*|"
    r"^(?:autor|autorin|author|auteur|autore|reporter|text|words|interview|story)\s*:\s*",
    re.I)
# A news agency credited after the writer: "Jo Marsh, dpa", "Jo Marsh/AFP".
_AGENCY = re.compile(r"\s*[,/]\s*(?:dpa|afp|ap|reuters|apa|kna|epd|sid|ansa|efe|sda|ats)\b.*$", re.I)
_SAYS = re.compile(r"\s(?:says|said|sagt|schreibt|wrote)\s*:?$", re.I)
_CUT = re.compile(r"\s*(?:[|·•]|\s[-–—]\s|\bam\s+\d|\bon\s+\d|\d{1,2}[./]\d{1,2}[./]\d{2,4}).*$")
_NOT_A_NAME = re.compile(
    r"^(?:\w*admin|administrator|author|autor|guest|anonymous|unknown|null|none|weiter|more|mehr|"
    r"read more|weitere artikel|view all posts|all posts)$", re.I)
_PERSON_META = ("parsely-author", "cxenseparse:author", "sailthru.author", "dc.creator",
                "author", "article:author", "byl")
_WRITTEN_BY = re.compile(r"^(?:written by|verfasst von|geschrieben von|écrit par|autor|author)$",
                         re.I)
_BYLINE_CLASSES = {"author", "byline", "fn", "author-name", "authorname", "entry-author",
                   "post-author", "byline-author", "article-author", "author-link"}
_OUT_OF_ARTICLE = re.compile(r"comment|sidebar|widget|related|recent|popular|footer|respond")
_OUT_OF_ARTICLE_TAGS = {"aside", "footer", "nav", "form"}
# A block that holds only a byline, in the languages the pages come in: "von Jo Marsh",
# "Text von Jo Marsh", "Par Jo Marsh", "Autor: Jo Marsh (editor)", "Autor: Jo Marsh/Agency".
_LINE_TAGS = {"p", "span", "div", "em", "i", "b", "strong", "small", "li", "h4", "h5", "h6",
              "address", "dd"}
_LINE_NAME = (r"(?P<name>[A-ZÀ-Þ][\w'’.-]+(?:\s+(?:[A-ZÀ-Þ][\w'’.-]+|von|van|de|der|den|du|"
              r"da|di|del|la|le|zu)){0,3})")
_BYLINE_LINE = re.compile(
    r"^(?i:(?:(?:text|written|posted|geschrieben|verfasst|ein beitrag|article)\s+)?"
    r"(?:by|von|par|por|door)\s+|(?:autor|autorin|author|auteur|autore|redaktion|text|reporter)"
    r"\s*:\s*)" + _LINE_NAME
    + r"(?:\s*\([^)]{1,60}\)|\s*/\s*[\w.-]{1,20}|,\s*[^,]{2,60})?$")
_MAX_LINE_WORDS = 12
_MAX_WORDS = 6
_TAG = re.compile(r"<[^>]*>")
_BIO_OPENING = (r"(?= (?:ist|is|was|war|hat|has|lebt|lives|schreibt|writes|arbeitet|works|"
                r"studiert|studies)\b| [-–—] )")


def trafilatura_key(text: str) -> str:
    """``text`` as trafilatura's normalize_authors writes a name: dots, underscores and plus
    signs as spaces, special characters gone, title case when it starts in lower case."""
    text = " ".join(_TRAFILATURA_SPECIAL.sub("", _TRAFILATURA_SPACE.sub(" ", text)).split())
    return text.title() if text and not text[0].isupper() else text


def _fold(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def page_spelling(part: str, *page_texts: str) -> str:
    """The page's own spelling of a name trafilatura rewrote (the form the page uses most
    often among those trafilatura would write as ``part``), or ``part`` unchanged."""
    words = part.split()
    if not words:
        return part
    # Not inside an address, a file name or an e-mail ("/author/jo-marsh", "jo.marsh@…").
    pattern = (r"(?<![\w./@=#?&-])" + _SEPARATOR.join(re.escape(word) for word in words)
               + r"(?:(?<=\b[A-Za-z])\.|(?<=\b[JS]r)\.)?(?![\w/@-])(?!\.\w)")
    found = Counter(match.group(0) for text in page_texts
                    for match in re.finditer(pattern, text, re.I)
                    if trafilatura_key(match.group(0)) == part)
    if part in found:  # the page also writes it so: only another punctuation may win, not a
        # lower-case login ("jo.marsh") over the display name ("Jo Marsh")
        found = Counter({form: count for form, count in found.items()
                         if _letters(form) == _letters(part)})
    return max(found, key=lambda form: (found[form], form == part)) if found else part


def full_name(part: str, page_text: str) -> str:
    """A first name alone ("Nils") as the full name the author's bio opens with ("Nils Doe is
    a freelance writer", "Nils Doe - engineer and rider"), when the page gives exactly one."""
    if " " in part or not part[:1].isupper() or not part.isalpha():
        return part
    surnames = {match["surname"] for match in re.finditer(
        r"(?<![\w.])" + re.escape(part) + r" (?P<surname>[A-ZÀ-Þ][\w'’-]+)" + _BIO_OPENING, page_text)}
    return f"{part} {surnames.pop()}" if len(surnames) == 1 else part


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def joined_as_on_page(parts: list[str], page_text: str) -> str | None:
    """Two or more names as the page joins them in one byline ("Jo Marsh and Ed Vale")."""
    pattern = r"(?<!\w)" + _JOIN_WORDS.join(re.escape(part) for part in parts) + r"(?!\w)"
    match = re.search(pattern, page_text)
    if match is None or ";" in match.group(0) or "," in match.group(0):
        return None
    return " ".join(match.group(0).split())


def clean_name(text: str) -> str | None:
    """A byline element's text as a name: no "By"/"Von"/"Autor:", nothing after a separator
    or a date; None for a generic word, a date or a sentence."""
    text = " ".join(text.split()).strip(" '\"‘’“”|·•-–—")
    text = _PREFIX.sub("", text)
    text = _AGENCY.sub("", _CUT.sub("", text)).strip(" ,;:|")
    words = text.split()
    if not words or len(words) > _MAX_WORDS or _NOT_A_NAME.match(text) or _SAYS.search(text):
        return None
    if find_date(text) is not None or text.startswith(("http://", "https://")) or "@" in text:
        return None
    if len(words) > 1 and any(ch.isdigit() for ch in text):
        return None
    return text if any(ch.isalpha() for ch in text) else None


def outlet_keys(name: str) -> set[str]:
    """The forms an outlet's name is compared in: "www.l-mag.de" as "lmagde" and "lmag";
    "HSS - Hanns-Seidel-Stiftung e.V." as itself and as each side of the dash."""
    name = name.strip().removeprefix("www.").lstrip("@")
    forms = [name, *re.split(r"\s+[-–—|:]\s+", name)]
    if re.fullmatch(r"[\w.-]+\.[a-z]{2,6}", name):  # a host name
        forms.append(name.rsplit(".", 1)[0])
    return {_fold(form) for form in forms if _fold(form)}


def _is_initials(part: str, others: Iterable[str]) -> bool:
    letters = part.replace(".", "").replace(" ", "")
    return 1 < len(letters) <= 4 and letters.isupper() and any(
        "".join(word[0] for word in other.split() if word[:1].isalpha()).upper() == letters
        for other in others if other != part)


class PageAuthors:
    """The page's markup, read once for everything the author choice needs."""

    def __init__(self, html: str) -> None:
        self.text = html_lib.unescape(html)
        # the page's text with its tags as spaces: "<a>Jo Marsh</a> <span>and</span> <a>Ed Vale"
        self.visible = " ".join(html_lib.unescape(_TAG.sub(" ", html)).split())
        self.meta: dict[str, str] = {}
        self.outlets: set[str] = set()
        self.bylines: list[str] = []
        self.byline_lines: list[str] = []
        self._read(html)

    def _read(self, html: str) -> None:
        try:
            import lxml.html  # installed with trafilatura; imported only on the import path

            tree = lxml.html.document_fromstring(html)
        except Exception:  # a page lxml cannot parse: trafilatura's author stands alone
            return
        labels: dict[str, str] = {}
        for meta in tree.iter("meta"):
            key = (meta.get("name") or meta.get("property") or "").strip().casefold()
            content = " ".join((meta.get("content") or "").split())
            if key and content:
                self.meta.setdefault(key, content)
                labels[key] = content
        for number in ("1", "2"):  # Yoast's "Written by" label and its value
            if _WRITTEN_BY.match(labels.get(f"twitter:label{number}", "")):
                self.meta.setdefault("written by", labels.get(f"twitter:data{number}", ""))
        self._read_outlets(tree)
        self.bylines, self.byline_lines = _byline_texts(tree)

    def _read_outlets(self, tree) -> None:
        names = [self.meta.get(k, "") for k in ("og:site_name", "application-name", "publisher",
                                                 "twitter:site")]
        for key in ("og:url",):
            names.append(urlsplit(self.meta.get(key, "")).hostname or "")
        for link in tree.iter("link"):
            if (link.get("rel") or "").casefold() == "canonical":
                names.append(urlsplit(link.get("href") or "").hostname or "")
        for name in names:
            self.outlets.update(outlet_keys(name))

    def is_outlet(self, name: str) -> bool:
        return _fold(name) in self.outlets

    def person_from_markup(self) -> str | None:
        """A person the meta tags name, then a byline element; an outlet's name (a blog named
        after its writer) only when no other name is found."""
        metas = [self.meta.get(key, "") for key in (*_PERSON_META[:4], "written by",
                                                    *_PERSON_META[4:])]
        raws = [*metas, *self.bylines, *self.byline_lines]
        names = [name for name in map(clean_name, filter(None, raws)) if name]
        return next((name for name in names if not self.is_outlet(name)), None) or (
            names[0] if names else None)


def _byline_texts(tree) -> tuple[list[str], list[str]]:
    """Texts of byline elements (by their markup) and of blocks that are only a byline line
    ("von Jo Marsh", "Par Jo Marsh", "Autor: Jo Marsh"), outside comments and sidebars."""
    marked: list[str] = []
    lines: list[str] = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        classes = set((element.get("class") or "").casefold().split())
        is_marked = (element.get("rel", "").casefold() == "author" or classes & _BYLINE_CLASSES
                     or element.tag == "byline"
                     or "author" in (element.get("itemprop") or "").casefold())
        if not is_marked and element.tag not in _LINE_TAGS:
            continue
        text = element.text_content() if is_marked else _short_text(element)
        text = " ".join((text or "").split())
        line = None if is_marked or len(text.split()) > _MAX_LINE_WORDS else \
            _BYLINE_LINE.match(text.lstrip("-–—|·• "))
        if not (is_marked or line) or any(map(_outside_article, element.iterancestors())) \
                or (line and _outside_article(element)):
            continue
        if is_marked:
            marked.append(text)
        elif line is not None:
            lines.append(line["name"])
    return marked, lines


def _short_text(element, limit: int = 300) -> str | None:
    """The element's text, or None past ``limit`` characters (so that a page's nested
    containers are not each read in full)."""
    pieces: list[str] = []
    size = 0
    for piece in element.itertext():
        size += len(piece)
        if size > limit:
            return None
        pieces.append(piece)
    return "".join(pieces)


def _outside_article(element) -> bool:
    if element.tag in _OUT_OF_ARTICLE_TAGS:
        return True
    marker = f"{element.get('class') or ''} {element.get('id') or ''}".casefold()
    return bool(_OUT_OF_ARTICLE.search(marker))


_PARTS = re.compile(r"\s*[;|]\s*")


def author_parts(author: str | None) -> list[str]:
    """Trafilatura's author as names: "Marta Villanueva; March 9" (from "By Marta Villanueva |
    March 9, 2012") is ["Marta Villanueva"]; dates, "Name says" and generic words go."""
    return [name for name in (clean_name(part) for part in _PARTS.split(author or "")) if name]


def choose_author(trafilatura_author: str | None, html: str, fallback: str | None = None,
                  outlets: Iterable[str | None] = ()) -> str | None:
    """The page's author: trafilatura's, in the page's spelling and without outlets, or a person
    the markup names; an outlet's name only when nothing names a person. ``outlets``: names the
    page goes by that were found elsewhere (JSON-LD publisher, trafilatura's site name)."""
    page = PageAuthors(html)
    for name in outlets:
        page.outlets.update(outlet_keys(name or ""))
    parts = [clean_name(page_spelling(part, page.text, page.visible)) or part
             for part in author_parts(trafilatura_author)]
    parts = [full_name(part, page.visible) for part in parts]
    people = [part for part in parts
              if not page.is_outlet(part) and not _is_initials(part, parts)]
    if len(people) > 1:
        return joined_as_on_page(people, page.visible) or "; ".join(people)
    if people:
        return people[0]
    fallback_name = clean_name(fallback) if fallback else None
    if fallback_name and not page.is_outlet(fallback_name):
        return fallback_name
    return page.person_from_markup() or (parts[0] if parts else fallback_name)
