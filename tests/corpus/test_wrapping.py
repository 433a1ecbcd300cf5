"""Hard-wrapped text is joined into paragraphs; lines that only look alike are left alone."""

from __future__ import annotations

from nlmg_tui.corpus.lines import Line
from nlmg_tui.corpus.wrapping import unwrap


def texts_after(texts: list[str]) -> list[str]:
    lines = [Line(number, text) for number, text in enumerate(texts, start=1)]
    unwrap(lines)
    return [line.text for line in lines]


WRAPPED = ["The first act is slow, and I almost gave up on it before the sisters",
           "finally have the argument the whole film has been holding back from us,",
           "and from then on it does not let go until the last shot of the beach."]


def test_a_wrapped_paragraph_becomes_one_line_and_keeps_the_numbering() -> None:
    after = texts_after(["Sea Glass (2012)", "", *WRAPPED, "", "Next paragraph."])
    assert after == ["Sea Glass (2012)", "", " ".join(WRAPPED), "", "", "", "Next paragraph."]


def test_lines_of_like_length_that_start_sentences_are_not_joined() -> None:
    chrome = ["Genres: Family Drama, Coastal Mystery, Literary Adaptation Film",
              "We have no synopsis for this title yet. Send us yours today!",
              "Sarah Vance Sarah Vance and the rest of the cast list here"]
    assert texts_after(chrome) == chrome


def test_list_items_and_comment_threads_are_not_joined() -> None:
    items = ["- the first act drags on far longer than it has any need to do",
             "- the music is lovely and carries the scenes that the script loses",
             "- and the ending is exactly the one that the book gave it as well"]
    assert texts_after(items) == items
    lines = [Line(n, text, "thread") for n, text in enumerate(WRAPPED, start=1)]
    unwrap(lines)
    assert [line.text for line in lines] == WRAPPED
