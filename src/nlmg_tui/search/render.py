"""Hits as Rich ``Text`` (the CLI and the app share it). Rich only: no Textual here.

Untrusted text goes into ``Text`` objects and highlights are style spans, so brackets in a review
or a query are never read as markup.
"""

from __future__ import annotations

from rich.text import Text

from nlmg_tui.search.results import Hit

HIGHLIGHT = "bold reverse"


def snippet_text(hit: Hit, highlight: str = HIGHLIGHT) -> Text:
    """The hit's one-line snippet with its matches styled."""
    text = Text(hit.snippet, no_wrap=False)
    for start, end in hit.snippet_spans:
        text.stylize(highlight, start, end)
    return text


def document_text(hit: Hit, highlight: str = HIGHLIGHT) -> Text:
    """The hit's whole text (as in the reader) with its matches styled."""
    text = Text(hit.document.text)
    for start, end in hit.spans:
        text.stylize(highlight, start, end)
    return text
