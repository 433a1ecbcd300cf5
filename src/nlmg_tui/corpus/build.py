"""Build the corpus from a folder of raw pages: every file goes through ``clean_page``."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

from nlmg_tui.corpus.clean import clean_page
from nlmg_tui.corpus.models import Corpus

RAW_SUFFIXES = {".txt"}


def read_page(path: Path) -> str:
    """Raw pages are UTF-8; a BOM is dropped and any invalid byte becomes U+FFFD."""
    return path.read_bytes().decode("utf-8-sig", errors="replace")


def build_corpus(raw_dir: Path) -> Corpus:
    """Clean every page in ``raw_dir`` (sorted by name) into one corpus.

    A page that names no film takes the title most of the other pages name.
    """
    pages = sorted(p for p in raw_dir.iterdir() if p.is_file() and p.suffix in RAW_SUFFIXES)
    reviews = [clean_page(read_page(path), path.name) for path in pages]
    titles = Counter(r.film for r in reviews if r.film)
    if titles:
        common = titles.most_common(1)[0][0]
        reviews = [r if r.film else replace(r, film=common) for r in reviews]
    return Corpus(tuple(reviews))


def save_derived(corpus: Corpus, path: Path) -> None:
    """Write the bundled reviews' derived data (``corpus.derived``) next to the corpus file."""
    from nlmg_tui.corpus.derived import derived_file_text

    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(derived_file_text(corpus), encoding="utf-8")
    tmp.replace(path)
