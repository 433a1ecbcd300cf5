"""One file or one address, read and extracted, then saved: what the CLI and the app share.

Reading and saving are apart so the app can show what was found, let the user correct it,
and only then save.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from nlmg_tui.corpus.models import Review
from nlmg_tui.importer.address import looks_like_address
from nlmg_tui.importer.fetch import Fetcher
from nlmg_tui.importer.from_address import AddressSource, ArchiveChoice, import_address
from nlmg_tui.importer.pipeline import Corrections, apply_corrections, body_id, extract, read_bounded
from nlmg_tui.importer.store import ImportedReviews


@dataclass(frozen=True)
class Found:
    """A page read and extracted, from a file or an address, not yet saved."""

    review: Review
    decoding: str
    page_format: str
    raw: bytes | None = None
    """The page's bytes as read or fetched, kept beside the review so ``imports reclean`` can
    run a newer cleaner over them."""
    address: AddressSource | None = None
    corrections: Corrections | None = None
    """Fields set by hand, recorded so a reclean applies them again."""

    @property
    def decoding_guessed(self) -> bool:
        return self.decoding.startswith("guessed") or "replaced" in self.decoding

    def corrected(self, corrections: Corrections) -> Found:
        """The same page with fields set by hand (``NotTextError`` for a date that is not one)."""
        return replace(self, review=apply_corrections(self.review, corrections),
                       corrections=corrections)


def read_source(source: str | Path, fetcher: Fetcher, corrections: Corrections | None = None,
                archive: ArchiveChoice | None = None) -> Found:
    """Read a saved page (a ``Path``, or a string that is not an address) or fetch an address;
    raise ``NotTextError`` (``FetchError`` for addresses) with a one-sentence reason."""
    if isinstance(source, str) and looks_like_address(source):
        fetched = import_address(source, fetcher, corrections, archive)
        return Found(fetched.review, fetched.extracted.decoding, fetched.extracted.page_format,
                     fetched.raw, fetched.source, corrections)
    path = Path(source).expanduser()
    data = read_bounded(path)
    result = extract(data, path.name, corrections)
    return Found(result.review, result.decoding, result.page_format, data, None, corrections)


def bundled_ids(reviews: tuple[Review, ...] | list[Review]) -> dict[str, str]:
    """Body hash -> bundled review id: a page that is a bundled review is not imported again."""
    return {body_id(review): review.id for review in reviews if not review.id.startswith("imp-")}


@dataclass(frozen=True)
class Saved:
    status: str
    """``imported``, ``updated`` (an address imported again) or ``already imported``."""
    detail: str


def orphaned_bookmarks(review: Review, data_dir: Path) -> int:
    """How many of the user's bookmarks on ``review`` (just updated) no longer find their
    passage in it. They are kept (the bookmarks screen lists them for repair); this only says
    so. 0 when the bookmarks cannot be read (the library reports that itself)."""
    from nlmg_tui.corpus.models import Corpus
    from nlmg_tui.library.anchoring import orphans
    from nlmg_tui.library.errors import LibraryError
    from nlmg_tui.library.library import Library

    try:
        marks = [b for b in Library(data_dir).bookmarks() if b.review_id == review.id]
    except LibraryError:
        return 0
    return len(orphans(marks, Corpus((review,))))


def save_found(found: Found, store: ImportedReviews, bundled: dict[str, str]) -> Saved:
    """Save ``found`` unless it is bundled or (a file) already imported; raise ``OSError``.

    An address imported again replaces its review (same id, so bookmarks stay on it)."""
    review = found.review
    twin = bundled.get(body_id(review))
    if twin is not None:
        return Saved("already imported", f"the same review is bundled as {twin}")
    replacing = store.contains(review.id)
    if replacing and found.address is None:
        return Saved("already imported", review.id)
    store.save(review, found.decoding, raw=found.raw,
               corrections=found.corrections.as_record() if found.corrections else None,
               address=found.address.to_json() if found.address else None)
    detail = (f"{review.id} ({review.critic or 'unnamed critic'}, {len(review.paragraphs)} "
              f"paragraphs; {found.decoding})")
    if found.address is not None and found.address.snapshot_date:
        detail += f"; from the archive, {found.address.snapshot_date[:10]}"
    lost = orphaned_bookmarks(review, store.folder.parent) if replacing else 0
    if lost:
        detail += (f"; {lost} bookmark(s) on it no longer find their passage and are kept for "
                   "repair (nlmg-tui bookmarks list)")
    return Saved("updated" if replacing else "imported", detail)
