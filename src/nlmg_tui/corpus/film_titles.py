"""Film titles the user types, checked against the films the gazetteer knows (and any other
titles given): the exact film, to fill in its year, or the closest one, to offer it when the
title looks like a typo ("days of heavn" -> "Days of Heaven")."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from nlmg_tui.corpus.gazetteer import Gazetteer

NEAR_SCORE = 85
"""rapidfuzz ratio (0..100) from which a different title counts as the same film mistyped."""


@dataclass(frozen=True)
class FilmTitle:
    title: str
    year: int | None = None

    @property
    def label(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title


def title_key(title: str) -> str:
    """Accents, case, punctuation and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", title)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(default_process(plain).split())


def known_films(gazetteer: Gazetteer) -> list[FilmTitle]:
    return [FilmTitle(entity.name, entity.year) for entity in gazetteer.of_kind("film")]


def exact_film(title: str, films: Iterable[FilmTitle]) -> FilmTitle | None:
    """The film called ``title`` (folded), if exactly one title matches."""
    key = title_key(title)
    found = {film for film in films if title_key(film.title) == key}
    return found.pop() if len(found) == 1 else None


def near_film(title: str, films: Iterable[FilmTitle]) -> FilmTitle | None:
    """The closest film whose title differs from ``title`` but scores >= ``NEAR_SCORE``."""
    key = title_key(title)
    films = list(films)
    choices = {index: title_key(film.title) for index, film in enumerate(films)}
    if not key or not choices:
        return None
    best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=NEAR_SCORE)
    if best is None or best[0] == key:
        return None
    return films[best[2]]
