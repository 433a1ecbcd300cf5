"""The pure parts of the comparison screens, table-tested."""

from __future__ import annotations

import pytest

from nlmg_tui.compare.align import AlignedPair, align_reviews
from nlmg_tui.compare.tone_arc import ReviewTone
from nlmg_tui.corpus.labels import quoted
from nlmg_tui.corpus.models import Paragraph
from nlmg_tui.corpus.spoiler_levels import SpoilerLevel
from nlmg_tui.tui.widgets.compare_header import ARC_WIDTH, arc_block, tone_line
from nlmg_tui.tui.widgets.compare_marks import compare_pair
from nlmg_tui.tui.widgets.compare_passage import (
    MENTION_STYLE,
    passage_label,
    passage_text,
    shield_bar,
)
from nlmg_tui.tui.widgets.compare_row import gutter_text
from nlmg_tui.tui.widgets.compare_status import CompareStatus, status_text
from nlmg_tui.tui.widgets.compare_sync import flipped, sync_offset
from nlmg_tui.tui.widgets.topic_detail import quote_span
from nlmg_tui.tui.widgets.topic_table import critic_heading, tone_label

from .conftest import HOSTILE_MARKUP, build_corpus

ANCHORS = [(0.0, 0.0), (10.0, 30.0), (20.0, 35.0), (50.0, 40.0)]


@pytest.mark.parametrize(
    ("y", "expected"),
    [
        (0, 0),
        (5, 15),  # halfway to the first pair: halfway on the other side
        (10, 30),  # a paired paragraph at the top: its partner at the top
        (15, 32.5),
        (20, 35),
        (35, 37.5),
        (50, 40),
        (60, 50),  # past the last anchor: keep the distance
        (-3, -3),
    ],
)
def test_sync_offset(y: float, expected: float) -> None:
    assert sync_offset(y, ANCHORS) == pytest.approx(expected)


def test_sync_offset_inverts_through_flipped_anchors() -> None:
    for y in (0, 3, 10, 12.5, 20, 44):
        assert sync_offset(sync_offset(y, ANCHORS), flipped(ANCHORS)) == pytest.approx(y)


def test_sync_offset_without_anchors_is_the_same_offset() -> None:
    assert sync_offset(7, []) == 7


@pytest.mark.parametrize(
    ("marked", "highlighted", "expected"),
    [
        (["a", "b"], "c", ("a", "b")),
        (["a"], "b", ("a", "b")),
        (["a"], "a", None),
        (["a"], None, None),
        ([], "a", None),
    ],
)
def test_compare_pair(marked: list[str], highlighted: str | None,
                      expected: tuple[str, str] | None) -> None:
    assert compare_pair(marked, highlighted) == expected


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("The ending is haunting.", "The ending is haunting."),
        ("…is haunting, and the score…", "is haunting, and the score"),
        ("The   ending\nis", "The ending\nis"),  # spaces folded in the quote, not in the text
        ("not in the paragraph", None),
        ("…", None),
    ],
)
def test_quote_span(quote: str, expected: str | None) -> None:
    text = "Before. The ending\nis haunting, and the score carries it. The ending is haunting."
    span = quote_span(text, quote)
    if expected is None:
        assert span is None
    else:
        assert span is not None
        assert text[span[0]:span[1]] in {expected, expected.replace("\n", " ")}


def test_passage_text_styles_mention_spans_and_keeps_markup_literal() -> None:
    corpus = build_corpus()
    right = corpus.reviews[1]
    pair = next(p for p in align_reviews(corpus.reviews[0], right) if p.right == "p3")
    paragraph = right.paragraph("p3")
    assert paragraph is not None
    text = passage_text(paragraph, pair.right_mentions)
    assert [text.plain[s.start:s.end] for s in text.spans if str(s.style) == MENTION_STYLE] == [
        "cast", "Carey Mulligan", "Andrew Garfield"]
    hostile = passage_text(Paragraph("p9", f"{HOSTILE_MARKUP}\x1b]0;t\x07"))
    assert hostile.plain == HOSTILE_MARKUP and not hostile.spans


def test_passage_label_marks_cursor_pin_section_and_spoiler() -> None:
    paragraph = Paragraph("p3", "x", section="The [b]Good[/b]", spoiler_warning=True)
    assert passage_label(paragraph, cursor=True, marked=True).plain == (
        "▶ p3 · The [b]Good[/b] · ⚠ spoiler warning  ◆ marked to pin")
    assert passage_label(paragraph, cursor=False, marked=False).plain == (
        "  p3 · The [b]Good[/b] · ⚠ spoiler warning")


@pytest.mark.parametrize(
    ("pair", "expected"),
    [
        (AlignedPair(None, "p1"), "gap ▶\nonly right"),
        (AlignedPair("p1", None), "◀ gap\nonly left"),
        (AlignedPair("p1", "p2", 0.456, ("topic:cast",), pinned=True), "0.46\n PINNED \ncast"),
        (AlignedPair("p1", "p2", 0.5, ("topic:a", "topic:b", "topic:c", "topic:d", "topic:e")),
         "0.50\na\nb\nc\n+2 more"),
    ],
)
def test_gutter_text(pair: AlignedPair, expected: str) -> None:
    assert gutter_text(pair).plain == expected


def test_topic_table_labels() -> None:
    left, right, _ = build_corpus().reviews
    assert critic_heading(left) == "100 Left"
    assert critic_heading(right) == "101 Hostile [red]Outlet[/red]"
    assert quoted("plain words") == "“plain words”"
    assert quoted('"Already quoted," he said') == '"Already quoted," he said'
    assert tone_label("mixed").plain == "± mixed"
    assert tone_label("negative", short=True).plain == "− neg"


def test_shield_bar_names_the_level_and_length_never_the_words() -> None:
    paragraph = Paragraph("p2", "They are clones, raised for their organs.")
    bar = shield_bar(paragraph, SpoilerLevel("premise", ('premise: "clones"',)))
    assert bar.plain == " ▒▒ Spoiler hidden (premise reveal) · 7 words · s to show ▒▒ "
    assert str(bar.style) == "reverse"  # a block without colour too
    assert "clones" not in bar.plain and "organs" not in bar.plain


@pytest.mark.parametrize(
    ("count", "index", "expected"),
    [
        (4, 0, 0),
        (4, 3, 3),  # fits: one block per paragraph
        (20, 0, 0),
        (20, 1, 0),  # 20 paragraphs in 10 blocks: two per block
        (20, 2, 1),
        (20, 19, 9),
        (15, 14, 9),
        (15, 7, 4),
    ],
)
def test_arc_block(count: int, index: int, expected: int) -> None:
    assert arc_block(count, ARC_WIDTH, index) == expected


def test_arc_block_agrees_with_sparkline_runs() -> None:
    """Marking a paragraph in a long arc marks the block whose run holds it."""
    from nlmg_tui.compare.tone_arc import sparkline

    values = [1.0 if i == 13 else -1.0 for i in range(23)]
    spark = sparkline(values, ARC_WIDTH)
    assert spark.index(max(spark)) == arc_block(23, ARC_WIDTH, 13)


def test_tone_line_puts_the_arc_the_tone_and_the_rating_together() -> None:
    left, right, _ = build_corpus().reviews
    tone = ReviewTone(arc=(0.5, -0.5, 0.0), score=0.0, label="mixed", positive=1, negative=1)
    line = tone_line(left, tone, cursor=1)
    assert line.plain == "▆▂▄        mixed +0.00 · 4/5"
    assert [(s.start, s.end) for s in line.spans if str(s.style) == "reverse"] == [(1, 2)]
    assert tone_line(right, tone).plain.endswith("mixed +0.00 · no rating")
    assert tone_line(right, None).plain == "tone reading… · no rating"
    assert tone_line(right, None, waiting="not available").plain.startswith("tone not available")
    empty = ReviewTone(arc=(), score=0.0, label="neutral", positive=0, negative=0)
    assert tone_line(left, empty).plain == "no paragraphs to read a tone from · 4/5"
    longest = ReviewTone(arc=(-0.5,) * 30, score=-0.42, label="negative", positive=0, negative=9)
    assert len(tone_line(right, longest).plain) == 37  # the left pane's width at 80 columns


@pytest.mark.parametrize(
    ("hidden", "expected"),
    [(0, None), (1, "· 1 spoiler hidden (s, S)"), (3, "· 3 spoilers hidden (s, S)")],
)
def test_status_counts_hidden_spoilers(hidden: int, expected: str | None) -> None:
    text = status_text(CompareStatus(view="aligned", side="left", hidden_spoilers=hidden)).plain
    if expected is None:
        assert "spoiler" not in text
    else:
        assert text == f"Aligned · left side {expected}"


def test_side_header_does_not_double_a_verdict_that_opens_with_a_quote() -> None:
    from nlmg_tui.corpus import labels
    from nlmg_tui.corpus.store import load_corpus
    from nlmg_tui.tui.widgets.compare_header import side_header

    opening = [r for r in load_corpus().reviews if labels.verdict_label(r)[:1] in "\"“"]
    assert opening, "a bundled review's verdict opens with a quotation mark"
    review = opening[0]
    verdict_line = side_header(review, "left", [], [], None).plain.splitlines()[3]
    assert verdict_line == one_line_of(labels.verdict_label(review))


def one_line_of(text: str) -> str:
    return " ".join(text.split())
