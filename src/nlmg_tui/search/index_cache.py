"""The search index kept on disk between runs, in the user's cache dir (``search-index.bin``).

A versioned binary file of our own (never pickle): a magic line, one JSON header line, then a
body of sections (UTF-8 text joined by NUL, which cleaned texts never hold, with each text's end
offset, so a text is decoded only when a search reads it; packed ids; raw bitsets). The header
names the *corpus key* the index was built for, the format version, the sections' lengths and a
CRC-32 of the body (damage, not tampering: the cache dir is the user's own). ``load_index``
returns None, never raises, for a missing, truncated, damaged, stale or foreign file: the
caller rebuilds (and saves).

The corpus key (``corpus_key``) hashes the bundled corpus file and the imported reviews' files
(see there), so any change to the reviews, an import or a removal makes the cache stale; the
app and ``nlmg-tui search`` share it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
import zlib
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nlmg_tui import paths
from nlmg_tui.corpus.models import Corpus
from nlmg_tui.file_stamps import file_stamps, import_file_names
from nlmg_tui.search.documents import DocumentColumns, DocumentTable, PackedTexts, documents_from_corpus
from nlmg_tui.search.index import Cancelled, IndexParts, SearchIndex

FORMAT = 2
MAGIC = b"nlmg-tui search index\n"
CACHE_NAME = "search-index.bin"
_SEPARATOR = "\x00"
_SECTIONS = ("texts", "text_ends", "folded", "folded_ends", "tokens", "postings", "reviews")


def cache_file(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The cache file for the corpus of ``data_dir`` (``--data-dir``; None: the default)."""
    return paths.user_cache_dir(data_dir=data_dir) / CACHE_NAME


def imported_files(data_dir: str | os.PathLike[str] | None = None) -> list[Path]:
    """The imported reviews' files, as ``importer.store`` names them, sorted."""
    folder = paths.user_data_dir(data_dir) / "imports"
    return [folder / name for name in import_file_names(folder)]


def corpus_key(data_dir: str | os.PathLike[str] | None = None,
               stamps: str | None = None) -> str:
    """What the corpus is loaded from, hashed with the index format: the bundled corpus file's
    content and the import files' stamps (``file_stamps``: each one's name, itself a hash of
    the review's text, size, modification time and inode), taken now unless ``stamps`` gives
    those the corpus was listed with. Imports are written by atomic rename, so any change to
    one (or an import added or removed) changes the key, without reading a thousand files."""
    digest = hashlib.blake2b(f"search-index {FORMAT}".encode(), digest_size=20)
    try:
        digest.update(paths.corpus_file().read_bytes())
    except OSError:
        digest.update(b"\xff no bundled corpus")
    if stamps is None:
        folder = paths.user_data_dir(data_dir) / "imports"
        stamps = file_stamps(folder, import_file_names(folder))
    digest.update(stamps.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# -- writing ---------------------------------------------------------------------------------


def index_bytes(index: SearchIndex, key: str) -> bytes:
    parts = index.parts()
    fields, review_ids, texts, paragraph_ids, comment_numbers, bookmark_ids = (
        parts.documents.columns())
    field_names = sorted(set(fields))
    review_names = sorted(set(review_ids))
    field_at = {name: i for i, name in enumerate(field_names)}
    review_at = {name: i for i, name in enumerate(review_names)}
    dense = [isinstance(p, int) for p in parts.postings]
    size_bytes = (len(texts) + 7) // 8
    postings = b"".join(p.to_bytes(size_bytes, "little") if isinstance(p, int) else p
                        for p in parts.postings)
    reviews = sorted(parts.review_documents)
    meta = {
        "fields": field_names, "field_of": [field_at[f] for f in fields],
        "reviews": review_names, "review_of": [review_at[r] for r in review_ids],
        "paragraph_ids": list(paragraph_ids), "comment_numbers": list(comment_numbers),
        "bookmark_ids": list(bookmark_ids), "frequencies": list(parts.frequencies),
        "dense": "".join("1" if d else "0" for d in dense),
        "sparse_lengths": [len(p) for p in parts.postings if not isinstance(p, int)],
        "field_ranges": parts.field_ranges,
        "review_documents": [[rid, len(parts.review_documents[rid])] for rid in reviews],
    }
    texts_blob, text_ends = _packed(texts)
    folded_blob, folded_ends = _packed(parts.folded)
    sections = {
        "texts": texts_blob,
        "text_ends": text_ends,
        "folded": folded_blob,
        "folded_ends": folded_ends,
        "tokens": _SEPARATOR.join(parts.tokens).encode("utf-8", "surrogatepass"),
        "postings": postings,
        "reviews": b"".join(parts.review_documents[rid] for rid in reviews),
    }
    meta_bytes = json.dumps(meta, separators=(",", ":")).encode()
    body = meta_bytes + b"".join(sections[name] for name in _SECTIONS)
    header = {"format": FORMAT, "key": key, "count": len(texts), "meta": len(meta_bytes),
              "sections": [len(sections[name]) for name in _SECTIONS],
              "checksum": zlib.crc32(body)}
    return MAGIC + json.dumps(header).encode() + b"\n" + body


def _packed(texts: Sequence[str]) -> tuple[bytes, bytes]:
    """The texts as one NUL-separated UTF-8 blob, and where each ends (uint32 LE)."""
    encoded = [text.encode("utf-8", "surrogatepass") for text in texts]
    ends, position = array("I"), -1
    for piece in encoded:
        position += len(piece) + 1
        ends.append(position)
    if sys.byteorder != "little":
        ends.byteswap()
    return b"\x00".join(encoded), ends.tobytes()


def _ends(data: bytes) -> array[int]:
    ends = array("I")
    ends.frombytes(data)
    if sys.byteorder != "little":
        ends.byteswap()
    return ends


def save_index(index: SearchIndex, key: str, path: Path | None = None) -> bool:
    """Write atomically (temp file + rename); False (nothing raised) if the cache dir is not
    writable: a cache is a convenience."""
    path = path or cache_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_bytes(index_bytes(index, key))
        tmp.replace(path)
    except OSError:
        return False
    return True


# -- reading ---------------------------------------------------------------------------------


def load_index(key: str, path: Path | None = None) -> SearchIndex | None:
    """The cached index if it was built for ``key`` and is intact, else None."""
    path = path or cache_file()
    try:
        with path.open("rb") as file:
            if file.read(len(MAGIC)) != MAGIC:
                return None
            header = json.loads(file.readline(4096))
            if not isinstance(header, dict) or header.get("format") != FORMAT \
                    or header.get("key") != key:
                return None
            body = file.read()
        if zlib.crc32(body) != header["checksum"]:
            return None
        return SearchIndex.from_parts(_parts(header, body))
    except (OSError, ValueError, KeyError, TypeError, IndexError, OverflowError):
        return None


def _split(data: bytes, count: int) -> tuple[str, ...]:
    if count == 0:
        if data:
            raise ValueError("unexpected text")
        return ()
    # Split the bytes, then decode piece by piece: one decode of megabytes would hold the GIL
    # (and so the UI thread) for its whole length.
    pieces = tuple(piece.decode("utf-8", "surrogatepass") for piece in data.split(b"\x00"))
    if len(pieces) != count:
        raise ValueError("wrong number of texts")
    return pieces


def _parts(header: dict[str, Any], body: bytes) -> IndexParts:
    count, meta_length = int(header["count"]), int(header["meta"])
    lengths = [int(n) for n in header["sections"]]
    if len(lengths) != len(_SECTIONS) or meta_length + sum(lengths) != len(body):
        raise ValueError("section lengths")
    meta = json.loads(body[:meta_length])
    sections, offset = {}, meta_length
    for name, length in zip(_SECTIONS, lengths, strict=True):
        sections[name] = body[offset : offset + length]
        offset += length
    fields = [meta["fields"][i] for i in meta["field_of"]]
    review_ids = [meta["reviews"][i] for i in meta["review_of"]]
    texts = PackedTexts(sections["texts"], _ends(sections["text_ends"]))
    folded = PackedTexts(sections["folded"], _ends(sections["folded_ends"]))
    if len(texts) != count or len(folded) != count:
        raise ValueError("document count")
    documents = DocumentTable.from_columns(DocumentColumns(
        fields, review_ids, texts, meta["paragraph_ids"], meta["comment_numbers"],
        meta["bookmark_ids"]))
    frequencies = tuple(int(n) for n in meta["frequencies"])
    tokens = _split(sections["tokens"], len(frequencies))
    return IndexParts(documents, folded, tokens, frequencies,
                      _postings(meta, sections["postings"], count),
                      {str(k): (int(a), int(b)) for k, (a, b) in meta["field_ranges"].items()},
                      _review_documents(meta, sections["reviews"]))


def _postings(meta: dict[str, Any], data: bytes, count: int) -> tuple[int | bytes, ...]:
    size_bytes = (count + 7) // 8
    sparse = iter(meta["sparse_lengths"])
    postings: list[int | bytes] = []
    offset = 0
    for flag in meta["dense"]:
        length = size_bytes if flag == "1" else int(next(sparse))
        if length < 0 or length % (1 if flag == "1" else 4) or offset + length > len(data):
            raise ValueError("postings")
        piece = data[offset : offset + length]
        postings.append(int.from_bytes(piece, "little") if flag == "1" else piece)
        offset += length
    if offset != len(data):
        raise ValueError("postings length")
    return tuple(postings)


def _review_documents(meta: dict[str, Any], data: bytes) -> dict[str, bytes]:
    found, offset = {}, 0
    for review_id, length in meta["review_documents"]:
        found[str(review_id)] = data[offset : offset + int(length)]
        offset += int(length)
    if offset != len(data):
        raise ValueError("review documents length")
    return found


# -- for the app and the CLI -----------------------------------------------------------------


def _imports_match(corpus: Corpus, data_dir: str | os.PathLike[str] | None) -> bool:
    """True when ``corpus`` holds exactly the imports on disk now (it was loaded from the same
    files the key hashes: no import was added or removed in between)."""
    on_disk = {path.stem for path in imported_files(data_dir)}
    return on_disk == {r.id for r in corpus.reviews if r.id.startswith("imp-")}


def index_for_corpus(
    corpus: Corpus,
    data_dir: str | os.PathLike[str] | None = None,
    cancelled: Cancelled | None = None,
    path: Path | None = None,
) -> SearchIndex:
    """The index over ``corpus`` (loaded from the bundled file and the imports in
    ``data_dir``): the cached one when it is current and intact, else built and saved."""
    path = path or cache_file(data_dir)
    if corpus.import_stamps is not None:
        # Listed from a summary checked against these stamps at the start: the key describes
        # exactly the corpus held, with no file stated again.
        key = corpus_key(data_dir, corpus.import_stamps)
        index = load_index(key, path)
        if index is None or not set(index.review_ids()) <= {r.id for r in corpus.reviews}:
            index = SearchIndex.build(documents_from_corpus(corpus), cancelled=cancelled)
            save_index(index, key, path)
        return index
    key = corpus_key(data_dir)
    if _imports_match(corpus, data_dir):
        index = load_index(key, path)
        if index is not None and set(index.review_ids()) <= {r.id for r in corpus.reviews}:
            return index
    index = SearchIndex.build(documents_from_corpus(corpus), cancelled=cancelled)
    if _imports_match(corpus, data_dir) and corpus_key(data_dir) == key:
        save_index(index, key, path)
    return index
