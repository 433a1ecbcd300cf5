"""The tone of a passage, from a lexicon of film-criticism words, with its reasons.

The lexicon lives in ``data/tone_lexicon.json``: general praise and blame words and phrases of
film criticism ("superb", "tedious", "a waste of", "worth seeing"), explicit recommendations,
phrases that hold a lexicon word but no opinion ("best friend", "Best Actor"), and negators. It
was written from general knowledge, not lifted from the bundled reviews (provenance in the file
and in docs/compare.md).

Phrases are matched longest first through an index keyed by their first word, so a token costs
one dictionary look-up however large the lexicon. Names (people, films, characters, places) are
skipped first, so the title *Never* Let Me Go never negates anything.

Negation: an odd number of negators ("not", "isn't", "never", "hardly", "without", ...) among
the three words before a lexicon word flips it ("isn't perfect" counts against, "never dull"
for; "not without its flaws" flips twice and stays against). A negator does not reach across
punctuation (``,;:.!?`` and dashes), and "no doubt", "not only", "nothing short of" and the
like negate nothing.

The label: no tone words -> ``unclear``; both kinds, the smaller side at least a third of the
larger -> ``mixed``; else the side with more words. The words that decided it are kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from nlmg_tui.corpus.gazetteer import Gazetteer, Token, default_gazetteer, tokenize
from nlmg_tui.paths import bundled_data_dir

NEGATION_WINDOW = 3
MIXED_RATIO = 1 / 3
TONES = ("positive", "mixed", "negative", "unclear")
UNCLEAR = "unclear"
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\u2013\u2014]|\s-\s")
_CONTRAST = re.compile(r"\b(?:but|however)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…]")
_ASIDE = re.compile(r"\([^()]*\)")
CONCESSION_WEIGHT = 0.5
"""A word before "but"/"however" in its sentence concedes: "beautiful, but why care?"."""
ASIDE_WEIGHT = 0.5
"""A word in parentheses is an aside, often about another film: "(whom I loved in X)"."""


@dataclass(frozen=True)
class LexiconEntry:
    """One word or phrase of the lexicon: its word keys, polarity (+1, -1, or 0 for a phrase
    that holds no opinion), and whether it is an explicit recommendation."""

    keys: tuple[str, ...]
    polarity: int
    recommendation: bool = False


@dataclass(frozen=True)
class Lexicon:
    """Entries indexed by their first word key, longest first; negators and their exceptions."""

    by_first_key: dict[str, tuple[LexiconEntry, ...]]
    negators: frozenset[str]
    not_negating: dict[str, tuple[tuple[str, ...], ...]]

    def match(self, tokens: Sequence[Token], index: int) -> LexiconEntry | None:
        """The longest entry that starts at ``tokens[index]``, if any."""
        for entry in self.by_first_key.get(tokens[index].key, ()):
            if _keys_at(tokens, index, entry.keys):
                return entry
        return None

    def negates(self, tokens: Sequence[Token], index: int) -> bool:
        """Whether ``tokens[index]`` is a negator here (not the start of "no doubt" and kin)."""
        key = tokens[index].key
        if key not in self.negators:
            return False
        return not any(_keys_at(tokens, index, keys) for keys in self.not_negating.get(key, ()))


def _keys_at(tokens: Sequence[Token], index: int, keys: tuple[str, ...]) -> bool:
    if index + len(keys) > len(tokens):
        return False
    return all(tokens[index + offset].key == key for offset, key in enumerate(keys))


def _phrase_keys(phrase: str) -> tuple[str, ...]:
    return tuple(token.key for token in tokenize(phrase))


def lexicon_file() -> Path:
    return bundled_data_dir() / "tone_lexicon.json"


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read and index a lexicon file (see ``data/tone_lexicon.json`` for the shape)."""
    raw = json.loads((path or lexicon_file()).read_text(encoding="utf-8"))
    recommendations = {_phrase_keys(p) for p in raw.get("recommendations", ())}
    entries: dict[tuple[str, ...], LexiconEntry] = {}
    for kind, polarity in (("positive", 1), ("negative", -1), ("positive_phrases", 1),
                           ("negative_phrases", -1), ("neutral_phrases", 0)):
        for phrase in raw.get(kind, ()):
            keys = _phrase_keys(phrase)
            if keys:
                entries[keys] = LexiconEntry(keys, polarity, keys in recommendations)
    by_first: dict[str, list[LexiconEntry]] = {}
    for entry in entries.values():
        by_first.setdefault(entry.keys[0], []).append(entry)
    not_negating: dict[str, list[tuple[str, ...]]] = {}
    for phrase in raw.get("not_negating", ()):
        keys = _phrase_keys(phrase)
        if keys:
            not_negating.setdefault(keys[0], []).append(keys)
    return Lexicon(
        by_first_key={k: tuple(sorted(v, key=lambda e: -len(e.keys))) for k, v in by_first.items()},
        negators=frozenset(_phrase_keys(" ".join(raw.get("negators", ())))),
        not_negating={k: tuple(v) for k, v in not_negating.items()},
    )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()


@dataclass(frozen=True)
class ToneWord:
    """A lexicon word or phrase found in the text (as written), its polarity after negation
    (+1/-1), the negator that flipped it, if any, and whether it is an explicit recommendation
    ("worth seeing", "skip it")."""

    word: str
    polarity: int
    negated_by: str | None = None
    recommendation: bool = False
    start: int = field(default=0, compare=False)
    """Where the word starts in the text it was read from."""
    weight: float = field(default=1.0, compare=False)
    """How much it counts: less in a concession or an aside (see ``CONCESSION_WEIGHT``)."""

    def describe(self) -> str:
        return f"{self.negated_by} … {self.word}" if self.negated_by else self.word


@dataclass(frozen=True)
class Tone:
    """A tone label and the words that decided it."""

    label: str
    words: tuple[ToneWord, ...] = ()

    @property
    def positive(self) -> tuple[ToneWord, ...]:
        return tuple(w for w in self.words if w.polarity > 0)

    @property
    def weighted(self) -> tuple[float, float]:
        """The for and against sums, each word at its weight."""
        return weighted_sums(self.words)

    @property
    def negative(self) -> tuple[ToneWord, ...]:
        return tuple(w for w in self.words if w.polarity < 0)

    def explanation(self) -> str:
        """How it was decided, e.g. ``for: superb, beautifully; against: isn't … perfect``."""
        if not self.words:
            return "no tone words"
        parts = []
        if self.positive:
            parts.append("for: " + ", ".join(dict.fromkeys(w.describe() for w in self.positive)))
        if self.negative:
            parts.append("against: " + ", ".join(dict.fromkeys(w.describe() for w in self.negative)))
        return "; ".join(parts)


def label_for(positive: float, negative: float, mixed_ratio: float = MIXED_RATIO) -> str:
    """``unclear`` without tone words; ``mixed`` when the smaller side is at least
    ``mixed_ratio`` (a third) of the larger; else the larger side."""
    if not positive and not negative:
        return UNCLEAR
    if positive and negative and min(positive, negative) >= mixed_ratio * max(positive, negative):
        return "mixed"
    return "positive" if positive > negative else "negative"


def tone_words(text: str, gazetteer: Gazetteer | None = None,
               tokens: list[Token] | None = None, lexicon: Lexicon | None = None) -> list[ToneWord]:
    """The lexicon words of ``text``, left to right, with negation applied.

    ``tokens`` may pass ``tokenize(text)`` when the caller already has it (the spoiler and
    mention passes share one tokenization); it is not changed.
    """
    gazetteer = gazetteer or default_gazetteer()
    lexicon = lexicon or default_lexicon()
    tokens = tokenize(text) if tokens is None else tokens
    named = [
        (m.start, m.end)
        for m in gazetteer.find_mentions(
            text, kinds=("film", "person", "character", "place"), tokens=tokens)
    ]
    if named:
        tokens = [t for t in tokens if not any(s <= t.start < e for s, e in named)]
    title_case = sum(t.capitalised for t in tokens) > 0.6 * len(tokens)
    weigh = _Weigher(text)
    found: list[ToneWord] = []
    index = 0
    while index < len(tokens):
        entry = lexicon.match(tokens, index)
        if entry is None or not entry.polarity or (
                not title_case and _inside_name(text, tokens, index, len(entry.keys))):
            index += len(entry.keys) if entry else 1
            continue
        start = tokens[index].start
        words = text[start : tokens[index + len(entry.keys) - 1].end]
        negator = None if tokens[index].key in lexicon.negators else _negator(
            text, tokens, index, lexicon)
        polarity = -entry.polarity if negator else entry.polarity
        negated_by = text[negator.start : negator.end] if negator else None
        found.append(ToneWord(words, polarity, negated_by, entry.recommendation, start,
                              weigh(start)))
        index += len(entry.keys)
    return found


class _Weigher:
    """Weights by position: concessions (before "but" in the same sentence) and asides."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.asides = [m.span() for m in _ASIDE.finditer(text)] if "(" in text else []
        self.has_contrast = _CONTRAST.search(text) is not None

    def __call__(self, start: int) -> float:
        weight = 1.0
        if any(a <= start < b for a, b in self.asides):
            weight *= ASIDE_WEIGHT
        if self.has_contrast:
            end = _SENTENCE_END.search(self.text, start)
            if _CONTRAST.search(self.text, start, end.start() if end else len(self.text)):
                weight *= CONCESSION_WEIGHT
        return weight


def _inside_name(text: str, tokens: Sequence[Token], index: int, length: int) -> bool:
    """A capitalised lexicon word joined to a capitalised neighbour inside a sentence is part
    of a name or title ("Mark Strong", "A Good Year"), not an opinion."""
    first, last = tokens[index], tokens[index + length - 1]
    if not first.capitalised or _sentence_start(text, tokens, index):
        return False
    before = tokens[index - 1] if index else None
    after = tokens[index + length] if index + length < len(tokens) else None
    joined_before = (before is not None and before.capitalised
                     and text[before.end : first.start] == " "
                     and not _sentence_start(text, tokens, index - 1))
    joined_after = (after is not None and after.capitalised
                    and text[last.end : after.start] == " ")
    return joined_before or joined_after


def _sentence_start(text: str, tokens: Sequence[Token], index: int) -> bool:
    if index == 0:
        return True
    between = text[tokens[index - 1].end : tokens[index].start]
    return bool(_SENTENCE_END.search(between)) or "\n" in between or ":" in between


def _negator(text: str, tokens: Sequence[Token], index: int, lexicon: Lexicon) -> Token | None:
    """The nearest negator when an odd number of them reach ``tokens[index]``, else None."""
    reaching: list[Token] = []
    end = tokens[index].start
    for before in range(index - 1, max(-1, index - 1 - NEGATION_WINDOW), -1):
        token = tokens[before]
        if _CLAUSE_BREAK.search(text, token.end, end):
            break
        if lexicon.negates(tokens, before):
            reaching.append(token)
        end = token.start
    return reaching[0] if len(reaching) % 2 else None


def weighted_sums(words: Iterable[ToneWord]) -> tuple[float, float]:
    """The for and against sums of ``words``, each at its weight."""
    sums = [0.0, 0.0]
    for word in words:
        sums[word.polarity < 0] += word.weight
    return sums[0], sums[1]


def judge_tone(texts: str | Iterable[str], gazetteer: Gazetteer | None = None) -> Tone:
    """The tone of one text, or of several read together."""
    if isinstance(texts, str):
        texts = (texts,)
    return tone_of(w for text in texts for w in tone_words(text, gazetteer))


def tone_of(words: Iterable[ToneWord]) -> Tone:
    """The tone that already-found words add up to."""
    words = tuple(words)
    return Tone(label_for(*weighted_sums(words)), words)
