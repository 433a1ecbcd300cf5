"""The tone of a passage, from a small lexicon of film-criticism words, with its reasons.

The lexicon is hand-made for reviews: "haunting", "devastating" and "heartbreaking" are praise
here, "depressing" and "downer" are complaints. A negator ("not", "isn't", "no", "never",
"scarcely", ...) up to three words before a lexicon word flips it: "isn't perfect" counts against,
"scarcely a false note" counts for. Names (people, films, characters) are skipped first, so the
title *Never* Let Me Go never negates anything.

The label: no tone words -> ``neutral``; both kinds, the smaller side at least a third of the
larger -> ``mixed``; else the side with more words. The words that decided it are kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nlmg_tui.corpus.gazetteer import Gazetteer, Token, default_gazetteer, tokenize

POSITIVE = frozenset(
    """acclaimed amazing assured beautiful beautifully best blissful brilliant brilliantly
    captivating compassion compelling devastating effective excellent exquisite fantastic fine
    finest flawless gorgeous great greatest haunting haunts heartbreaking impressive lovely loved
    good masterful masterpiece meticulous meticulously moving perfect perfectly powerful praised
    recommend recommended remarkable rich strong stunning subtle subtlety superb terrific
    underrated wisely wonderful""".split()
)
NEGATIVE = frozenset(
    """awful bad boring clumsy depressing downer dull failure fails false flaw flawed flaws hate
    ignored lazy limited melodramatic overlong plodding pretentious problem problems slow stuffy
    tarnished tedious tiresome weak worst""".split()
)
POSITIVE_PHRASES = (("must", "see"), ("top", "form"), ("high", "recommendation"), ("well", "acted"))
NEGATIVE_PHRASES = (
    ("on", "the", "nose"),
    ("hard", "sell"),
    ("doesnt", "work"),
    ("yawn", "inducing"),
)
NEUTRAL_PHRASES = (
    ("best", "selling"),
    ("best", "seller"),
    ("best", "friend"),
    ("as", "well"),
    ("fine", "line"),
)
"""Phrases that hold a lexicon word but no opinion; they are skipped."""
NEGATORS = frozenset(
    """not no never isnt doesnt dont didnt wasnt werent arent cant couldnt wouldnt wont hardly
    scarcely nothing without""".split()
)
NEGATION_WINDOW = 3
MIXED_RATIO = 1 / 3
TONES = ("positive", "mixed", "negative", "neutral")


@dataclass(frozen=True)
class ToneWord:
    """A lexicon word found in the text (as written), its polarity after negation (+1/-1), and
    the negator that flipped it, if any."""

    word: str
    polarity: int
    negated_by: str | None = None

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


def label_for(positive: int, negative: int) -> str:
    if not positive and not negative:
        return "neutral"
    if positive and negative and min(positive, negative) >= MIXED_RATIO * max(positive, negative):
        return "mixed"
    return "positive" if positive > negative else "negative"


def tone_words(text: str, gazetteer: Gazetteer | None = None) -> list[ToneWord]:
    """The lexicon words of ``text``, left to right, with negation applied."""
    gazetteer = gazetteer or default_gazetteer()
    named = [
        (m.start, m.end)
        for m in gazetteer.find_mentions(text, kinds=("film", "person", "character", "place"))
    ]
    tokens = [t for t in tokenize(text) if not any(s <= t.start < e for s, e in named)]
    found: list[ToneWord] = []
    index = 0
    while index < len(tokens):
        length, polarity = _match(tokens, index)
        if not polarity:
            index += max(1, length)
            continue
        words = text[tokens[index].start : tokens[index + length - 1].end]
        negator = _negator(tokens, index)
        if negator and not (length > 1 and tokens[index].key in NEGATORS):
            found.append(ToneWord(words, -polarity, text[negator.start : negator.end]))
        else:
            found.append(ToneWord(words, polarity))
        index += length
    return found


def _match(tokens: list[Token], index: int) -> tuple[int, int]:
    for phrases, polarity in ((NEUTRAL_PHRASES, 0), (NEGATIVE_PHRASES, -1), (POSITIVE_PHRASES, 1)):
        for phrase in phrases:
            window = tuple(t.key for t in tokens[index : index + len(phrase)])
            if window == phrase:
                return len(phrase), polarity
    key = tokens[index].key
    if key in POSITIVE:
        return 1, 1
    if key in NEGATIVE:
        return 1, -1
    return 0, 0


def _negator(tokens: list[Token], index: int) -> Token | None:
    for before in reversed(tokens[max(0, index - NEGATION_WINDOW) : index]):
        if before.key in NEGATORS:
            return before
    return None


def judge_tone(texts: str | Iterable[str], gazetteer: Gazetteer | None = None) -> Tone:
    """The tone of one text, or of several read together."""
    if isinstance(texts, str):
        texts = (texts,)
    return tone_of(w for text in texts for w in tone_words(text, gazetteer))


def tone_of(words: Iterable[ToneWord]) -> Tone:
    """The tone that already-found words add up to."""
    words = tuple(words)
    positive = sum(1 for w in words if w.polarity > 0)
    return Tone(label_for(positive, len(words) - positive), words)

