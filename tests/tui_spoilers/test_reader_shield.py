"""The reader in spoiler-free mode: shielded paragraphs are bars until revealed (``s`` one,
``S`` all), the mode is on at first run, ``Z`` turns it off and it is remembered."""

from __future__ import annotations

import json

from nlmg_tui.corpus.spoiler_levels import spoiler_levels
from nlmg_tui.tui.app import make_app
from nlmg_tui.tui.screens.reader import ReaderScreen
from nlmg_tui.tui.settings import settings_path
from nlmg_tui.tui.tone_badge import tone_for

from .conftest import SIZE, review_with_most_spoilers, shielded_ids


def reader(app) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def shown(app) -> dict[str, str]:
    """Paragraph id -> what its view shows now."""
    return {view.paragraph.id: str(view.render()) for view in reader(app).views}


def status(app) -> str:
    return str(reader(app).query_one("#reader-status").render())


def words_of(text: str) -> str:
    """A distinctive stretch of a paragraph: its first 40 characters."""
    return text[:40]


async def test_first_run_hides_exactly_the_shielded_paragraphs(real_app, real_corpus):
    review = review_with_most_spoilers(real_corpus)
    hidden = shielded_ids(review)
    assert hidden  # the corpus gives the twist away: the rules find it
    async with real_app.run_test(size=SIZE) as pilot:
        real_app.open_reader(review.id)
        await pilot.pause()
        texts = shown(real_app)
        levels = spoiler_levels(review)
        for paragraph in review.paragraphs:
            if paragraph.id in hidden:
                assert texts[paragraph.id].startswith("▒▒ Spoiler hidden (")
                name = "ending" if levels[paragraph.id].level == "ending" else "premise reveal"
                assert f"({name})" in texts[paragraph.id]
                assert words_of(paragraph.text) not in texts[paragraph.id]
                assert f"{len(paragraph.text.split())} words" in texts[paragraph.id]
            else:
                assert words_of(paragraph.text) in texts[paragraph.id]
        assert f"{len(hidden)} spoiler ¶ hidden (s, S)" in status(real_app)
        screen_text = "".join(str(v.render()) for v in reader(real_app).views)
        for paragraph_id in hidden:  # nor do the reasons leak (they name the plot terms)
            for reason in levels[paragraph_id].reasons:
                assert reason not in screen_text


async def test_s_reveals_the_cursor_paragraph_and_hides_it_again(real_app, real_corpus):
    review = review_with_most_spoilers(real_corpus)
    target = shielded_ids(review)[0]
    paragraph = review.paragraphs[review.paragraph_index(target)]
    async with real_app.run_test(size=SIZE) as pilot:
        real_app.open_reader(review.id, paragraph_id=target)
        await pilot.pause()
        assert words_of(paragraph.text) not in shown(real_app)[target]
        await pilot.press("s")
        await pilot.pause()
        assert words_of(paragraph.text) in shown(real_app)[target]
        others = [pid for pid in shielded_ids(review) if pid != target]
        assert all(shown(real_app)[pid].startswith("▒▒") for pid in others)  # one by one
        await pilot.press("s")
        await pilot.pause()
        assert shown(real_app)[target].startswith("▒▒")


async def test_s_on_a_plain_paragraph_says_there_is_nothing_to_hide(real_app, real_corpus):
    review = review_with_most_spoilers(real_corpus)
    plain = next(p.id for p in review.paragraphs if p.id not in shielded_ids(review))
    async with real_app.run_test(size=SIZE) as pilot:
        real_app.open_reader(review.id, paragraph_id=plain)
        await pilot.pause()
        before = shown(real_app)
        await pilot.press("s")
        await pilot.pause()
        assert shown(real_app) == before
        assert any("gives nothing away" in str(n.message) for n in real_app._notifications)


async def test_capital_s_reveals_all_then_hides_all(real_app, real_corpus):
    review = review_with_most_spoilers(real_corpus)
    hidden = shielded_ids(review)
    async with real_app.run_test(size=SIZE) as pilot:
        real_app.open_reader(review.id)
        await pilot.pause()
        await pilot.press("S")
        await pilot.pause()
        texts = shown(real_app)
        for pid in hidden:
            text = review.paragraphs[review.paragraph_index(pid)].text
            assert words_of(text) in texts[pid]
        assert "hidden (s, S)" not in status(real_app)
        assert any(f"Showing {len(hidden)} spoiler paragraphs" in str(n.message)
                   for n in real_app._notifications)
        await pilot.press("S")
        await pilot.pause()
        assert all(shown(real_app)[pid].startswith("▒▒") for pid in hidden)


async def test_z_turns_the_mode_off_and_the_next_start_remembers(real_app, real_corpus,
                                                                 user_data_dir):
    review = review_with_most_spoilers(real_corpus)
    hidden = shielded_ids(review)
    async with real_app.run_test(size=SIZE) as pilot:
        real_app.open_reader(review.id)
        await pilot.pause()
        await pilot.press("Z")
        await pilot.pause()
        assert not any(text.startswith("▒▒") for text in shown(real_app).values())
        assert "hidden" not in status(real_app)
    stored = json.loads(settings_path(user_data_dir).read_text())
    assert stored["spoiler_free"] is False

    again = make_app(corpus=real_corpus, data_dir=user_data_dir)
    async with again.run_test(size=SIZE) as pilot:
        assert again.spoiler_shield.enabled is False
        again.open_reader(review.id)
        await pilot.pause()
        assert not any(text.startswith("▒▒") for text in shown(again).values())
        await pilot.press("Z")  # and back on: hidden again at once
        await pilot.pause()
        assert all(shown(again)[pid].startswith("▒▒") for pid in hidden)
    assert json.loads(settings_path(user_data_dir).read_text())["spoiler_free"] is True


async def test_reveals_last_for_the_session_only(real_app, real_corpus, user_data_dir):
    review = review_with_most_spoilers(real_corpus)
    target = shielded_ids(review)[0]
    async with real_app.run_test(size=SIZE) as pilot:
        real_app.open_reader(review.id, paragraph_id=target)
        await pilot.pause()
        await pilot.press("s", "q")
        await pilot.pause()
        real_app.open_reader(review.id, paragraph_id=target)  # reopened: still revealed
        await pilot.pause()
        assert not shown(real_app)[target].startswith("▒▒")
    again = make_app(corpus=real_corpus, data_dir=user_data_dir)
    async with again.run_test(size=SIZE) as pilot:
        again.open_reader(review.id, paragraph_id=target)
        await pilot.pause()
        assert shown(again)[target].startswith("▒▒")


async def test_a_corrupt_settings_file_keeps_spoilers_hidden(real_corpus, user_data_dir):
    path = settings_path(user_data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"spoiler_free": fal')
    app = make_app(corpus=real_corpus, data_dir=user_data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.spoiler_shield.enabled is True
        assert any("moved" in str(n.message) or "settings" in str(n.message)
                   for n in app._notifications)


async def test_selecting_sentences_of_a_hidden_paragraph_asks_to_reveal_first(real_app,
                                                                              real_corpus):
    review = review_with_most_spoilers(real_corpus)
    target = shielded_ids(review)[0]
    async with real_app.run_test(size=SIZE) as pilot:
        real_app.open_reader(review.id, paragraph_id=target)
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(real_app.screen, ReaderScreen)  # no picker showing the text
        assert any("press s to show it first" in str(n.message) for n in real_app._notifications)


async def test_bookmarking_a_hidden_paragraph_keeps_it_hidden(real_app, real_corpus):
    review = review_with_most_spoilers(real_corpus)
    target = shielded_ids(review)[0]
    paragraph = review.paragraphs[review.paragraph_index(target)]
    async with real_app.run_test(size=SIZE) as pilot:
        real_app.open_reader(review.id, paragraph_id=target)
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("escape")  # the note offered after a bookmark: none
        await pilot.pause()
        text = shown(real_app)[target]
        assert text.startswith("★ ▒▒ Spoiler hidden")
        assert words_of(paragraph.text) not in text
        assert [b.paragraph_id for b in real_app.library.bookmarks()] == [target]


async def test_header_shows_overall_tone_next_to_rating_and_the_arc(real_app, real_corpus):
    rated = next(r for r in real_corpus.reviews if r.rating is not None)
    tone = tone_for(rated)
    async with real_app.run_test(size=SIZE) as pilot:
        real_app.open_reader(rated.id)
        await pilot.pause()
        header = reader(real_app).query_one("#reader-header").render()
        line = str(header).splitlines()[1]
        assert f"rating {rated.rating.text} · tone {tone.label} {tone.score:+.2f}" in line
        arc = line.rsplit(" ", 1)[1]
        assert len(arc) == len(rated.paragraphs)  # one block per paragraph
        assert set(arc) <= set("▁▂▃▄▅▆▇█")
        await pilot.press("j")
        await pilot.pause()
        header = reader(real_app).query_one("#reader-header").render()
        reversed_at = [header.plain[span.start:span.end] for span in header.spans
                       if getattr(span.style, "reverse", False)]
        assert reversed_at == [arc[1]]  # the cursor's paragraph is marked on the arc
