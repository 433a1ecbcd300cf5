"""Re-run the current cleaner over every import's kept page, and keep bookmarks on them.

Ids come from the page's bytes, so a recleaned review keeps its id; its paragraphs may split,
merge or change. Each bookmark on a recleaned review is re-anchored with
``library.anchoring``: left alone where its quote is still in its paragraph, moved (note and
tags kept) where the quote is now elsewhere or changed a little, and reported — never deleted —
where it cannot be placed. The reviews are saved before any bookmark moves, so a crash in between
leaves bookmarks that still anchor on display.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from datetime import UTC, datetime

from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.importer.decode import NotTextError
from nlmg_tui.importer.pipeline import Corrections, extract
from nlmg_tui.importer.store import ImportedReview, ImportedReviews
from nlmg_tui.library.anchoring import Anchor, anchor_bookmark
from nlmg_tui.library.bookmarks import Bookmark
from nlmg_tui.library.library import Library
from nlmg_tui.library.passages import passage_from_review


@dataclass
class RecleanReport:
    """What a reclean did (or, with ``dry_run``, would do)."""

    changed: list[str] = field(default_factory=list)  # review ids
    unchanged: list[str] = field(default_factory=list)
    no_raw: list[ImportedReview] = field(default_factory=list)  # imported before pages were kept
    failed: list[tuple[str, str]] = field(default_factory=list)  # (review id, reason)
    moved: list[tuple[Bookmark, Anchor]] = field(default_factory=list)
    orphaned: list[Bookmark] = field(default_factory=list)  # could not be re-anchored: kept as is


@dataclass
class _Recleaned:
    record: ImportedReview
    review: Review
    decoding: str


def reclean_imports(store: ImportedReviews, library: Library | None, *,
                    dry_run: bool = False) -> RecleanReport:
    """Reclean every import that kept its page; re-anchor ``library``'s bookmarks on them."""
    report = RecleanReport()
    recleaned = [r for r in (_reclean_one(record, store, report) for record in store.all()) if r]
    if not recleaned:
        return report
    by_id = {item.review.id: item.review for item in recleaned}
    corpus = _corpus_after(store, by_id)
    bookmarks = [b for b in (library.bookmarks() if library else []) if b.review_id in by_id]
    for bookmark in bookmarks:
        anchor = anchor_bookmark(bookmark, corpus)
        if anchor is None:
            report.orphaned.append(bookmark)
        elif anchor.how != "exact":
            report.moved.append((bookmark, anchor))
    if dry_run:
        return report
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    for item in recleaned:
        store.save(item.review, item.decoding, corrections=item.record.corrections,
                   imported_at=item.record.imported_at, recleaned_at=stamp,
                   address=item.record.address)
    if library is not None:  # without a library nothing was anchored, so nothing moved
        for bookmark, anchor in report.moved:
            _move(library, bookmark, corpus.get(anchor.review_id), anchor)
    return report


def _reclean_one(record: ImportedReview, store: ImportedReviews,
                 report: RecleanReport) -> _Recleaned | None:
    review_id = record.review.id
    try:
        raw = store.read_raw(review_id) if record.has_raw else None
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        report.failed.append((review_id, f"its kept page could not be read ({error})"))
        return None
    if raw is None:
        report.no_raw.append(record)
        return None
    try:
        result = extract(raw, record.source_name, Corrections.from_record(record.corrections),
                         review_id=review_id)
    except NotTextError as error:
        report.failed.append((review_id, f"the current cleaner refuses it: {error}"))
        return None
    if result.review.to_json() == record.review.to_json():
        report.unchanged.append(review_id)
        return None
    report.changed.append(review_id)
    return _Recleaned(record, result.review, result.decoding)


def _corpus_after(store: ImportedReviews, recleaned: dict[str, Review]) -> Corpus:
    bundled = load_corpus().reviews
    known = {r.id for r in bundled}
    imported = [recleaned.get(r.review.id, r.review) for r in store.all()]
    return Corpus(bundled + tuple(r for r in imported if r.id not in known))


def _move(library: Library, bookmark: Bookmark, review: Review | None, anchor: Anchor) -> None:
    """Bookmark the new place with the old note and tags, then delete the old bookmark (as
    repairing an orphan does): a crash in between leaves both, never neither."""
    if review is None:
        return
    passage = passage_from_review(review, anchor.paragraph_id, anchor.start, anchor.end)
    added = library.bookmark_passage(passage, note=bookmark.note, tags=bookmark.tags)
    kept = added.item
    if not added.created:  # that passage was bookmarked already: keep both notes and all tags
        if bookmark.note and bookmark.note not in kept.note:
            kept = library.update_note(kept.id, "\n\n".join(filter(None, (kept.note, bookmark.note))))
        if set(bookmark.tags) - set(kept.tags):
            library.set_tags(kept.id, [*kept.tags, *bookmark.tags])
    library.delete_bookmark(bookmark.id)
