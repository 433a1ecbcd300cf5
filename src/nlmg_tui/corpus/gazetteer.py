"""The gazetteer: names the reviews mention (people, characters, films, places, topics).

``data/gazetteer.json`` is hand-written: names, aliases and years, never review text. Matching
works on word tokens, so a name never matches inside another word ("Ruth" is not found in
"truth"). Both the aliases and the text go through the same normalisation:

- case, accents and apostrophe styles are folded (``mise-en-scené`` = ``mise en scene``);
- hyphens and dashes separate words (``One-Hour Photo`` = ``One Hour Photo``);
- a possessive ``'s`` is dropped (``Romanek's`` = ``Romanek``), and the span ends before it.

Names (every kind but ``topic``) must keep their capitals in the text: "Sunshine" the film is
found, "sunshine" the weather is not. Words of a name of five letters or more also match with
one slip (rapidfuzz ratio >= 88 and the same first letter), so "Carrey Mulligan" and "Carey
Mulligans" are found. Topic aliases match exactly, in any case; an entity's ``exclude``
phrases veto a match they contain ("music video director" is not about the score).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from nlmg_tui import paths

KINDS = ("film", "person", "company", "character", "place", "topic")
FUZZY_MIN_LENGTH = 5
FUZZY_MIN_RATIO = 88.0
FUZZY_CACHE_LIMIT = 50_000

# A word: letters/digits, with apostrophes inside ("don't", "Romanek's", "’90s" keeps "90s").
_WORD = re.compile(r"[^\W_]+(?:['’‘][^\W_]+)*")
_APOSTROPHES = re.compile(r"['’‘]")
_POSSESSIVE = re.compile(r"['’‘]s$", re.IGNORECASE)


class GazetteerError(Exception):
    """The gazetteer file is missing or malformed; the message names the file."""


@dataclass(frozen=True)
class Entity:
    """Something the reviews can mention.

    ``id`` is ``kind:slug`` (``film:one-hour-photo``); ``year`` is set for films;
    ``roles`` for people (director, writer, novelist, composer, actor ...); ``plays`` links an
    actor to a character id; ``people`` links a film to person ids; ``subject`` marks the film
    the corpus is about.
    """

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    year: int | None = None
    roles: tuple[str, ...] = ()
    plays: str | None = None
    people: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    subject: bool = False

    @property
    def slug(self) -> str:
        return self.id.split(":", 1)[1]

    @property
    def label(self) -> str:
        """The name with its year where known: ``One Hour Photo (2002)``."""
        return f"{self.name} ({self.year})" if self.year and self.kind == "film" else self.name


@dataclass(frozen=True)
class Mention:
    """One place a text names an entity: ``text[start:end]`` is the matched words."""

    entity_id: str
    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Token:
    """A word of a text: its normalised ``key``, where it sits, and whether it was capitalised."""

    key: str
    start: int
    end: int
    capitalised: bool


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """The comparison key of one word: no accents, no apostrophes, case-folded."""
    word = _POSSESSIVE.sub("", word)
    decomposed = unicodedata.normalize("NFKD", word)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _APOSTROPHES.sub("", stripped).casefold()


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word tokens with spans; possessive ``'s`` is left out of the span."""
    tokens = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        end = match.end()
        possessive = _POSSESSIVE.search(word)
        if possessive and len(word) > 2:
            end -= len(possessive.group(0))
        key = fold_word(word)
        if key:
            tokens.append(Token(key, match.start(), end, word[0].isupper() or word[0].isdigit()))
    return tokens


@dataclass(frozen=True)
class _Alias:
    entity: Entity
    keys: tuple[str, ...]
    needs_capital: tuple[bool, ...]
    fuzzy: bool


@dataclass
class Gazetteer:
    """All entities, with an index for finding their mentions in a text."""

    entities: tuple[Entity, ...]
    _by_id: dict[str, Entity] = field(init=False, repr=False)
    _by_first_key: dict[str, list[_Alias]] = field(init=False, repr=False)
    _fuzzy_keys: list[str] = field(init=False, repr=False)
    _fuzzy_cache: dict[str, tuple[str, ...]] = field(init=False, repr=False)
    _excludes: dict[str, tuple[tuple[str, ...], ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {}
        self._by_first_key = {}
        fuzzy_keys: set[str] = set()
        self._excludes = {}
        for entity in self.entities:
            if entity.id in self._by_id:
                raise ValueError(f"entity id {entity.id!r} appears twice")
            self._by_id[entity.id] = entity
            is_name = entity.kind != "topic"
            for alias in entity.aliases:
                tokens = tokenize(alias)
                if not tokens:
                    continue
                keys = tuple(t.key for t in tokens)
                capitals = tuple(is_name and t.capitalised for t in tokens)
                entry = _Alias(entity, keys, capitals, fuzzy=is_name)
                self._by_first_key.setdefault(keys[0], []).append(entry)
                if is_name:
                    fuzzy_keys.update(k for k in keys if len(k) >= FUZZY_MIN_LENGTH)
            self._excludes[entity.id] = tuple(
                tuple(t.key for t in tokenize(phrase)) for phrase in entity.exclude
            )
        # Longest aliases first, so "Miss Lucy" wins over a shorter alias at the same place.
        for entries in self._by_first_key.values():
            entries.sort(key=lambda a: -len(a.keys))
        self._fuzzy_keys = sorted(fuzzy_keys)
        self._fuzzy_cache = {}

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def of_kind(self, *kinds: str) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.kind in kinds)

    @property
    def topics(self) -> tuple[Entity, ...]:
        return self.of_kind("topic")

    def find_mentions(
        self, text: str, kinds: Iterable[str] | None = None, tokens: list[Token] | None = None
    ) -> list[Mention]:
        """Every mention in ``text``, left to right, longest match first, never overlapping.

        ``kinds`` limits the search to those entity kinds; ``tokens`` may pass
        ``tokenize(text)`` when the caller already has it.
        """
        wanted = set(kinds) if kinds is not None else None
        tokens = tokenize(text) if tokens is None else tokens
        mentions: list[Mention] = []
        index = 0
        while index < len(tokens):
            alias = self._match_at(tokens, index, wanted)
            if alias is None:
                index += 1
                continue
            last = tokens[index + len(alias.keys) - 1]
            start = tokens[index].start
            mentions.append(
                Mention(alias.entity.id, alias.entity.kind, start, last.end, text[start : last.end])
            )
            index += len(alias.keys)
        return mentions

    def _match_at(self, tokens: list[Token], index: int, wanted: set[str] | None) -> _Alias | None:
        first = tokens[index]
        candidates = list(self._by_first_key.get(first.key, ()))
        for key in self._near_keys(first.key):
            candidates.extend(a for a in self._by_first_key.get(key, ()) if a.fuzzy)
        candidates.sort(key=lambda a: -len(a.keys))
        for alias in candidates:
            if wanted is not None and alias.entity.kind not in wanted:
                continue
            if self._matches(alias, tokens, index) and not self._excluded(alias, tokens, index):
                return alias
        return None

    def _matches(self, alias: _Alias, tokens: list[Token], index: int) -> bool:
        if index + len(alias.keys) > len(tokens):
            return False
        for offset, key in enumerate(alias.keys):
            token = tokens[index + offset]
            if alias.needs_capital[offset] and not token.capitalised:
                return False
            if token.key != key and not (alias.fuzzy and key in self._near_keys(token.key)):
                return False
        return True

    def _excluded(self, alias: _Alias, tokens: list[Token], index: int) -> bool:
        """True when an ``exclude`` phrase of the entity covers the matched words."""
        for phrase in self._excludes[alias.entity.id]:
            for start in range(max(0, index - len(phrase) + 1), index + 1):
                window = tuple(t.key for t in tokens[start : start + len(phrase)])
                if window == phrase:
                    return True
        return False

    def _near_keys(self, key: str) -> tuple[str, ...]:
        """Name words within one slip of ``key`` (cached per distinct word)."""
        cached = self._fuzzy_cache.get(key)
        if cached is not None:
            return cached
        near: tuple[str, ...] = ()
        if len(key) >= FUZZY_MIN_LENGTH - 1:
            near = tuple(
                choice
                for choice, _score, _index in process.extract(
                    key, self._fuzzy_keys, scorer=fuzz.ratio,
                    score_cutoff=FUZZY_MIN_RATIO, limit=None,
                )
                if choice != key and choice[0] == key[0]
            )
        if len(self._fuzzy_cache) >= FUZZY_CACHE_LIMIT:  # a huge import must not grow it forever
            self._fuzzy_cache.clear()
        self._fuzzy_cache[key] = near
        return near


def _entity_from_json(raw: dict) -> Entity:
    kind = raw["kind"]
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if not str(raw["id"]).startswith(kind + ":"):
        raise ValueError(f"id {raw['id']!r} must start with {kind!r}:")
    return Entity(
        id=str(raw["id"]),
        kind=kind,
        name=str(raw["name"]),
        aliases=tuple(str(a) for a in raw.get("aliases") or [raw["name"]]),
        year=int(raw["year"]) if raw.get("year") is not None else None,
        roles=tuple(raw.get("roles", ())),
        plays=raw.get("plays"),
        people=tuple(raw.get("people", ())),
        exclude=tuple(raw.get("exclude", ())),
        subject=bool(raw.get("subject", False)),
    )


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Read a gazetteer file (the bundled ``data/gazetteer.json`` by default)."""
    path = path or paths.gazetteer_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Gazetteer(tuple(_entity_from_json(raw) for raw in data["entities"]))
    except FileNotFoundError:
        raise GazetteerError(f"The gazetteer {path} is missing.") from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise GazetteerError(f"The gazetteer {path} could not be read: {error}") from None


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer, read once per process."""
    return load_gazetteer()
