"""What the app derives from a review's text, computed once per review version and stored.

Spoiler levels, tone and arc, gazetteer mentions and the word count all depend only on the
review's paragraphs and on the rules. They are computed at ``nlmg-tui corpus build`` for the
bundled reviews (``data/derived.json``) and at import for imported ones (inside the import's
file), and read back instead of recomputed at every start.

Each entry carries a *stamp*: a hash of the paragraphs (ids and texts) and of the rules version
(``rules_version``: a hash of the gazetteer file and of the source of every rule module). An
entry whose stamp does not match is never used: the data is recomputed (``ReviewDerived`` from
``derive``). A rule change therefore invalidates every stored entry without anyone bumping a
number. Damaged entries (wrong shape, bad values) count as missing, never as fatal.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nlmg_tui import paths
from nlmg_tui.corpus.gazetteer import KINDS, Gazetteer, Mention, default_gazetteer, tokenize
from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.corpus.spoiler_levels import (
    LEVELS,
    NONE,
    SpoilerLevel,
    SpoilerTerms,
    default_spoiler_terms,
    spoiler_levels_from_tokens,
)

FORMAT = 2
"""The layout of an entry; part of the rules version."""

PACKAGE_DIR = Path(__file__).resolve().parent.parent
RULE_MODULES = (
    "corpus/derived.py",
    "corpus/gazetteer.py",
    "corpus/mentions.py",
    "corpus/spoiler_levels.py",
    "corpus/text.py",
    "compare/tone.py",
    "compare/tone_arc.py",
)
"""The modules whose code decides derived data (paths under the package)."""

if TYPE_CHECKING:  # tone (and its lexicon) is imported on first use
    from nlmg_tui.compare.tone_arc import ReviewTone


@dataclass(frozen=True)
class ReviewDerived:
    """Everything derived from one version of a review, and the stamp of that version.

    ``mentions`` is None when they were read from a stored entry and not parsed yet:
    ``review_mentions_of`` parses (or, if damaged, recomputes) them when first asked.
    """

    stamp: str
    word_count: int
    spoiler_levels: dict[str, SpoilerLevel]
    tone: ReviewTone
    mentions: dict[str, tuple[Mention, ...]] | None = field(default=None, compare=False)
    mentions_json: dict[str, str] | None = field(default=None, compare=False, repr=False)


@lru_cache(maxsize=1)
def rules_version() -> str:
    """A hash of the rule data (the gazetteer file) and the rule modules' source."""
    digest = hashlib.blake2b(f"derived-format {FORMAT}".encode(), digest_size=16)
    for name in RULE_MODULES:
        digest.update(_file_bytes(PACKAGE_DIR / name, name))
    digest.update(_file_bytes(paths.gazetteer_file(), "gazetteer.json"))
    return digest.hexdigest()


def _file_bytes(path: Path, name: str) -> bytes:
    try:
        return name.encode() + b"\0" + path.read_bytes()
    except OSError:  # e.g. a build that ships only .pyc: still a stable stamp, per name
        return f"missing {name}".encode()


def content_hash(review: Review) -> str:
    """A hash of what derived data is computed from: the paragraph ids and texts, in order."""
    joined = "\x00".join(f"{p.id}\x01{p.text}" for p in review.paragraphs)
    return hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def review_stamp(review: Review) -> str:
    return f"{content_hash(review)}-{rules_version()}"


def derive(review: Review, gazetteer: Gazetteer | None = None,
           terms: SpoilerTerms | None = None) -> ReviewDerived:
    """Compute a review's derived data (one tokenization per paragraph for levels and mentions)."""
    from nlmg_tui.compare.tone_arc import review_tone

    gazetteer = gazetteer or default_gazetteer()
    terms = terms or default_spoiler_terms()
    tokens = [tokenize(paragraph.text) for paragraph in review.paragraphs]
    mentions = {
        paragraph.id: tuple(gazetteer.find_mentions(paragraph.text, tokens=paragraph_tokens))
        for paragraph, paragraph_tokens in zip(review.paragraphs, tokens, strict=True)
    }
    return ReviewDerived(
        stamp=review_stamp(review),
        word_count=review.word_count,
        spoiler_levels=spoiler_levels_from_tokens(review, tokens, gazetteer, terms),
        tone=review_tone(review, gazetteer),
        mentions=mentions,
    )


# -- JSON ------------------------------------------------------------------------------------


def tone_to_json(tone: ReviewTone) -> dict[str, Any]:
    """The one place a ``ReviewTone`` becomes JSON (floats keep their exact value)."""
    return {"arc": list(tone.arc), "score": tone.score, "label": tone.label,
            "positive": tone.positive, "negative": tone.negative,
            "weighted_for": tone.weighted_for, "weighted_against": tone.weighted_against,
            "words_label": tone.words_label, "basis": tone.basis, "rating": tone.rating}


def tone_from_json(raw: Any) -> ReviewTone:
    """The one place JSON becomes a ``ReviewTone``; ValueError/TypeError/KeyError if malformed."""
    from nlmg_tui.compare.tone_arc import ReviewTone

    rating = raw.get("rating")
    return ReviewTone(arc=tuple(_number(v) for v in raw["arc"]), score=_number(raw["score"]),
                      label=str(raw["label"]), positive=_count(raw["positive"]),
                      negative=_count(raw["negative"]),
                      weighted_for=_number(raw["weighted_for"]),
                      weighted_against=_number(raw["weighted_against"]),
                      words_label=str(raw["words_label"]), basis=str(raw["basis"]),
                      rating=None if rating is None else _number(rating))


def derived_to_json(derived: ReviewDerived, review: Review) -> dict[str, Any]:
    """Compact: only shielded paragraphs' levels; a paragraph's mentions as one string of
    ``entity-id start end`` triples joined by ``|`` (parsed only when mentions are asked for)."""
    return {
        "stamp": derived.stamp,
        "word_count": derived.word_count,
        "spoiler_levels": {pid: [level.level, *level.reasons]
                           for pid, level in derived.spoiler_levels.items() if level.shielded},
        "tone": tone_to_json(derived.tone),
        "mentions": {pid: "|".join(f"{m.entity_id} {m.start} {m.end}" for m in found)
                     for pid, found in review_mentions_of(derived, review).items() if found},
    }


def derived_from_json(raw: Any, review: Review) -> ReviewDerived | None:
    """The stored entry for ``review`` if it is well formed and its stamp is current, else None
    (stale, damaged or for another version of the review: never trusted)."""
    if not isinstance(raw, dict) or raw.get("stamp") != review_stamp(review):
        return None
    try:
        return _parse(raw, review)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def _parse(raw: dict[str, Any], review: Review) -> ReviewDerived:
    ids = [p.id for p in review.paragraphs]
    levels: dict[str, SpoilerLevel] = dict.fromkeys(ids, NONE)
    for pid, (level, *reasons) in raw["spoiler_levels"].items():
        if pid not in levels or level not in LEVELS:
            raise ValueError(f"bad spoiler level for {pid!r}")
        levels[pid] = SpoilerLevel(level, tuple(str(r) for r in reasons))
    mentions = raw["mentions"]
    if not isinstance(mentions, dict) or not all(isinstance(v, str) for v in mentions.values()):
        raise ValueError("bad mentions")
    tone = tone_from_json(raw["tone"])
    if len(tone.arc) != len(ids):
        raise ValueError("tone arc length")
    return ReviewDerived(raw["stamp"], _count(raw["word_count"]), levels, tone,
                         mentions_json=mentions)


def review_mentions_of(derived: ReviewDerived, review: Review) -> dict[str, tuple[Mention, ...]]:
    """Paragraph id -> mentions: as computed, else parsed from the stored strings, else (a
    damaged entry) found again with the gazetteer."""
    if derived.mentions is not None:
        return derived.mentions
    texts = {p.id: p.text for p in review.paragraphs}
    try:
        found: dict[str, tuple[Mention, ...]] = dict.fromkeys(texts, ())
        for pid, packed in (derived.mentions_json or {}).items():
            found[pid] = tuple(_mention(entry.split(" "), texts[pid])
                               for entry in packed.split("|"))
        return found
    except (ValueError, KeyError, IndexError):
        gazetteer = default_gazetteer()
        return {pid: tuple(gazetteer.find_mentions(text)) for pid, text in texts.items()}


def _mention(entry: list[str], text: str) -> Mention:
    entity_id, start, end = entry[0], int(entry[1]), int(entry[2])
    kind = entity_id.split(":", 1)[0]
    if len(entry) != 3 or not 0 <= start < end <= len(text) or kind not in KINDS:
        raise ValueError("bad mention")
    return Mention(entity_id, kind, start, end, text[start:end])


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise ValueError("not a number")
    return float(value)


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("not a count")
    return value


# -- the bundled file ------------------------------------------------------------------------


def derived_file_text(corpus: Corpus) -> str:
    """``data/derived.json``'s exact text for ``corpus`` (the build writes it, a test compares)."""
    entries = {review.id: derived_to_json(derive(review), review) for review in corpus.reviews}
    data = {"format": FORMAT, "rules": rules_version(), "reviews": entries}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def load_derived_file(path: Path | None = None) -> dict[str, Any]:
    """Review id -> raw entry from a derived-data file; {} if missing or unreadable (entries
    are still checked one by one when used)."""
    path = path or paths.derived_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["reviews"] if isinstance(data, dict) else None
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}
