"""Load and save the built corpus file, and resolve review ids."""

from __future__ import annotations

import json
from pathlib import Path

from nlmg_tui import paths
from nlmg_tui.atomic_file import write_atomically
from nlmg_tui.corpus.models import Corpus, Review
from nlmg_tui.ids import find_id


class CorpusError(Exception):
    """The corpus file is missing or unreadable; the message names the file."""


def load_corpus(path: Path | None = None) -> Corpus:
    """Read the corpus JSON (the bundled one by default)."""
    path = path or paths.corpus_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Corpus.from_json(data)
    except FileNotFoundError:
        raise CorpusError(
            f"The review corpus {path} is missing; run `nlmg-tui corpus build` to rebuild it."
        ) from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise CorpusError(
            f"The review corpus {path} could not be read ({type(error).__name__}); "
            "run `nlmg-tui corpus build` to rebuild it."
        ) from None


def corpus_text(corpus: Corpus) -> str:
    """The corpus file's exact text: the builder writes it and the drift check compares it."""
    return json.dumps(corpus.to_json(), ensure_ascii=False, indent=1) + "\n"


def save_corpus(corpus: Corpus, path: Path) -> None:
    """Replace the corpus file atomically (readable by all: it ships with the app)."""
    write_atomically(path, corpus_text(corpus).encode("utf-8"), mode=0o644)


def find_review(corpus: Corpus, review_id: str) -> Review | None:
    """A review by exact id, or by a unique id prefix (``002`` for ``002_7dec...``)."""
    found = find_id(review_id, (r.id for r in corpus.reviews))
    return corpus.get(found) if found is not None else None
