"""Text is data on every screen: markup in reviews, comments, notes, titles and queries is shown
literally, never parsed, never run; escape sequences never reach the screen.

One case per screen (each a different mix of widget kinds: option lists, tables, statics, tab and
border titles, inputs, notifications), all on the real corpus with hostile text injected.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest

from nlmg_tui.corpus.models import Comment, CommentPart, Corpus, Paragraph, Section
from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.library.library import Library
from nlmg_tui.tui.app import NlmgApp

MARKUP = "[@click=app.quit]Q[/] [b]B[/b] [/"
ESCAPES = "\x1b]0;PWNED\x07\x1b[31m\u202e"


def hostile_corpus() -> Corpus:
    reviews = list(load_corpus().reviews)
    first = reviews[0]
    reviews[0] = replace(
        first,
        critic=f"Eve {MARKUP}{ESCAPES}",
        outlet=f"Out {MARKUP}",
        headline=f"Head {MARKUP}",
        paragraphs=(
            Paragraph("p1", f"Body {MARKUP}{ESCAPES} Kathy and Tommy and Ruth.", section=None),
            Paragraph("p2", f"Verdict {MARKUP}", section=f"Label {MARKUP}"),
            Paragraph("p3", "W" * 5000 + " Z\u0335\u0336\u0337a\u0334\u0338l\u0321\u0322g\u0327o"
                            " tab\there cr\rthere nul\x00there."),
            *first.paragraphs[1:],
        ),
        sections=(Section(f"Label {MARKUP}", "verdict", ("p2",)),),
        comments=(
            Comment(1, f"Commenter {MARKUP}", f"Comment {MARKUP}", (),
                    (CommentPart("text", f"Comment {MARKUP}"),)),
            Comment(2, "Replier", "Reply", (), (CommentPart("quote", f"Comment {MARKUP}", 1),
                                                 CommentPart("text", "Reply"))),
        ),
    )
    return Corpus(tuple(reviews))


def screen_text(app: NlmgApp) -> str:
    """What the terminal would show, as plain text (from the SVG screenshot)."""
    svg = app.export_screenshot()
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(texts)).replace("\xa0", " ")


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def open_screen(app: NlmgApp, name: str, review_id: str) -> None:
    if name == "browse":
        return
    if name == "reader":
        app.open_reader(review_id, "p1")
    elif name == "comments":
        app.open_comments(review_id)
    elif name == "compare":
        app.open_compare(review_id, "002")
    elif name == "topics":
        app.open_topics()
    elif name == "bookmarks":
        app.open_bookmarks()
    elif name == "watchlist":
        app.open_watchlist()
    elif name == "mentions":
        app.open_mentions()
    elif name == "search":
        app.open_search("Eve")
    elif name == "timeline":
        app.open_timeline()
    elif name == "help":
        app.action_help()


SCREENS = ["browse", "reader", "comments", "compare", "topics", "bookmarks", "watchlist",
           "mentions", "search", "timeline", "help"]


@pytest.mark.parametrize("name", SCREENS)
async def test_markup_is_shown_literally_on_every_screen(name: str, user_data_dir) -> None:
    corpus = hostile_corpus()
    review_id = corpus.reviews[0].id
    library = Library(user_data_dir)
    library.add_bookmark(review_id, "p1", f"Body {MARKUP}", note=f"Note {MARKUP}{ESCAPES}",
                         tags=[f"tag{MARKUP}"])
    library.add_film(f"Film {MARKUP}")
    app = NlmgApp(corpus, data_dir=user_data_dir)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        open_screen(app, name, review_id)
        await settle(pilot)
        shown = screen_text(app)
        assert app.is_running, "a markup action ran"
        if name != "help":  # help lists keys only; its case is the notification below
            assert "[@click" in shown or "[b]B" in shown, shown[:3000]
        assert "PWNED" not in shown and "\x1b" not in shown and "\u202e" not in shown
        app.notify(f"Notice {MARKUP}", markup=False)
        await settle(pilot)
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert any("Notice [@click=app.quit]Q[/]" in t for t in toasts), toasts
