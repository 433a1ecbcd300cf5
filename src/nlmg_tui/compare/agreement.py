"""Where the critics agree: for each topic, who addresses it, a quote, and the tone.

A review addresses a topic when one of its sentences names one of the topic's aliases (see
``data/gazetteer.json``). The quote is that review's best such sentence: the most topic words
(up to two) plus tone words, then the shortest; a long sentence is cut to the words around the
topic. The tone (``compare.tone``) is read from all of the review's sentences on the topic
together, and keeps the words that decided it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from nlmg_tui.compare.tone import Tone, ToneWord, tone_of, tone_words
from nlmg_tui.corpus.gazetteer import Entity, Gazetteer, Mention, default_gazetteer
from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.corpus.text import split_sentences
from nlmg_tui.textsafety import one_line

QUOTE_MAX_CHARS = 200


@dataclass(frozen=True)
class TopicCell:
    """One critic on one topic: the passage quoted, the quote, and the tone of all they said."""

    review_id: str
    critic: str | None
    paragraph_id: str
    quote: str
    tone: Tone
    sentences: int

    def to_json(self) -> dict:
        return {
            "review_id": self.review_id,
            "critic": self.critic,
            "paragraph_id": self.paragraph_id,
            "quote": self.quote,
            "tone": self.tone.label,
            "because": self.tone.explanation(),
            "tone_words": [
                {"word": w.word, "polarity": w.polarity, "negated_by": w.negated_by}
                for w in self.tone.words
            ],
            "sentences": self.sentences,
        }


@dataclass(frozen=True)
class TopicRow:
    """A topic and the critics who address it, in corpus order."""

    topic: Entity
    cells: tuple[TopicCell, ...]

    @property
    def consensus(self) -> str:
        """The tone most critics on this topic share, or ``split`` on a tie."""
        counts = Counter(c.tone.label for c in self.cells if c.tone.label != "neutral")
        if not counts:
            return "neutral"
        ranked = counts.most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return "split"
        return ranked[0][0]

    def to_json(self) -> dict:
        return {
            "topic": self.topic.slug,
            "label": self.topic.name,
            "consensus": self.consensus,
            "critics": [cell.to_json() for cell in self.cells],
        }


@dataclass(frozen=True)
class TopicMap:
    """Every topic of the gazetteer, in its order, with the critics who address it."""

    review_ids: tuple[str, ...]
    rows: tuple[TopicRow, ...]

    def row(self, topic_id: str) -> TopicRow | None:
        for row in self.rows:
            if row.topic.id == topic_id:
                return row
        return None

    def cell(self, topic_id: str, review_id: str) -> TopicCell | None:
        row = self.row(topic_id)
        for cell in row.cells if row else ():
            if cell.review_id == review_id:
                return cell
        return None

    def to_json(self) -> list[dict]:
        return [row.to_json() for row in self.rows]


@dataclass(frozen=True)
class _Sentence:
    paragraph_id: str
    text: str
    topics: tuple[Mention, ...]
    tone_words: tuple[ToneWord, ...]


def _sentences(review: Review, gazetteer: Gazetteer) -> list[_Sentence]:
    found = []
    for paragraph in review.paragraphs:
        for sentence in split_sentences(paragraph.text):
            topics = tuple(gazetteer.find_mentions(sentence, kinds=("topic",)))
            if topics:
                words = tuple(tone_words(sentence, gazetteer))
                found.append(_Sentence(paragraph.id, sentence, topics, words))
    return found


def _quote(sentence: _Sentence, topic_id: str) -> str:
    """The sentence on one line; if long, the words around the first mention of the topic."""
    text = sentence.text
    if len(text) <= QUOTE_MAX_CHARS:
        return one_line(text)
    mention = next(m for m in sentence.topics if m.entity_id == topic_id)
    start = max(0, mention.start - QUOTE_MAX_CHARS // 2)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = text.find(" ", min(len(text), start + QUOTE_MAX_CHARS))
    end = len(text) if end == -1 else end
    return one_line(("…" if start else "") + text[start:end] + ("…" if end < len(text) else ""))


def _cell(review: Review, topic_id: str, sentences: list[_Sentence]) -> TopicCell:
    def rank(sentence: _Sentence) -> tuple[int, int]:
        hits = sum(1 for m in sentence.topics if m.entity_id == topic_id)
        return (-(min(hits, 2) + len(sentence.tone_words)), len(sentence.text))

    best = min(sentences, key=rank)
    return TopicCell(
        review_id=review.id,
        critic=review.critic,
        paragraph_id=best.paragraph_id,
        quote=_quote(best, topic_id),
        tone=tone_of(w for s in sentences for w in s.tone_words),
        sentences=len(sentences),
    )


def topics_of(review: Review, gazetteer: Gazetteer | None = None) -> tuple[Entity, ...]:
    """The topics a review addresses anywhere, in the gazetteer's order (for a header row)."""
    gazetteer = gazetteer or default_gazetteer()
    found = {
        m.entity_id
        for paragraph in review.paragraphs
        for m in gazetteer.find_mentions(paragraph.text, kinds=("topic",))
    }
    return tuple(topic for topic in gazetteer.topics if topic.id in found)


def topic_map(corpus: Corpus, gazetteer: Gazetteer | None = None) -> TopicMap:
    """For each topic of the gazetteer: which critics address it, a quote and a tone from each."""
    gazetteer = gazetteer or default_gazetteer()
    per_review = [(review, _sentences(review, gazetteer)) for review in corpus.reviews]
    rows = []
    for topic in gazetteer.topics:
        cells = []
        for review, sentences in per_review:
            on_topic = [s for s in sentences if any(m.entity_id == topic.id for m in s.topics)]
            if on_topic:
                cells.append(_cell(review, topic.id, on_topic))
        rows.append(TopicRow(topic, tuple(cells)))
    return TopicMap(tuple(r.id for r in corpus.reviews), tuple(rows))
