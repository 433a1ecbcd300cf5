"""Films on the watchlist and in the reviews: the mention index, matching, and list rows.

A watchlist entry is linked to the gazetteer film of the same folded title (and year where
both are known), which gives it the passages that mention it.
"""

from __future__ import annotations

from rich.text import Text

from nlmg_tui.corpus.gazetteer import Entity
from nlmg_tui.corpus.mentions import EntityMentions, MentionIndex, index_mentions
from nlmg_tui.corpus.models import Corpus
from nlmg_tui.library.watchlist import WatchlistEntry, title_key
from nlmg_tui.textsafety import one_line

_INDEXES: dict[int, tuple[Corpus, MentionIndex]] = {}


def mention_index(corpus: Corpus) -> MentionIndex:
    """The corpus' mentions, found once per corpus (about 20-30 ms for the bundled one)."""
    cached = _INDEXES.get(id(corpus))
    if cached is None or cached[0] is not corpus:
        cached = (corpus, index_mentions(corpus))
        _INDEXES[id(corpus)] = cached
    return cached[1]


def entity_matches(entity: Entity, title: str, year: int | None) -> bool:
    """``entity`` is the film called ``title`` (any alias; same year where both are known)."""
    if entity.kind != "film":
        return False
    key = title_key(title)
    names = {title_key(entity.name), *(title_key(alias) for alias in entity.aliases)}
    return key in names and (year is None or entity.year is None or year == entity.year)


def film_mentions(index: MentionIndex, title: str, year: int | None) -> EntityMentions | None:
    """The gazetteer film matching a watchlist title, with its passages (None: not named)."""
    return next((e for e in index.of_kind("film") if entity_matches(e.entity, title, year)),
                None)


def rating_stars(rating: float | None) -> str:
    """``★★★½☆ 3.5/5`` (the number too, so it reads without the glyphs)."""
    if rating is None:
        return ""
    whole = int(rating)
    half = rating - whole >= 0.5
    stars = "★" * whole + ("½" if half else "") + "☆" * (5 - whole - (1 if half else 0))
    number = f"{rating:g}"
    return f"{stars} {number}/5"


def watchlist_row_text(entry: WatchlistEntry, mentions: EntityMentions | None) -> Text:
    """``✓ Title (year)  watched 2026-11-20  ★★★☆☆ 3/5  · 4 passages`` and the note."""
    text = Text()
    if entry.status == "watched":
        text.append("✓ ", style="bold")
    else:
        text.append("○ ")
    text.append(one_line(entry.title), style="bold")
    if entry.year:
        text.append(f" ({entry.year})")
    if entry.status == "watched":
        text.append(f"  watched {entry.watched_on or ''}".rstrip())
    else:
        text.append("  want to watch", style="dim")
    if entry.rating is not None:
        text.append(f"  {rating_stars(entry.rating)}")
    if mentions is not None:
        count = len(mentions.passages)
        text.append(f"  · named in {count} passage{'s' if count != 1 else ''}", style="italic")
    if entry.note:
        text.append("\n  ✎ ")
        note = one_line(entry.note)
        text.append(note if len(note) <= 120 else note[:119] + "…", style="italic")
    return text


def suggestion_text(mentions: EntityMentions, on_list: bool) -> Text:
    """A film the reviews name, as offered when adding to the watchlist."""
    text = Text()
    text.append(one_line(mentions.entity.label), style="bold")
    count = len(mentions.passages)
    text.append(f"  named in {count} passage{'s' if count != 1 else ''}", style="dim")
    if on_list:
        text.append("  ✓ on your watchlist", style="italic")
    return text
