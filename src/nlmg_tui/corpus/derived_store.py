"""Where the app and the CLI get a review's derived data: a stored entry whose stamp matches,
else computed (and kept in the user's cache dir for the next start).

Stored entries come from three places, each checked entry by entry (``derived_from_json``):
the bundled ``data/derived.json`` (read on first use), the imported reviews' files (handed over
by ``importer.store.load_full_corpus``), and ``<cache dir>/derived.json``, where entries this
process had to compute are saved (``save_computed``) so that a rule change costs one start, not
every start. Safe to use from several threads (a lock guards the maps; two threads may compute
the same entry once each, with the same result).

``corpus.derived`` (and with it the gazetteer, the spoiler rules and rapidfuzz, about 20 ms of
imports) is imported when an entry is first checked or computed, not with this module: the app
offers the imports' entries before its first frame and checks them after it.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nlmg_tui import paths
from nlmg_tui.corpus.lazy_review import LazyReview, ListedFacts
from nlmg_tui.corpus.models import Paragraph, Review

if TYPE_CHECKING:
    from nlmg_tui.compare.tone_arc import ReviewTone
    from nlmg_tui.corpus.derived import ReviewDerived

CACHE_NAME = "derived.json"


class DerivedStore:
    """Derived data by review, from stored entries or computed."""

    def __init__(self, bundled: Path | None = None, cache_dir: Path | None = None) -> None:
        self._bundled_path = bundled
        self._cache_dir = cache_dir
        self._lock = threading.Lock()
        self._offered: dict[str, Any] = {}
        self._stored: dict[str, Any] | None = None
        self._known: dict[str, tuple[tuple[Paragraph, ...], ReviewDerived]] = {}
        """By review id: the paragraphs the entry was checked against (the same tuple object
        means the same text: no need to hash it again), and the entry."""
        self._computed: dict[str, tuple[Review, ReviewDerived]] = {}
        self.computed_count = 0
        """How many entries this store had to compute (no current stored entry)."""

    @property
    def cache_file(self) -> Path:
        return (self._cache_dir or paths.user_cache_dir()) / CACHE_NAME

    def use_cache_dir(self, cache_dir: Path) -> None:
        """Keep computed entries in ``cache_dir`` (the data dir's, for ``--data-dir``)."""
        with self._lock:
            if cache_dir != self._cache_dir:
                self._cache_dir, self._stored = cache_dir, None

    def offer(self, review_id: str, raw: Any) -> None:
        """A stored entry for ``review_id`` (e.g. from an import's file), checked when used."""
        if raw is not None:
            with self._lock:
                self._offered[review_id] = raw

    def _stored_entries(self) -> dict[str, Any]:
        from nlmg_tui.corpus.derived import load_derived_file

        if self._stored is None:
            entries = dict(load_derived_file(self.cache_file))
            entries.update(load_derived_file(self._bundled_path or paths.derived_file()))
            self._stored = entries
        return self._stored

    def get(self, review: Review) -> ReviewDerived:
        """The review's derived data (never a stale or damaged stored entry)."""
        from nlmg_tui.corpus.derived import derive, derived_from_json, review_stamp

        known = self._known.get(review.id)
        if known is not None and (known[0] is review.paragraphs
                                  or known[1].stamp == review_stamp(review)):
            return known[1]
        with self._lock:
            candidates = (self._offered.get(review.id), self._stored_entries().get(review.id))
        derived = next((found for raw in candidates if raw is not None
                        if (found := derived_from_json(raw, review)) is not None), None)
        if derived is None:
            derived = derive(review)
            with self._lock:
                self._computed[review.id] = (review, derived)
                self.computed_count += 1
        with self._lock:
            self._known[review.id] = (review.paragraphs, derived)
        return derived

    def tone(self, review: Review) -> ReviewTone:
        """The review's tone; for a ``LazyReview`` whose text is not loaded, the tone its
        summary holds when that entry's stamp is current (the summary's content hash was
        taken from the file the review is read from), else the one this cache saved after a
        rule change, without reading the file."""
        if isinstance(review, LazyReview) and not review.is_loaded:
            tone = _listed_tone(review.listed.derived_entry(), review.listed)
            if tone is None:
                with self._lock:
                    cached = self._stored_entries().get(review.id)
                tone = _listed_tone(cached, review.listed)
            if tone is not None:
                return tone
        return self.get(review).tone

    def save_computed(self) -> bool:
        """Write the entries computed so far (with the cache's still-current ones) to the cache
        file, atomically; False when there was nothing new or the cache dir is not writable."""
        from nlmg_tui.corpus.derived import FORMAT, derived_to_json, load_derived_file, rules_version

        with self._lock:
            computed = dict(self._computed)
            self._computed.clear()
        if not computed:
            return False
        entries = {rid: raw for rid, raw in load_derived_file(self.cache_file).items()
                   if isinstance(raw, dict) and str(raw.get("stamp", "")).endswith(rules_version())}
        entries.update({rid: derived_to_json(derived, review)
                        for rid, (review, derived) in computed.items()})
        data = {"format": FORMAT, "rules": rules_version(), "reviews": entries}
        path = self.cache_file
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{threading.get_ident()}.tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        except OSError:
            return False
        return True


def _listed_tone(raw: Any, facts: ListedFacts) -> ReviewTone | None:
    """The tone in a stored entry ``raw`` if its stamp is that of the listed text."""
    from nlmg_tui.corpus.derived import rules_version, tone_from_json

    if not isinstance(raw, dict) or raw.get("stamp") != f"{facts.content_hash}-{rules_version()}":
        return None
    try:
        tone = tone_from_json(raw["tone"])
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return tone if len(tone.arc) == facts.paragraph_count else None


_shared: DerivedStore | None = None
_shared_lock = threading.Lock()


def shared_derived() -> DerivedStore:
    """The process's store (the app's screens and the CLI share it)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = DerivedStore()
        return _shared


def reset_shared_derived() -> None:
    """Forget the process's store (tests; a changed cache dir)."""
    global _shared
    with _shared_lock:
        _shared = None
