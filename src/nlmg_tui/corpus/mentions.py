"""Who and what the reviews name: every gazetteer entity found in the corpus' paragraphs.

The Mentions screen lists these (counts and passages), the watchlist takes its suggestions from
the films, and the comparison uses the per-paragraph mentions to pair passages.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from nlmg_tui.corpus.gazetteer import Entity, Gazetteer, Mention, default_gazetteer
from nlmg_tui.corpus.models import Corpus, Review


@dataclass(frozen=True, order=True)
class Passage:
    """A paragraph of a review, by id."""

    review_id: str
    paragraph_id: str


@dataclass(frozen=True)
class EntityMentions:
    """One entity, how often the corpus names it, and the passages that do (in corpus order)."""

    entity: Entity
    count: int
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class MentionIndex:
    """All mentions in a corpus; ``entries`` is most-mentioned first, then by name."""

    entries: tuple[EntityMentions, ...]
    by_passage: dict[Passage, tuple[Mention, ...]] = field(repr=False)

    def get(self, entity_id: str) -> EntityMentions | None:
        for entry in self.entries:
            if entry.entity.id == entity_id:
                return entry
        return None

    def of_kind(self, *kinds: str) -> tuple[EntityMentions, ...]:
        return tuple(e for e in self.entries if e.entity.kind in kinds)

    def in_passage(self, review_id: str, paragraph_id: str) -> tuple[Mention, ...]:
        return self.by_passage.get(Passage(review_id, paragraph_id), ())


def review_mentions(review: Review, gazetteer: Gazetteer | None = None) -> dict[str, list[Mention]]:
    """Paragraph id -> the mentions in that paragraph, left to right. With the bundled
    gazetteer they come from the review's stored derived data when it is current."""
    if gazetteer is None:
        from nlmg_tui.corpus.derived import review_mentions_of
        from nlmg_tui.corpus.derived_store import shared_derived

        found = review_mentions_of(shared_derived().get(review), review)
        return {pid: list(mentions) for pid, mentions in found.items()}
    return {p.id: gazetteer.find_mentions(p.text) for p in review.paragraphs}


def index_mentions(corpus: Corpus, gazetteer: Gazetteer | None = None) -> MentionIndex:
    """Find every mention of every entity in every paragraph of ``corpus``."""
    given, gazetteer = gazetteer, gazetteer or default_gazetteer()
    counts: Counter[str] = Counter()
    passages: dict[str, list[Passage]] = {}
    by_passage: dict[Passage, tuple[Mention, ...]] = {}
    for review in corpus.reviews:
        for paragraph_id, mentions in review_mentions(review, given).items():
            passage = Passage(review.id, paragraph_id)
            by_passage[passage] = tuple(mentions)
            for mention in mentions:
                counts[mention.entity_id] += 1
                found = passages.setdefault(mention.entity_id, [])
                if not found or found[-1] != passage:
                    found.append(passage)
    entries = [
        EntityMentions(entity, counts[entity.id], tuple(passages[entity.id]))
        for entity in gazetteer.entities
        if counts[entity.id]
    ]
    entries.sort(key=lambda e: (-e.count, e.entity.name.casefold()))
    return MentionIndex(tuple(entries), by_passage)


def film_suggestions(index: MentionIndex) -> tuple[EntityMentions, ...]:
    """Films for the watchlist, the most mentioned first: never the film the reviews are about
    (the gazetteer's ``subject``, the rule the Mentions screen's ``a`` follows too)."""
    films = [entry for entry in index.of_kind("film") if not entry.entity.subject]
    return tuple(sorted(films, key=lambda e: (-e.count, e.entity.name)))
