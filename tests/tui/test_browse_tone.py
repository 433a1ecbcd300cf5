"""The browse screen's tone: the list's tone and arc columns (filled after the first frame),
the preview's tone line, and the preview's respect for spoiler-free mode."""

from __future__ import annotations

import asyncio
import re
import threading

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

import nlmg_tui.tui.screens.browse as browse_module
from nlmg_tui.corpus.gazetteer import GazetteerError
from nlmg_tui.corpus.models import Corpus, Paragraph, Rating, Review
from nlmg_tui.tui.app import NlmgApp, make_app
from nlmg_tui.tui.screens.browse import BrowseScreen
from nlmg_tui.tui.tone_badge import tone_for
from nlmg_tui.tui.widgets.review_list import (
    ARC_WIDTH,
    COLUMNS,
    GAP,
    LABEL_WIDTH,
    SCORE_WIDTH,
    TONE_PENDING,
    VERDICT_MIN,
    column_widths,
    longest_names,
)
from nlmg_tui.tui.widgets.review_preview import OPENING_PENDING, SPOILER_HIDDEN, ReviewPreview

from .conftest import HOSTILE_MARKUP

REVEAL = "The children of Hailsham are clones raised to donate their organs."


def review(review_id: str, critic: str, published: str, *texts: str,
           rating: Rating | None = None) -> Review:
    return Review(id=review_id, source=f"{review_id}.txt", headline=f"Headline {review_id}",
                  critic=critic, outlet="Daily Paper", published=published, rating=rating,
                  site_rating=None,
                  paragraphs=tuple(Paragraph(f"p{n}", t) for n, t in enumerate(texts, 1)))


def tone_corpus() -> Corpus:
    return Corpus((
        # newest first: the cursor starts here
        review("010_spoil", "Sam Spoil", "2010-10-01",
               "A superb, haunting film; the cast is brilliant.", REVEAL,
               "The ending is tedious.", rating=Rating("4/5", 0.8, "5")),
        review("011_pan", f"Pat {HOSTILE_MARKUP}", "2010-09-01",
               "A dull, slow film.", "Nothing more to add."),
    ))


@pytest.fixture
def tone_app(user_data_dir) -> NlmgApp:
    return make_app(corpus=tone_corpus(), data_dir=user_data_dir)


async def read_reviews_done(pilot: Pilot) -> None:
    """Let the browse screen's worker finish and its result be shown."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def browse(app: NlmgApp) -> BrowseScreen:
    assert isinstance(app.screen, BrowseScreen)
    return app.screen


def preview(app: NlmgApp) -> str:
    return str(app.screen.query_one("#preview", ReviewPreview).render())


def heading(app: NlmgApp) -> str:
    return str(app.screen.query_one(".review-list--heading", Static).render())


def hold_read_reviews(monkeypatch) -> threading.Event:
    """Hold the browse screen's worker until the event returned is set."""
    go = threading.Event()
    read_reviews = browse_module.read_reviews

    def held(*args):
        assert go.wait(timeout=30), "the test never released the worker"
        return read_reviews(*args)

    monkeypatch.setattr(browse_module, "read_reviews", held)
    return go


async def test_tone_columns_fill_in_once_scored(tone_app):
    async with tone_app.run_test(size=(120, 40)) as pilot:
        await read_reviews_done(pilot)
        table = browse(tone_app).table
        assert "Tone" in heading(tone_app) and "Arc" in heading(tone_app)
        spoil = table.row_text_of("010_spoil")
        tone = tone_for(tone_corpus().reviews[0])
        # 3 words for, 1 against; the critic's 4/5 decides the label (docs/compare.md)
        assert (tone.label, tone.positive, tone.negative) == ("positive", 3, 1)
        # next to the rating; the arc: three words for, then none, then one against
        assert re.search(r"  4/5 +positive \+0\.30 +▇▄▂ ", spoil), spoil
        # one complaint in the body alone is too weak a signal for a colour
        assert re.search(r"unclear -0\.50 +▂▄ ", table.row_text_of("011_pan"))


async def test_first_frame_does_not_wait_for_scoring(tone_app, monkeypatch):
    """Hold the worker: the list and preview are already shown, with placeholders."""
    go = hold_read_reviews(monkeypatch)
    async with tone_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = browse(tone_app).table
        row = table.row_text_of("010_spoil")
        assert "Sam Spoil" in row and re.search(f"  4/5 +{TONE_PENDING}  ", row)
        assert not set(row) & set("▁▂▃▅▆▇█")
        assert "Tone: …" in preview(tone_app)
        assert OPENING_PENDING in preview(tone_app) and "superb" not in preview(tone_app)
        go.set()
        await read_reviews_done(pilot)
        assert TONE_PENDING not in table.row_text_of("010_spoil")
        assert OPENING_PENDING not in preview(tone_app) and "superb" in preview(tone_app)


async def test_the_opening_is_shown_once_levels_are_read_before_the_tones(tone_app, monkeypatch):
    levels_done, go = threading.Event(), threading.Event()
    read_reviews = browse_module.read_reviews

    def noted(corpus, shield, levels_read):
        def then_note() -> None:
            levels_read()
            levels_done.set()
        return read_reviews(corpus, shield, then_note)

    def held(review):
        assert go.wait(timeout=30), "the test never released the worker"
        return tone_for(review)

    monkeypatch.setattr(browse_module, "read_reviews", noted)
    monkeypatch.setattr(browse_module, "tone_for", held)
    async with tone_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert await asyncio.get_running_loop().run_in_executor(None, levels_done.wait, 30)
        await pilot.pause()
        await pilot.pause()
        assert "A superb, haunting film" in preview(tone_app) and "Tone: …" in preview(tone_app)
        assert TONE_PENDING in browse(tone_app).table.row_text_of("010_spoil")
        go.set()
        await read_reviews_done(pilot)
        assert "Tone: positive +0.30" in preview(tone_app)


async def test_preview_shows_the_tone_and_why(tone_app):
    async with tone_app.run_test(size=(120, 40)) as pilot:
        await read_reviews_done(pilot)
        lines = preview(tone_app).splitlines()
        assert lines[1] == "Sam Spoil · Daily Paper · 2010-10-01 · rating 4/5"
        assert lines[2] == "Tone: positive +0.30 · 3 words for, 1 against · ▇▄▂"
        await pilot.press("j")
        await pilot.pause()
        assert "Tone: unclear -0.50 · 0 words for, 1 against · ▂▄" in preview(tone_app)


async def test_preview_hides_a_shielded_paragraph_until_spoiler_free_is_off(tone_app):
    async with tone_app.run_test(size=(120, 40)) as pilot:
        await read_reviews_done(pilot)
        assert tone_app.spoiler_shield.enabled  # on at first run
        shown = preview(tone_app)
        assert "A superb, haunting film" in shown and SPOILER_HIDDEN in shown
        assert "clones" not in shown and "organs" not in shown
        tone_app.action_toggle_spoiler_free()
        await pilot.pause()
        shown = preview(tone_app)
        assert REVEAL in shown and SPOILER_HIDDEN not in shown
        tone_app.action_toggle_spoiler_free()
        await pilot.pause()
        assert "clones" not in preview(tone_app)


async def test_preview_shows_a_paragraph_revealed_elsewhere(tone_app):
    async with tone_app.run_test(size=(120, 40)) as pilot:
        await read_reviews_done(pilot)
        spoil = browse(tone_app).highlighted_review
        assert spoil is not None and spoil.id == "010_spoil"
        tone_app.spoiler_shield.reveal(spoil, "p2")  # as the reader does
        tone_app.spoiler_shield_changed.publish(None)
        await pilot.pause()
        assert REVEAL in preview(tone_app)


async def test_unreadable_levels_hide_the_opening_and_say_so(tone_app, monkeypatch):
    def broken(*args):
        raise GazetteerError("The gazetteer /nowhere/gazetteer.json is missing.")

    monkeypatch.setattr(browse_module, "read_reviews", broken)
    async with tone_app.run_test(size=(120, 40)) as pilot:
        await read_reviews_done(pilot)
        assert tone_app.is_running
        notes = [str(n.message) for n in tone_app._notifications]
        assert any("Tones and spoiler levels are unavailable" in note for note in notes)
        shown = preview(tone_app)
        assert "superb" not in shown and shown.count(SPOILER_HIDDEN) == 2
        assert TONE_PENDING in browse(tone_app).table.row_text_of("010_spoil")
        tone_app.action_toggle_spoiler_free()  # off: the user chose to see everything
        await pilot.pause()
        assert REVEAL in preview(tone_app)


async def test_80_columns_drop_the_arc_but_keep_names_and_tone(real_app):
    async with real_app.run_test(size=(80, 24)) as pilot:
        await read_reviews_done(pilot)
        screen = browse(real_app)
        assert not screen.too_small
        assert "Tone" in heading(real_app) and "Arc" not in heading(real_app)
        rows = [screen.table.row_text_of(r.id) for r in screen.visible_reviews]
        assert all(len(row) <= 79 for row in rows)
        assert any("James Rocchi" in row and "positive +0.25" in row for row in rows)
        assert any("bluemeanie" in row and "10/10" in row and "positive +0.99" in row
                   for row in rows)


async def test_120_columns_show_a_ten_character_arc(real_app):
    async with real_app.run_test(size=(120, 40)) as pilot:
        await read_reviews_done(pilot)
        screen = browse(real_app)
        row = screen.table.row_text_of("001_0e27ec211dcc8335")  # 22 paragraphs
        found = re.search(r"positive \+0\.38  ([▁▂▃▄▅▆▇█]+) ", row)
        assert found and len(found.group(1)) == ARC_WIDTH, row


@pytest.mark.parametrize(
    ("width", "arc", "tone"),
    [(119, "whole", LABEL_WIDTH), (101, "squeezed", LABEL_WIDTH), (79, "gone", LABEL_WIDTH),
     (59, "gone", SCORE_WIDTH)],
)
def test_column_widths_give_way_in_order(width, arc, tone):
    """Real-corpus names; the arc goes first, the tone label last."""
    from nlmg_tui.corpus.store import load_corpus

    reviews = load_corpus().reviews
    widths = column_widths(width, reviews)
    assert widths["tone"] == tone
    assert {"whole": widths["arc"] == ARC_WIDTH, "squeezed": 0 < widths["arc"] < ARC_WIDTH,
            "gone": widths["arc"] == 0}[arc], widths
    shown = [name for name in COLUMNS if widths[name]]
    assert sum(widths[name] for name in shown) + GAP * (len(shown) - 1) == width
    assert widths["verdict"] >= VERDICT_MIN
    critic, outlet = longest_names(reviews)  # each up to NAME_MAX (16)
    if widths["arc"]:
        assert (widths["critic"], widths["outlet"]) == (critic, outlet)  # untouched by the arc
    else:
        assert widths["outlet"] in (0, outlet)  # the outlet goes whole, never cut to a stub


def test_browse_with_tone_columns(snap_compare, tone_app):
    assert snap_compare(tone_app, terminal_size=(100, 32), run_before=read_reviews_done)


async def test_tone_rows_wait_under_another_screen_and_show_on_return(tone_app, monkeypatch):
    """Rows under the search screen are not redrawn (the search would share the CPU with rows
    nobody sees); back on the list, every row has its tone."""
    go = hold_read_reviews(monkeypatch)
    async with tone_app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = browse(tone_app).table
        redrawn = []
        replace = table.options.replace_option_prompt
        monkeypatch.setattr(table.options, "replace_option_prompt",
                            lambda *args: (redrawn.append(args[0]), replace(*args)))
        await pilot.press("slash")
        go.set()
        await read_reviews_done(pilot)
        assert table.tone_of("010_spoil") is not None and redrawn == []
        await pilot.press("escape")
        await pilot.pause()
        assert browse(tone_app).table is table
        assert TONE_PENDING not in table.row_text_of("010_spoil")
