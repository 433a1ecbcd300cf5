"""Film facts gathered from every review, grouped by field, each with the reviews that said it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from nlmg_tui.corpus import labels
from nlmg_tui.corpus.models import Review
from nlmg_tui.textsafety import one_line

FIELD_ORDER = ("title", "film", "year", "director", "writer", "screenplay", "novelist", "novel",
               "cast", "starring", "credited", "runtime", "certificate", "rated", "genre",
               "composer", "premiere")


@dataclass(frozen=True)
class FactSource:
    review_id: str
    who: str
    """``critic · outlet`` of the review that states the fact."""
    line: int
    evidence: str


@dataclass(frozen=True)
class FactValue:
    field: str
    value: str
    sources: tuple[FactSource, ...]


def gather_facts(reviews: Iterable[Review]) -> list[FactValue]:
    """One entry per (field, value), values compared case-insensitively, in a stable order."""
    found: dict[tuple[str, str], tuple[str, list[FactSource]]] = {}
    for review in reviews:
        for fact in review.film_facts:
            field = one_line(fact.field).casefold()
            value = one_line(fact.value)
            key = (field, value.casefold())
            source = FactSource(review.id, labels.short_title(review), fact.evidence.line,
                                one_line(fact.evidence.text))
            found.setdefault(key, (value, []))[1].append(source)

    def order(key: tuple[str, str]) -> tuple[int, str, int]:
        field = key[0]
        rank = FIELD_ORDER.index(field) if field in FIELD_ORDER else len(FIELD_ORDER)
        return (rank, field, -len(found[key][1]))

    return [
        FactValue(key[0], found[key][0], tuple(found[key][1])) for key in sorted(found, key=order)
    ]


def field_label(field: str) -> str:
    return field.replace("_", " ").capitalize()


def facts_text(facts: list[FactValue]) -> Text:
    """Field headings, then each value with the reviews (and raw line numbers) that state it."""
    if not facts:
        return Text("The reviews state no film facts.", style="italic")
    text = Text()
    current_field = None
    for fact in facts:
        if fact.field != current_field:
            if current_field is not None:
                text.append("\n")
            text.append(field_label(fact.field), style="bold underline")
            current_field = fact.field
        text.append("\n  ")
        text.append(fact.value, style="bold")
        text.append("  said by ", style="dim")
        text.append("; ".join(f"{s.who} (line {s.line})" for s in fact.sources), style="dim")
    return text


class FilmFactsView(Static):
    DEFAULT_CSS = """
    FilmFactsView {
        padding: 0 1;
    }
    """

    def __init__(self, reviews: Iterable[Review], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(facts_text(gather_facts(reviews)), id=id)
