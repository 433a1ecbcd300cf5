"""Where the critics agree: for each topic, who addresses it, a quote, and the tone.

A review addresses a topic when one of its sentences names one of the topic's aliases (see
``data/gazetteer.json``). The quote is that review's best such sentence: the most topic words
(up to two) plus tone words, then the shortest; a long sentence is cut to the words around the
topic. The tone (``compare.tone``) is read from all of the review's sentences on the topic
together, and keeps the words that decided it.

A row never sums its critics up in one word that hides dissent: its ``tally`` counts each label
(``2 positive · 1 mixed · 2 unclear``) and its ``summary`` names the leading label with its count
out of all critics on the topic (``3 of 5 positive``, ``split, 2 each of 5`` on a tie between
opinions; critics with no opinion are counted, never outvoted); ``consensus`` is a label only
when every critic with an opinion shares it, else ``split``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from nlmg_tui.compare.tone import TONES, UNCLEAR, Tone, ToneWord, tone_of, tone_words
from nlmg_tui.corpus.gazetteer import Entity, Gazetteer, Mention, default_gazetteer, tokenize
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
    def tally(self) -> dict[str, int]:
        """How many critics gave each label, in ``TONES`` order, labels nobody gave left out."""
        counts = Counter(cell.tone.label for cell in self.cells)
        return {label: counts[label] for label in TONES if counts[label]}

    @property
    def leading(self) -> tuple[str, int]:
        """The opinion most critics gave and their number; ``split`` (with the shared number)
        when two opinions tie; ``unclear`` when nobody gave an opinion."""
        tally = self.tally
        opinions = {label: count for label, count in tally.items() if label != UNCLEAR}
        if not opinions:
            return UNCLEAR, tally.get(UNCLEAR, 0)
        top = max(opinions.values())
        leaders = [label for label, count in opinions.items() if count == top]
        return (leaders[0] if len(leaders) == 1 else "split"), top

    @property
    def consensus(self) -> str:
        """The label every critic with an opinion shares; ``split`` when they differ;
        ``unclear`` when nobody has one. Read it beside ``tally``."""
        opinions = {cell.tone.label for cell in self.cells} - {UNCLEAR}
        if not opinions:
            return UNCLEAR
        return opinions.pop() if len(opinions) == 1 else "split"

    @property
    def spread(self) -> str:
        """Every label with its count: ``2 positive · 1 mixed · 2 unclear``."""
        return " · ".join(f"{count} {label}" for label, count in self.tally.items())

    @property
    def summary(self) -> str:
        """``3 of 5 positive``: the leading opinion, with its count out of the critics here
        (``split, 2 each of 5`` on a tie)."""
        label, count = self.leading
        if label == "split":
            return f"split, {count} each of {len(self.cells)}"
        return f"{count} of {len(self.cells)} {label}"

    def to_json(self) -> dict:
        return {
            "topic": self.topic.slug,
            "label": self.topic.name,
            "consensus": self.consensus,
            "summary": self.summary,
            "tally": self.tally,
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
            tokens = tokenize(sentence)
            topics = tuple(gazetteer.find_mentions(sentence, kinds=("topic",), tokens=tokens))
            if topics:
                words = tuple(tone_words(sentence, gazetteer, tokens=tokens))
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
