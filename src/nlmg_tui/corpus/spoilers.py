"""Spot a critic's spoiler warning ("contains spoilers", "impossible to review without revealing").

A sentence is a warning when it names spoilers outright, or when it pairs revealing/discussing
with the plot/secret/twist and a cue that the reader is being warned ("without", "before
reading", "bear that in mind").
"""

from __future__ import annotations

import re

from nlmg_tui.corpus.text import split_sentences

_SPOILER_WORD = re.compile(r"\bspoil(?:er|ers|s|ing)?\b", re.I)
_REVEAL = re.compile(r"\b(reveal\w*|referenc\w*|discuss\w*|giv\w* away)\b", re.I)
_PLOT = re.compile(r"\b(plot|secret|twist|premise|ending)\b", re.I)
_WARNING_CUE = re.compile(
    r"\b(without|before reading|bear (that|this) in mind|be warned|warning|if you (don.t|do not) want)\b",
    re.I,
)


def is_spoiler_warning(sentence: str) -> bool:
    if _SPOILER_WORD.search(sentence):
        return True
    return bool(_REVEAL.search(sentence) and _PLOT.search(sentence)
                and _WARNING_CUE.search(sentence))


def warns_of_spoilers(paragraph: str) -> bool:
    return any(is_spoiler_warning(s) for s in split_sentences(paragraph))
