"""Mentions (issue 15): snippets cut at word boundaries, the reviewed film is no watchlist
candidate, and Merchant Ivory is a company, not a person."""

from __future__ import annotations

import pytest

from nlmg_tui.corpus.gazetteer import Mention, default_gazetteer
from nlmg_tui.tui.screens.mentions import MentionsScreen, snippet, word_window

TEXT = ("Shot in muted greens and greys, taking place in dimly lit rooms or under cloudy skies, "
        "Mark Romanek's film unfolds with the beautiful poisoned grace of a viper readying to "
        "strike, and the twist is revealed by both the original marketing and the novel itself.")


def test_snippets_start_and_end_on_whole_words() -> None:
    start = TEXT.index("Mark Romanek")
    mention = Mention("person:mark-romanek", "person", start, start + 12, "Mark Romanek")
    shown = snippet(TEXT, (mention,)).plain
    words = set(TEXT.replace(",", " ").split())
    assert shown.startswith("…") and shown.endswith("…")
    first, last = shown[1:].split()[0], shown[:-1].split()[-1]
    assert first.rstrip(",") in words and last.rstrip(",.") in words, shown
    assert "Mark Romanek" in shown


@pytest.mark.parametrize(("start", "end"), [(3, 40), (0, 10), (50, len(TEXT))])
def test_word_window_never_halves_a_word(start, end) -> None:
    a, b = word_window(TEXT, start, end)
    assert a == 0 or TEXT[a - 1] == " "
    assert b == len(TEXT) or TEXT[b] in " ,"


def test_merchant_ivory_is_a_company() -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.get("person:merchant-ivory") is None
    company = gazetteer.get("company:merchant-ivory")
    assert company is not None and company.kind == "company"
    found = gazetteer.find_mentions("It plays like a Merchant Ivory drama.", kinds=("person",))
    assert found == []


async def test_the_reviewed_film_is_not_a_watchlist_candidate(real_app):
    async with real_app.run_test(size=(100, 32)) as pilot:
        real_app.open_mentions("film:never-let-me-go")
        await pilot.pause()
        screen = real_app.screen
        assert isinstance(screen, MentionsScreen)
        assert screen.highlighted_entry is not None
        assert screen.highlighted_entry.entity.id == "film:never-let-me-go"
        await pilot.press("a")
        await pilot.pause()
        assert real_app.library.watchlist() == []
        assert any("the film these reviews are about" in str(n.message)
                   for n in real_app._notifications)
