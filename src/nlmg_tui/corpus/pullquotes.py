"""Choose the one to three sentences that carry a review's verdict (its "pull quote").

Rules, in order; each quote records the rule that chose it:

1. ``verdict-section``: the first sentence of an overall verdict section ("The Truth",
   "Final Verdict", "The Lowdown", "Verdict", "Bottom line").
2. ``headline``: the headline, when it judges the film (it holds an evaluative word and is
   more than the film's title).
3. ``evaluative-sentence``: the body sentence with the most evaluative words, ties broken by
   position (last paragraph first, then first paragraph), at most 40 words.
4. ``lead-sentence``: when nothing above applies, the first sentence of the body.

At most three quotes; the same sentence is never chosen twice.
"""

from __future__ import annotations

import re

from nlmg_tui.corpus.models import Paragraph, PullQuote
from nlmg_tui.corpus.text import fold, split_sentences

OVERALL_VERDICT_LABELS = {"the truth", "final verdict", "the lowdown", "verdict", "the verdict",
                          "bottom line", "the bottom line", "overall", "in short"}
_EVALUATIVE = re.compile(
    r"\b(best|brilliant|masterpiece|must[- ]see|superb|haunting|heartbreaking|devastating|"
    r"moving|powerful|beautiful(ly)?|gorgeous|perfect|recommend\w*|great|dark|brooding|"
    r"worst|boring|dull|fails?|flawed|disappointing|tiresome|depressing|downer|underrated|"
    r"remarkable|stunning|wonderful|excellent|fine|compelling)\b",
    re.I,
)
_MAX_WORDS = 40
MAX_QUOTES = 3


def choose_pull_quotes(headline: str | None, paragraphs: list[Paragraph],
                       film_title: str | None) -> list[PullQuote]:
    chosen: list[PullQuote] = []

    def add(text: str, rule: str, paragraph_id: str | None) -> None:
        if len(chosen) < MAX_QUOTES and all(fold(q.text) != fold(text) for q in chosen):
            chosen.append(PullQuote(text, rule, paragraph_id))

    for paragraph in paragraphs:
        if paragraph.section and paragraph.section.casefold() in OVERALL_VERDICT_LABELS:
            sentences = split_sentences(paragraph.text)
            if sentences and len(sentences[0].split()) <= _MAX_WORDS * 2:
                add(sentences[0], "verdict-section", paragraph.id)
    if headline and _EVALUATIVE.search(headline) and fold(headline) != fold(film_title or ""):
        add(headline, "headline", None)
    if not chosen:
        body = [p for p in paragraphs if not p.section and not p.spoiler_warning]
        best = _best_evaluative_sentence(body)
        if best:
            add(*best)
        elif body:
            add(split_sentences(body[0].text)[0], "lead-sentence", body[0].id)
    return chosen


def _best_evaluative_sentence(paragraphs: list[Paragraph]) -> tuple[str, str, str] | None:
    if not paragraphs:
        return None
    order = [paragraphs[-1], paragraphs[0], *paragraphs[1:-1]]
    best: tuple[int, str, str] | None = None
    for paragraph in order:
        for sentence in split_sentences(paragraph.text):
            if len(sentence.split()) > _MAX_WORDS:
                continue
            score = len(_EVALUATIVE.findall(sentence))
            if score and (best is None or score > best[0]):
                best = (score, sentence, paragraph.id)
    return (best[1], "evaluative-sentence", best[2]) if best else None
