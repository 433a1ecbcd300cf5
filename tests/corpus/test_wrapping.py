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


SECOND = ["The harbour scenes are the best thing in it, cold and grey and quite",
          "beautiful, and the score keeps out of their way for once in a long while,",
          "which is more than can be said for most films set by the sea these days."]
TWO_LINES = ["It is short, and it is sad, and it does not try to be anything else at",
             "all."]


def test_on_a_page_wrapped_at_a_column_a_two_line_paragraph_is_joined_too() -> None:
    """Once two runs show the page's column, a line broken there (the next word would not
    have fitted) joins the next, however few lines the paragraph has."""
    after = texts_after(["Sea Glass", "", *WRAPPED, "", *SECOND, "", *TWO_LINES, "", "Rating: 3/5"])
    assert [text for text in after if text] == ["Sea Glass", " ".join(WRAPPED), " ".join(SECOND),
                                                " ".join(TWO_LINES), "Rating: 3/5"]


def test_a_short_line_under_a_wrapped_paragraph_is_not_joined_by_the_column() -> None:
    after = texts_after([*WRAPPED, "", *SECOND, "", "Directed by Ann Lee", "Cast: Ida Berg"])
    assert [text for text in after if text][-2:] == ["Directed by Ann Lee", "Cast: Ida Berg"]
