"""Imported reviews in the user's data dir: one JSON file per review, written atomically.

One file per review means an import lands whole or not at all, two instances importing at once
never overwrite each other, and the same page imported twice maps to the same file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from nlmg_tui import paths
from nlmg_tui.atomic_file import set_aside, write_atomically
from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.ids import find_id

FORMAT = 1


@dataclass(frozen=True)
class ImportedReview:
    review: Review
    source_name: str
    imported_at: str
    decoding: str


class ImportedReviews:
    """The folder ``<data dir>/imports`` and the reviews in it."""

    def __init__(self, data_dir: str | Path | None = None) -> None:
        self.folder = paths.user_data_dir(data_dir) / "imports"
        self.notices: list[str] = []

    def path_for(self, review_id: str) -> Path:
        return self.folder / f"{review_id}.json"

    def contains(self, review_id: str) -> bool:
        return self.path_for(review_id).is_file()

    def save(self, review: Review, decoding: str) -> ImportedReview:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        record = ImportedReview(review, review.source,
                                datetime.now(UTC).isoformat(timespec="seconds"), decoding)
        payload = {
            "format": FORMAT,
            "source_name": record.source_name,
            "imported_at": record.imported_at,
            "decoding": record.decoding,
            "review": review.to_json(),
        }
        data = (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        write_atomically(self.path_for(review.id), data)
        return record

    def all(self) -> list[ImportedReview]:
        """Every readable import, oldest first; unreadable files are set aside with a notice."""
        if not self.folder.is_dir():
            return []
        records: list[ImportedReview] = []
        for path in sorted(self.folder.glob("imp-*.json")):
            try:
                payload = json.loads(path.read_text(encoding="utf-8"))
                records.append(ImportedReview(
                    Review.from_json(payload["review"]), payload["source_name"],
                    payload["imported_at"], payload.get("decoding", "")))
            except (OSError, ValueError, KeyError, TypeError):
                try:
                    moved = set_aside(path, "corrupt")
                    self.notices.append(f"The imported review {path.name} could not be read; "
                                        f"it was moved to {moved.name}.")
                except OSError:
                    self.notices.append(f"The imported review {path.name} could not be read.")
        records.sort(key=lambda r: (r.imported_at, r.review.id))
        return records

    def remove(self, review_id: str) -> ImportedReview | None:
        """Remove one import by id or unique prefix; return it, or None if there is no single
        match (an empty or blank id matches nothing)."""
        records = {r.review.id: r for r in self.all()}
        found = find_id(review_id, records)
        if found is None:
            return None
        self.path_for(found).unlink()
        return records[found]


def load_full_corpus(data_dir: str | Path | None = None) -> tuple[Corpus, list[str]]:
    """The bundled reviews followed by the user's imports, and any notices to show."""
    bundled = load_corpus()
    store = ImportedReviews(data_dir)
    imported = [r.review for r in store.all()]
    known = {r.id for r in bundled.reviews}
    return Corpus(bundled.reviews + tuple(r for r in imported if r.id not in known)), store.notices
