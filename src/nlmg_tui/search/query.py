"""The query language, parsed into plain data. Nothing here is ever compiled into a regex.

    word          typo-tolerant word, in any order with the others
    "two words"   exact phrase (an unclosed quote runs to the end: handy while typing)
    'exact        literal text, also inside words, no typos
    ^pre          words starting with "pre", no typos
    -word !word   leave out texts containing the word (also -"a phrase")
    critic:hanke  outlet:xpress  review:002  in:comments|quotes|paragraphs|critic|outlet|headline

The query is cleaned of control characters, capped at ``MAX_QUERY_LENGTH`` characters and
folded like the documents (see ``normalize``). Notes tell the user what was ignored or cut.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nlmg_tui.search.documents import FIELD_GROUPS
from nlmg_tui.search.folding import normalize, tokenize
from nlmg_tui.textsafety import one_line, strip_unsafe

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
FILTER_NAMES = ("critic", "outlet", "review", "in")


@dataclass(frozen=True, slots=True)
class Term:
    """One thing to look for.

    ``kind`` is ``word`` (typos allowed), ``prefix`` (``^``), ``exact`` (``'``) or ``phrase``.
    ``words`` are the folded words of ``text``. ``open_end`` marks the word still being typed
    (the query's last, with no space after it): its completions count too.
    """

    kind: str
    text: str
    words: tuple[str, ...]
    negated: bool = False
    open_end: bool = False


@dataclass(frozen=True, slots=True)
class Filter:
    """``critic:``, ``outlet:``, ``review:`` or ``in:`` with its folded value."""

    name: str
    value: str
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    """A parsed query; ``text`` is the cleaned, capped query that was parsed."""

    text: str
    terms: tuple[Term, ...] = ()
    filters: tuple[Filter, ...] = ()
    fields: frozenset[str] | None = None
    truncated: bool = False
    notes: tuple[str, ...] = field(default=())

    @property
    def positive_terms(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if not t.negated)

    @property
    def negative_terms(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.negated)

    @property
    def is_empty(self) -> bool:
        """Nothing to look for and nothing to filter by."""
        return not self.positive_terms and not self.filters and self.fields is None


def clean_query(raw: str, max_length: int = MAX_QUERY_LENGTH) -> tuple[str, bool]:
    """Strip control characters, fold newlines and tabs to spaces, cap the length."""
    text = strip_unsafe(raw).replace("\n", " ").replace("\t", " ")
    if len(text) > max_length:
        return text[:max_length], True
    return text, False


def _split(text: str) -> list[tuple[str, bool]]:
    """Split folded query text into chunks; quoted chunks keep their quotes.

    Returns ``(chunk, closed)`` pairs; ``closed`` is False for an unclosed quote.
    """
    chunks: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == " ":
            i += 1
            continue
        start = i
        # A leading sign or a field name may come before a quote: -"x y", critic:"ken hanke".
        while i < n and text[i] not in ' "':
            i += 1
        bare = text[start:i].lstrip("-!")
        if i < n and text[i] == '"' and (
            not bare or bare.endswith(":") and bare[:-1] in FILTER_NAMES
        ):
            close = text.find('"', i + 1)
            if close == -1:
                chunks.append((text[start:], False))
                break
            chunks.append((text[start:close + 1], True))
            i = close + 1
            continue
        while i < n and text[i] != " ":
            i += 1
        chunks.append((text[start:i], True))
    return chunks


def parse_query(raw: str, max_length: int = MAX_QUERY_LENGTH) -> ParsedQuery:
    """Parse what the user typed. Never raises; anything odd becomes a note or is ignored."""
    cleaned, truncated = clean_query(raw, max_length)
    typing = bool(cleaned) and not cleaned[-1].isspace()
    chunks = _split(normalize(cleaned))
    parts = _QueryParts()
    if truncated:
        parts.notes.append(f"The query was cut to its first {max_length} characters.")
    for index, (chunk, closed) in enumerate(chunks):
        negated = chunk[:1] in ("-", "!") and len(chunk) > 1
        body = chunk[1:] if negated else chunk
        if not parts.add_filter(body, negated):
            open_end = index == len(chunks) - 1 and typing
            parts.add_terms(body, negated, open_end, closed)
    parts.limit_terms()
    return ParsedQuery(
        text=cleaned,
        terms=tuple(parts.terms),
        filters=tuple(parts.filters),
        fields=parts.fields,
        truncated=truncated,
        notes=tuple(parts.notes),
    )


class _QueryParts:
    """What ``parse_query`` gathers, chunk by chunk: one method per kind of chunk."""

    def __init__(self) -> None:
        self.terms: list[Term] = []
        self.filters: list[Filter] = []
        self.fields: frozenset[str] | None = None
        self.notes: list[str] = []

    def add_filter(self, body: str, negated: bool) -> bool:
        """Take ``name:value`` (a filter, or ``in:`` a field group); False if it is not one."""
        name, colon, value = body.partition(":")
        if not colon or name not in FILTER_NAMES:
            return False
        value = value.strip('"').strip()
        if not value:
            return True  # "critic:" while the value is still being typed
        if name != "in":
            self.filters.append(Filter(name, value, negated))
            return True
        group = FIELD_GROUPS.get(value)
        if group is None:
            self.notes.append(f"Unknown field in:{one_line(value)}; use one of "
                              "comments, quotes, paragraphs, critic, outlet, headline.")
        elif negated:
            self.filters.append(Filter("in", value, negated=True))
        else:
            self.fields = group if self.fields is None else self.fields & group
        return True

    def add_terms(self, body: str, negated: bool, open_end: bool, closed: bool) -> None:
        """A "phrase", a 'literal or ^prefix, or plain words."""
        if body.startswith('"'):
            phrase = body.strip('"').strip()
            words = tuple(tokenize(phrase))
            if phrase:
                # Quoted symbols alone ("(", "😀") are matched as literal text.
                kind = "phrase" if words else "exact"
                self.terms.append(Term(kind, phrase, words, negated,
                                       open_end=open_end and not closed))
            return
        if body[:1] in ("'", "^"):
            kind = "exact" if body[0] == "'" else "prefix"
            text = body[1:]
            words = tuple(tokenize(text))
            if words or (kind == "exact" and text):
                self.terms.append(Term(kind, text, words, negated, open_end=open_end))
            return
        words = tuple(tokenize(body))
        if not words and body and body not in ("-", "!"):
            self.notes.append(f"Ignored {one_line(body)!r}: it has no letters or digits "
                              "(put it in quotes to match it literally).")
        for position, word in enumerate(words):
            self.terms.append(Term("word", word, (word,), negated,
                                   open_end=open_end and position == len(words) - 1))

    def limit_terms(self) -> None:
        """Keep the first ``MAX_TERMS`` positive terms (every negated one stays)."""
        if len([t for t in self.terms if not t.negated]) <= MAX_TERMS:
            return
        kept, dropped = 0, 0
        trimmed: list[Term] = []
        for term in self.terms:
            if not term.negated:
                if kept == MAX_TERMS:
                    dropped += 1
                    continue
                kept += 1
            trimmed.append(term)
        self.terms = trimmed
        self.notes.append(f"Only the first {MAX_TERMS} words are searched ({dropped} left out).")
