"""Where the review's body ends: the lines right under its last paragraph.

- a dash signature ("—Jane Doe") or a "Reviewed by Jane Doe" credit on its own line ends it:
  what follows is the writer's bio and the site's own lines (unless the dash credits a
  quotation or a verse above it);
- a short whole sentence ("Highly recommended.") closes it when only a rating, chrome or the
  comments follow (thanks and farewells to the reader do not);
- a saved page's last line, cut off mid-sentence, is still its last paragraph;
- a last paragraph of nothing but short questions to the reader ("Have you seen it? Do you
  want to?") is the blog's prompt for comments, not the review.
"""

from __future__ import annotations

import re

from nlmg_tui.corpus.lines import Line, function_words, starts_like_sentence
from nlmg_tui.corpus.ratings import find_ratings
from nlmg_tui.corpus.text import split_sentences

# The page's last line, cut off mid-sentence, right after the body: kept when it reads as
# running English (this many words, two of them function words).
_TRUNCATED_TAIL_WORDS = 8
_SHORT_TRUNCATED_TAIL_WORDS = 4
_TRUNCATED_TAIL_FUNCTION_WORDS = 2
_DASHES = ("-", "–", "—")
_MIN_SIGNED_WORDS = 12
_CLOSING_QUOTES = ('"', "”", "’", "'")
_PROMPT_WORDS = 25
_YOU = re.compile(r"\byou\b", re.I)
_FAREWELL = re.compile(r"^(?:thanks|thank you|cheers|enjoy)\b|\b(?:see you|stay tuned|until next time|"
                       r"happy (?:viewing|watching))\b", re.I)


def signs(line: Line, above: str) -> bool:
    """``line`` is a dash signature under the paragraph ``above`` (not under a quotation or a
    verse's short line, where the dash credits what is quoted), or a "Reviewed by Jane Doe"
    credit right under it: the review is signed, what follows is the site's."""
    return (line.role == "byline" and (line.text[:1] in _DASHES or bool(_REVIEWED_BY.match(line.text)))
            and len(above.split()) >= _MIN_SIGNED_WORDS and not above.endswith(_CLOSING_QUOTES))


# "Reviewed by Jane Doe, age 12": a credit for the review itself ("Written by" may credit a
# screenplay among the film's credits, "By" a photo).
_REVIEWED_BY = re.compile(r"^(?:[—–-]{1,2}\s*)?(?i:review(?:ed)?|this review was written) by:?\s+[A-Z]")


def closes_review(lines: list[Line], index: int) -> bool:
    """The short sentence at ``index``, right under the last paragraph, closes the review (or
    ends a section of it): no prose follows it, only a rating, chrome or the comments; or the
    line under it is no sentence (a signature, a rating, a heading, chrome), whatever follows
    further down (a bio, a list of other posts)."""
    text = lines[index].text
    if not _is_whole_sentence(text) or _FAREWELL.search(text):
        return False
    following = next((line for line in lines[index + 1:] if line.text), None)
    if following is None or following.role in _NOT_SENTENCES:
        return True
    return not any(line.role in ("prose", "label") or (
        line.role == "short" and _is_whole_sentence(line.text) and not find_ratings(line.text))
        for line in lines[index + 1:])


# Lines under a short sentence that show it ends the review or a section of it.
_NOT_SENTENCES = ("byline", "field", "heading", "label", "chrome", "form", "thread")


def truncated_tail(lines: list[Line], start: int, last_line: int) -> Line | None:
    """A saved page that stops mid-sentence: its last line, right after the last body
    paragraph, is the body's end even without a full stop."""
    rest = [line for line in lines[start:] if line.text and line.number > last_line]
    if len(rest) != 1 or rest[0].role not in ("heading", "short"):
        return None
    tail = rest[0]
    # a short one ("Fox has given this") when it is no heading in title case
    least = _TRUNCATED_TAIL_WORDS if _mostly_capitals(tail.text) else _SHORT_TRUNCATED_TAIL_WORDS
    if (len(tail.text.split()) >= least and starts_like_sentence(tail.text)
            and function_words(tail.text) >= _TRUNCATED_TAIL_FUNCTION_WORDS):
        return tail
    return None


def _mostly_capitals(text: str) -> bool:
    """"More From The Archive": half its words or more capitalised, a heading's shape."""
    words = text.split()
    return sum(word.lstrip("\"“‘'(")[:1].isupper() for word in words) * 2 >= len(words)


def is_reader_prompt(text: str) -> bool:
    """Nothing but short questions to the reader: the blog inviting comments."""
    return (len(text.split()) <= _PROMPT_WORDS and bool(_YOU.search(text))
            and all(sentence.rstrip("\"”’)").endswith("?") for sentence in split_sentences(text)))


def _is_whole_sentence(text: str) -> bool:
    """"Go and see it." but not "Latest From ...", a link cut short."""
    return text.endswith((".", "!", "?")) and not text.endswith("..")
