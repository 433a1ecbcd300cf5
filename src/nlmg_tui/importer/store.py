"""Imported reviews in the user's data dir: one JSON file per review, written atomically.

One file per review means an import lands whole or not at all, two instances importing at once
never overwrite each other, and the same page imported twice maps to the same file. Beside it,
``<id>.raw.gz`` keeps the page's bytes as imported (gzip), so ``nlmg-tui imports reclean`` can
run a newer cleaner over them; imports from before format 2 have no raw page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from nlmg_tui import paths
from nlmg_tui.atomic_file import set_aside, write_atomically
from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.file_stamps import file_stamps, import_file_names
from nlmg_tui.ids import find_id

FORMAT = 2
RAW_SUFFIX = ".raw.gz"
MAX_RAW_BYTES = 64 * 1024 * 1024  # a kept page never inflates past this when read back


@dataclass(frozen=True)
class ImportedReview:
    review: Review
    source_name: str
    imported_at: str
    decoding: str
    has_raw: bool = False  # the page's bytes are kept beside it (format 2 onwards)
    corrections: dict[str, str] = field(default_factory=dict)  # fields set by hand at import
    recleaned_at: str | None = None
    address: dict[str, Any] | None = None
    """For a page imported from the web: ``from_address.AddressSource`` as JSON."""
    derived: object = None
    """The stored derived data (``corpus.derived``), unchecked: the store checks it when used."""


class ImportedReviews:
    """The folder ``<data dir>/imports`` and the reviews in it."""

    def __init__(self, data_dir: str | Path | None = None) -> None:
        self.folder = paths.user_data_dir(data_dir) / "imports"
        self.notices: list[str] = []

    def path_for(self, review_id: str) -> Path:
        return self.folder / f"{review_id}.json"

    def contains(self, review_id: str) -> bool:
        return self.path_for(review_id).is_file()

    def raw_path_for(self, review_id: str) -> Path:
        return self.folder / f"{review_id}{RAW_SUFFIX}"

    def save(self, review: Review, decoding: str, *, raw: bytes | None = None,
             corrections: dict[str, str] | None = None, imported_at: str | None = None,
             recleaned_at: str | None = None, address: dict[str, Any] | None = None) -> ImportedReview:
        """Write the review (and, first, its raw page when given) atomically, replacing any
        import with its id.

        ``imported_at`` keeps an earlier import's time when a review is rewritten (reclean);
        ``address`` records where a page fetched from the web came from."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if raw is not None:
            import gzip  # here, not at the top: the app lists imports at start without it

            write_atomically(self.raw_path_for(review.id), gzip.compress(raw, mtime=0))
        record = ImportedReview(
            review, review.source, imported_at or datetime.now(UTC).isoformat(timespec="seconds"),
            decoding, has_raw=raw is not None or self.raw_path_for(review.id).is_file(),
            corrections={k: v for k, v in (corrections or {}).items() if v},
            recleaned_at=recleaned_at, address=address,
            derived=_derived_json(review))
        write_atomically(self.path_for(review.id), _payload(record))
        return record

    def read_raw(self, review_id: str) -> bytes | None:
        """The page's bytes as imported, or None when they were not kept (older imports).
        Raises OSError (or EOFError / gzip.BadGzipFile) when the kept copy is unreadable."""
        path = self.raw_path_for(review_id)
        if not path.is_file():
            return None
        import gzip

        with gzip.open(path, "rb") as handle:
            data = handle.read(MAX_RAW_BYTES + 1)
        if len(data) > MAX_RAW_BYTES:
            raise OSError(f"{path.name} inflates past {MAX_RAW_BYTES:,} bytes")
        return data

    def load(self, review_id: str) -> Review | None:
        """One import by exact id; None when missing or unreadable (``all`` reports those)."""
        try:
            payload = json.loads(self.path_for(review_id).read_text(encoding="utf-8"))
            return Review.from_json(payload["review"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def load_offering_derived(self, review_id: str) -> Review | None:
        """One import by exact id, its stored derived entry offered to the shared store (for a
        ``LazyReview`` reading its text); None when missing. Raises OSError/ValueError/... when
        the file can't be read."""
        from nlmg_tui.corpus.derived_store import shared_derived

        path = self.path_for(review_id)
        if not path.is_file():
            return None
        record = _record(json.loads(path.read_text(encoding="utf-8")))
        shared_derived().offer(record.review.id, record.derived)
        return record.review

    def all(self) -> list[ImportedReview]:
        """Every readable import, oldest first; unreadable files are set aside with a notice."""
        if not self.folder.is_dir():
            return []
        records: list[ImportedReview] = []
        for path in sorted(self.folder.glob("imp-*.json")):
            try:
                records.append(_record(json.loads(path.read_text(encoding="utf-8"))))
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
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
        self.raw_path_for(found).unlink(missing_ok=True)
        return records[found]



def _payload(record: ImportedReview) -> bytes:
    payload: dict[str, Any] = {
        "format": FORMAT,
        "source_name": record.source_name,
        "imported_at": record.imported_at,
        "decoding": record.decoding,
        "raw": f"{record.review.id}{RAW_SUFFIX}" if record.has_raw else None,
        "corrections": record.corrections,
        "review": record.review.to_json(),
    }
    if record.recleaned_at:
        payload["recleaned_at"] = record.recleaned_at
    if record.address is not None:
        payload["address"] = record.address
    if record.derived is not None:
        payload["derived"] = record.derived
    return (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _record(payload: dict[str, Any]) -> ImportedReview:
    corrections = payload.get("corrections") or {}
    return ImportedReview(
        Review.from_json(payload["review"]), payload["source_name"], payload["imported_at"],
        payload.get("decoding", ""), has_raw=bool(payload.get("raw")),
        corrections={str(k): str(v) for k, v in corrections.items() if isinstance(v, str)},
        recleaned_at=payload.get("recleaned_at"), address=payload.get("address"),
        derived=payload.get("derived"))


def _derived_json(review: Review) -> dict[str, object]:
    from nlmg_tui.corpus.derived import derive, derived_to_json

    return derived_to_json(derive(review), review)


def load_full_corpus(data_dir: str | Path | None = None, *,
                     listed: bool = False) -> tuple[Corpus, list[str]]:
    """The bundled reviews followed by the user's imports, and any notices to show.

    ``listed`` (the app): when the imports summary in the cache dir is current, the imports
    are ``LazyReview``s listed from it and each file is read when its text is first needed;
    otherwise every file is read, as without it, and the summary is written for next time."""
    from nlmg_tui.corpus.derived_store import shared_derived

    bundled = load_corpus()
    store = ImportedReviews(data_dir)
    derived = shared_derived()
    derived.use_cache_dir(paths.user_cache_dir(data_dir=data_dir))
    imported, stamps = _listed_imports(store, data_dir) if listed else (None, None)
    if imported is None:
        records = store.all()
        for record in records:
            derived.offer(record.review.id, record.derived)
        imported = [r.review for r in records]
        if listed:
            _save_summary(store, records, data_dir)
    known = {r.id for r in bundled.reviews}
    reviews = bundled.reviews + tuple(r for r in imported if r.id not in known)
    return Corpus(reviews, import_stamps=stamps), store.notices


def _listed_imports(store: ImportedReviews, data_dir: str | Path | None
                    ) -> tuple[list[Review] | None, str | None]:
    """The imports listed from a current summary, and the stamps it was checked against;
    (None, None) when the files must be read."""
    from nlmg_tui.importer import summary

    names = import_file_names(store.folder)
    if not names:
        return None, None
    stamps = file_stamps(store.folder, names)
    found = summary.read_summary(summary.imports_key(stamps), summary.summary_file(data_dir))
    if found is None or len(found[0]) != len(names):
        return None, None
    reviews = summary.listed_reviews(*found, store.load_offering_derived)
    if reviews is None or sorted(f"{r.id}.json" for r in reviews) != names:
        return None, None
    return reviews, stamps


def _save_summary(store: ImportedReviews, records: list[ImportedReview],
                  data_dir: str | Path | None) -> None:
    from nlmg_tui.importer import summary

    names = import_file_names(store.folder)  # after ``all`` set any bad file aside
    if names and names == sorted(f"{r.review.id}.json" for r in records):
        summary.write_summary(records, summary.imports_key(file_stamps(store.folder, names)),
                              summary.summary_file(data_dir))
