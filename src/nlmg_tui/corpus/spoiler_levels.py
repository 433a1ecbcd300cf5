"""How much of the plot each paragraph gives away: ``none``, ``premise`` or ``ending``.

The terms live in the ``spoilers`` section of ``data/gazetteer.json``; the rules are here and in
docs/spoilers.md. Words are matched as the gazetteer matches topics (whole words, case, accents
and apostrophes folded, hyphens split), one sentence at a time:

- **premise** — a ``premise.reveal`` term ("clones", "organs", "donors", "carers", "deferral" ...)
  anywhere; or a ``premise.death_sense`` word ("complete", "completion") used for dying: in
  quotes, or in a sentence that also has a ``death_context`` word or a reveal term, and not
  after "a", "the", "more" ... ("a complete failure").
- **ending** — in one sentence: an ``ending.cue`` ("the final scene", "at the end") with a
  character's name or an ``ending.death`` word; or a character's name within three words of a
  death word ("Tommy completes", "Ruth's death"); or an ``ending.myth`` word ("rumor", "myth")
  in a paragraph that names the deferral, or right after one that does.

A paragraph gets the highest level any rule gives it, and every reason found. Words that talk
about a twist without telling it ("twist", "secret", "spoiler") never count, so a spoiler
warning is ``none`` unless it also reveals.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nlmg_tui import paths
from nlmg_tui.corpus.gazetteer import Gazetteer, GazetteerError, Token, default_gazetteer, tokenize
from nlmg_tui.corpus.models import Review
from nlmg_tui.corpus.text import split_sentences

LEVELS = ("none", "premise", "ending")
NAME_DEATH_WINDOW = 3  # words between a character's name and a death word ("Tommy finally dies")
# Words before "complete" that make it the adjective or a plain verb, not the film's euphemism.
_NOT_DEATH_SENSE_AFTER = frozenset(
    {"a", "an", "the", "more", "most", "less", "quite", "fairly", "almost", "nearly", "to",
     "not", "its", "his", "her", "their", "our", "your", "my", "as", "so", "too", "very"}
)
_OPENING_QUOTE = re.compile(r"[\"“‘'«]\s*$")


@dataclass(frozen=True)
class SpoilerLevel:
    """A paragraph's level and the reasons for it (empty for ``none``)."""

    level: str
    reasons: tuple[str, ...] = ()

    @property
    def rank(self) -> int:
        """0 for none, 1 for premise, 2 for ending: compare levels with this."""
        return LEVELS.index(self.level)

    @property
    def shielded(self) -> bool:
        """True when a spoiler-free reader should not see the paragraph unasked."""
        return self.level != "none"


NONE = SpoilerLevel("none")

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class SpoilerTerms:
    """The ``spoilers`` section of the gazetteer, each term folded to word keys."""

    premise_reveal: tuple[Phrase, ...]
    death_sense: tuple[Phrase, ...]
    death_context: tuple[Phrase, ...]
    talk: tuple[Phrase, ...]
    ending_cue: tuple[Phrase, ...]
    not_cue: tuple[Phrase, ...]
    death: tuple[Phrase, ...]
    myth: tuple[Phrase, ...]
    myth_about: tuple[Phrase, ...]


_FIELDS = {
    "premise_reveal": ("premise", "reveal"),
    "death_sense": ("premise", "death_sense"),
    "death_context": ("premise", "death_context"),
    "talk": ("premise", "talk"),
    "ending_cue": ("ending", "cue"),
    "not_cue": ("ending", "not_cue"),
    "death": ("ending", "death"),
    "myth": ("ending", "myth"),
    "myth_about": ("ending", "myth_about"),
}


def phrase_keys(term: str) -> Phrase:
    """The word keys of a term, normalised as the gazetteer normalises text."""
    return tuple(token.key for token in tokenize(term))


def spoiler_terms_from_json(section: object) -> SpoilerTerms:
    """Build the terms from a parsed ``spoilers`` section; ValueError names what is wrong."""
    if not isinstance(section, dict):
        raise ValueError("the 'spoilers' section must be an object")
    values: dict[str, tuple[Phrase, ...]] = {}
    for name, (level, group) in _FIELDS.items():
        groups = section.get(level)
        terms = groups.get(group) if isinstance(groups, dict) else None
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise ValueError(f"spoilers.{level}.{group} must be a list of strings")
        keys = tuple(k for k in (phrase_keys(t) for t in terms) if k)
        values[name] = keys
    return SpoilerTerms(**values)


def load_spoiler_terms(path: Path | None = None) -> SpoilerTerms:
    """Read the ``spoilers`` section of a gazetteer file (the bundled one by default)."""
    path = path or paths.gazetteer_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "spoilers" not in data:
            raise ValueError("no 'spoilers' section")
        return spoiler_terms_from_json(data["spoilers"])
    except FileNotFoundError:
        raise GazetteerError(f"The gazetteer {path} is missing.") from None
    except (OSError, ValueError) as error:
        raise GazetteerError(f"The gazetteer {path} has no usable spoiler terms: {error}") from None


@lru_cache(maxsize=1)
def default_spoiler_terms() -> SpoilerTerms:
    """The bundled spoiler terms, read once per process."""
    return load_spoiler_terms()


@dataclass(frozen=True)
class _Hit:
    """A term found in a sentence: token positions ``first..last`` and the words as written."""

    first: int
    last: int
    text: str
    keys: Phrase


@lru_cache(maxsize=64)
def _index(phrases: tuple[Phrase, ...]) -> dict[str, tuple[Phrase, ...]]:
    """Phrases by their first word, longest first (built once per term list)."""
    by_first: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        by_first.setdefault(phrase[0], []).append(phrase)
    return {key: tuple(sorted(group, key=len, reverse=True)) for key, group in by_first.items()}


def _find(tokens: list[Token], text: str, phrases: tuple[Phrase, ...]) -> list[_Hit]:
    """Every place a phrase occurs, longest first at each position, never overlapping."""
    by_first = _index(phrases)
    hits: list[_Hit] = []
    index = 0
    while index < len(tokens):
        for phrase in by_first.get(tokens[index].key, ()):
            window = tuple(t.key for t in tokens[index : index + len(phrase)])
            if window == phrase:
                last = index + len(phrase) - 1
                hits.append(_Hit(index, last, text[tokens[index].start : tokens[last].end], phrase))
                index = last + 1
                break
        else:
            index += 1
    return hits


def _overlaps(hit: _Hit, others: list[_Hit]) -> bool:
    return any(hit.first <= other.last and other.first <= hit.last for other in others)


@dataclass
class _Finding:
    level: str
    reason: str


def _is_death_sense(
    hit: _Hit, tokens: list[Token], sentence: str, offset: int, has_context: bool
) -> bool:
    """True for "complete" as the film's word for dying: quoted, or beside death words.
    ``sentence`` starts at ``offset`` in the text the tokens index."""
    if hit.first > 0 and tokens[hit.first - 1].key in _NOT_DEATH_SENSE_AFTER:
        return False
    quoted = bool(_OPENING_QUOTE.search(sentence[: tokens[hit.first].start - offset]))
    return quoted or has_context


@dataclass(frozen=True)
class _Sentence:
    """A sentence of a paragraph: ``text`` is the whole paragraph, the sentence starts at
    ``start``, and ``tokens`` are its words (offsets into the paragraph)."""

    text: str
    start: int
    tokens: list[Token]


def _premise_findings(sentence: _Sentence, terms: SpoilerTerms) -> list[_Finding]:
    tokens, text = sentence.tokens, sentence.text
    reveals = _find(tokens, text, terms.premise_reveal)
    found = [_Finding("premise", f'premise: "{hit.text}"') for hit in reveals]
    context = bool(reveals) or bool(_find(tokens, text, terms.death_context))
    for hit in _find(tokens, text, terms.death_sense):
        if _is_death_sense(hit, tokens, text[sentence.start :], sentence.start, context):
            found.append(_Finding("premise", f'premise: "{hit.text}" (for dying)'))
    return found


def _ending_findings(
    sentence: _Sentence, gazetteer: Gazetteer, terms: SpoilerTerms, deferral_nearby: bool
) -> list[_Finding]:
    tokens, text = sentence.tokens, sentence.text
    starts = [t.start for t in tokens]
    names = [
        (bisect_right(starts, m.start) - 1, m.text)
        for m in gazetteer.find_mentions(text, kinds=("character",), tokens=tokens)
    ]
    deaths = _find(tokens, text, terms.death)
    idioms = _find(tokens, text, terms.not_cue)
    cues = [hit for hit in _find(tokens, text, terms.ending_cue) if not _overlaps(hit, idioms)]
    found: list[_Finding] = []
    for cue in cues:
        found.extend(_Finding("ending", f'ending: "{cue.text}" + {name}') for _, name in names)
        found.extend(_Finding("ending", f'ending: "{cue.text}" + "{d.text}"') for d in deaths)
    for index, name in names:
        for death in deaths:
            gap = death.first - index if death.first > index else index - death.last
            if gap <= NAME_DEATH_WINDOW:
                found.append(_Finding("ending", f'ending: {name} + "{death.text}"'))
    if deferral_nearby:
        for myth in _find(tokens, text, terms.myth):
            found.append(_Finding("ending", f'ending: "{myth.text}" about the deferral'))
    return found


def _sentence_findings(
    sentence: _Sentence, gazetteer: Gazetteer, terms: SpoilerTerms, deferral_nearby: bool
) -> list[_Finding]:
    if not sentence.tokens:
        return []
    return (_premise_findings(sentence, terms)
            + _ending_findings(sentence, gazetteer, terms, deferral_nearby))


_Sentences = list[_Sentence]


def _sentences(text: str, tokens: list[Token] | None = None) -> _Sentences:
    """The paragraph's sentences, each with its word tokens, from one tokenization of the
    paragraph (``tokens``, when the caller has it). A word never spans two sentences: they
    split at spaces."""
    tokens = tokenize(text) if tokens is None else tokens
    sentences: _Sentences = []
    position = token_index = 0
    for piece in split_sentences(text):
        start = text.index(piece, position)
        position = end = start + len(piece)
        first = token_index
        while token_index < len(tokens) and tokens[token_index].end <= end:
            token_index += 1
        sentences.append(_Sentence(text, start, tokens[first:token_index]))
    return sentences


def _names_myth_subject(sentences: _Sentences, terms: SpoilerTerms) -> bool:
    return any(_find(s.tokens, s.text, terms.myth_about) for s in sentences)


def _level(
    sentences: _Sentences, deferral_nearby: bool, gazetteer: Gazetteer, terms: SpoilerTerms
) -> SpoilerLevel:
    findings: list[_Finding] = []
    for sentence in sentences:
        findings.extend(_sentence_findings(sentence, gazetteer, terms, deferral_nearby))
    if not findings:
        return NONE
    level = max((f.level for f in findings), key=LEVELS.index)
    reasons = tuple(dict.fromkeys(f.reason for f in findings))  # in order, without repeats
    return SpoilerLevel(level, reasons)


def paragraph_spoiler_level(
    text: str,
    *,
    previous_text: str | None = None,
    gazetteer: Gazetteer | None = None,
    terms: SpoilerTerms | None = None,
) -> SpoilerLevel:
    """The level of one paragraph; ``previous_text`` is the paragraph before it, if any."""
    gazetteer = gazetteer or default_gazetteer()
    terms = terms or default_spoiler_terms()
    sentences = _sentences(text)
    deferral_nearby = _names_myth_subject(sentences, terms) or (
        previous_text is not None and _names_myth_subject(_sentences(previous_text), terms)
    )
    return _level(sentences, deferral_nearby, gazetteer, terms)


def spoiler_levels(
    review: Review, gazetteer: Gazetteer | None = None, terms: SpoilerTerms | None = None
) -> dict[str, SpoilerLevel]:
    """Every paragraph's level, keyed by paragraph id, in the review's order."""
    tokens = [tokenize(p.text) for p in review.paragraphs]
    return spoiler_levels_from_tokens(review, tokens, gazetteer, terms)


def spoiler_levels_from_tokens(
    review: Review,
    tokens: list[list[Token]],
    gazetteer: Gazetteer | None = None,
    terms: SpoilerTerms | None = None,
) -> dict[str, SpoilerLevel]:
    """``spoiler_levels`` from each paragraph's ``tokenize`` (shared with the mentions pass)."""
    gazetteer = gazetteer or default_gazetteer()
    terms = terms or default_spoiler_terms()
    paragraphs = [_sentences(p.text, t) for p, t in zip(review.paragraphs, tokens, strict=True)]
    names_deferral = [_names_myth_subject(sentences, terms) for sentences in paragraphs]
    return {
        paragraph.id: _level(
            paragraphs[index],
            names_deferral[index] or (index > 0 and names_deferral[index - 1]),
            gazetteer,
            terms,
        )
        for index, paragraph in enumerate(review.paragraphs)
    }


def level_counts(levels: dict[str, SpoilerLevel]) -> dict[str, int]:
    """How many paragraphs got each level: ``{"none": 5, "premise": 2, "ending": 0}``."""
    counts = dict.fromkeys(LEVELS, 0)
    for spoiler_level in levels.values():
        counts[spoiler_level.level] += 1
    return counts
