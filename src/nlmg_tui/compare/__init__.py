"""Comparing reviews: two side by side (``align``), and all of them by topic (``agreement``)."""

from nlmg_tui.compare.agreement import TopicCell, TopicMap, TopicRow, topic_map, topics_of
from nlmg_tui.compare.align import AlignedPair, PinError, align_reviews, similarity_matrix
from nlmg_tui.compare.tone import Tone, ToneWord, judge_tone

__all__ = [
    "AlignedPair",
    "PinError",
    "Tone",
    "ToneWord",
    "TopicCell",
    "TopicMap",
    "TopicRow",
    "align_reviews",
    "judge_tone",
    "similarity_matrix",
    "topic_map",
    "topics_of",
]
