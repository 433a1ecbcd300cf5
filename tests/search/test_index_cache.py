"""The search index cache: the same answers as a fresh build; a damaged, truncated, stale or
foreign file is rebuilt, never trusted and never fatal; the CLI and the app share it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from nlmg_tui import paths
from nlmg_tui.cli import cli
from nlmg_tui.corpus.models import Corpus
from nlmg_tui.corpus.store import load_corpus
from nlmg_tui.importer.store import ImportedReviews, load_full_corpus
from nlmg_tui.search import SearchIndex, documents_from_corpus, index_cache
from nlmg_tui.search.index_cache import (
    cache_file,
    corpus_key,
    index_bytes,
    index_for_corpus,
    load_index,
    save_index,
)

pytestmark = pytest.mark.skipif(not paths.corpus_file().exists(),
                                reason="data/corpus.json not built yet")
QUERIES = ("garfeild", "mulligan grace", '"never let me go"', "'anek", "critic:hanke film",
           "in:comments ending", "-film novel", "^hail", "eeeeee", "")


def answers(index: SearchIndex, query: str) -> list[tuple]:
    result = index.search(query, limit=30)
    return [(h.review_id, h.paragraph_id, h.field, h.score, h.snippet, h.snippet_spans,
             h.document) for h in result.hits] + [result.total, result.partial, result.notes]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


@pytest.fixture(scope="module")
def built(corpus: Corpus) -> SearchIndex:
    return SearchIndex.build(documents_from_corpus(corpus))


def test_a_loaded_index_answers_as_the_built_one(built: SearchIndex, tmp_path: Path) -> None:
    path = tmp_path / "index.bin"
    assert save_index(built, "key-1", path)
    loaded = load_index("key-1", path)
    assert loaded is not None and len(loaded) == len(built)
    for query in QUERIES:
        assert answers(loaded, query) == answers(built, query), query


def test_an_index_for_another_corpus_is_not_used(built: SearchIndex, tmp_path: Path) -> None:
    path = tmp_path / "index.bin"
    save_index(built, "key-1", path)
    assert load_index("key-2", path) is None


def _damaged(data: bytes) -> dict[str, bytes]:
    body = data.index(b"\n", len(index_cache.MAGIC)) + 1
    flipped = bytearray(data)
    flipped[body + len(data[body:]) // 2] ^= 0x01
    header = json.loads(data[len(index_cache.MAGIC):body])
    return {
        "empty": b"",
        "NUL bytes": b"\0" * 100,
        "magic only": index_cache.MAGIC,
        "header not JSON": index_cache.MAGIC + b"{not json\n" + data[body:],
        "header a list": index_cache.MAGIC + b"[1]\n" + data[body:],
        "truncated in the header": data[: body - 5],
        "truncated early in the body": data[: body + 10],
        "truncated late in the body": data[:-3],
        "trailing garbage": data + b"xyz",
        "one bit flipped": bytes(flipped),
        "newer format": index_cache.MAGIC + json.dumps({**header, "format": 99}).encode()
        + b"\n" + data[body:],
        "lengths lie (checksum kept)": index_cache.MAGIC + json.dumps(
            {**header, "sections": [1, 2, 3, 4, 5]}).encode() + b"\n" + data[body:],
        "count lies (checksum kept)": index_cache.MAGIC + json.dumps(
            {**header, "count": header["count"] + 1}).encode() + b"\n" + data[body:],
        "pickle": b"\x80\x04\x95" + data[3:],
    }


DAMAGES = ("empty", "NUL bytes", "magic only", "header not JSON", "header a list",
           "truncated in the header", "truncated early in the body",
           "truncated late in the body", "trailing garbage", "one bit flipped", "newer format",
           "lengths lie (checksum kept)", "count lies (checksum kept)", "pickle")


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_file_is_refused(built: SearchIndex, tmp_path: Path, damage: str) -> None:
    data = index_bytes(built, "key-1")
    path = tmp_path / "index.bin"
    path.write_bytes(_damaged(data)[damage])
    assert load_index("key-1", path) is None


def test_a_directory_or_missing_file_is_refused(tmp_path: Path) -> None:
    assert load_index("key", tmp_path / "missing.bin") is None
    (tmp_path / "dir.bin").mkdir()
    assert load_index("key", tmp_path / "dir.bin") is None


def test_an_unwritable_cache_dir_is_not_fatal(built: SearchIndex, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a dir")
    assert save_index(built, "key", blocker / "index.bin") is False


def import_one(corpus: Corpus, data_dir: Path, review_id: str = "imp-00000000abcd") -> None:
    review = corpus.reviews[0]
    first = review.paragraphs[0]._replace(text="Zyzzogeton is the word of this import.")
    ImportedReviews(data_dir).save(replace(review, id=review_id,
                                           paragraphs=(first, *review.paragraphs[1:])), "utf-8")


def test_the_cache_is_rebuilt_when_an_import_arrives_or_leaves(
        corpus: Corpus, user_data_dir: Path) -> None:
    first = index_for_corpus(load_full_corpus(user_data_dir)[0], user_data_dir)
    assert cache_file().is_file()
    assert not first.search("zyzzogeton").hits
    key = corpus_key(user_data_dir)

    import_one(corpus, user_data_dir)
    assert corpus_key(user_data_dir) != key
    assert load_index(corpus_key(user_data_dir)) is None  # stale: the old key
    second = index_for_corpus(load_full_corpus(user_data_dir)[0], user_data_dir)
    assert second.search("zyzzogeton").hits
    assert load_index(corpus_key(user_data_dir)) is not None  # saved for the new key

    ImportedReviews(user_data_dir).remove("imp-00000000abcd")
    third = index_for_corpus(load_full_corpus(user_data_dir)[0], user_data_dir)
    assert not third.search("zyzzogeton").hits


def test_a_corpus_loaded_before_an_import_is_not_cached_under_the_new_key(
        corpus: Corpus, user_data_dir: Path) -> None:
    before, _ = load_full_corpus(user_data_dir)
    import_one(corpus, user_data_dir)  # another instance imports in between
    index_for_corpus(before, user_data_dir)
    assert load_index(corpus_key(user_data_dir)) is None


def listed_corpus(data_dir: Path) -> Corpus:
    """The corpus as the app loads it: imports listed from the summary (written first)."""
    from nlmg_tui.corpus import derived_store

    load_full_corpus(data_dir, listed=True)
    derived_store.reset_shared_derived()
    corpus = load_full_corpus(data_dir, listed=True)[0]
    assert corpus.import_stamps is not None
    return corpus


def test_a_listed_corpus_keys_on_its_stamps_without_stating_the_files_again(
        corpus: Corpus, user_data_dir: Path, monkeypatch) -> None:
    import_one(corpus, user_data_dir)
    listed = listed_corpus(user_data_dir)
    assert corpus_key(user_data_dir, listed.import_stamps) == corpus_key(user_data_dir)  # = CLI
    first = index_for_corpus(listed, user_data_dir)  # built and saved
    assert load_index(corpus_key(user_data_dir)) is not None  # the CLI finds it

    def no_stat(*_args):
        raise AssertionError("stated the import files again")

    monkeypatch.setattr(index_cache, "file_stamps", no_stat)
    monkeypatch.setattr(index_cache, "_imports_match", no_stat)
    again = index_for_corpus(listed, user_data_dir)
    assert answers(again, "zyzzogeton") == answers(first, "zyzzogeton")
    assert again.search("zyzzogeton").hits


def test_a_listed_corpus_never_gets_an_index_of_other_imports(
        corpus: Corpus, user_data_dir: Path) -> None:
    import_one(corpus, user_data_dir)
    listed = listed_corpus(user_data_dir)
    import_one(corpus, user_data_dir, "imp-00000000ffff")  # another instance imports
    index_for_corpus(load_full_corpus(user_data_dir)[0], user_data_dir)  # cached for the new key
    index = index_for_corpus(listed, user_data_dir)
    assert set(index.review_ids()) <= {r.id for r in listed.reviews}
    assert "imp-00000000ffff" not in set(index.review_ids())


def cli_search(*args: str):
    return CliRunner().invoke(cli, ["search", *args, "--json"])


def test_the_cli_fills_and_uses_the_cache(corpus: Corpus, user_data_dir: Path) -> None:
    import_one(corpus, user_data_dir)
    fresh = cli_search("zyzzogeton")
    assert fresh.exit_code == 0, fresh.output
    assert cache_file().is_file()
    stamp = cache_file().stat().st_mtime_ns
    cached = cli_search("zyzzogeton")
    assert cached.exit_code == 0 and cached.stdout == fresh.stdout
    assert cache_file().stat().st_mtime_ns == stamp  # read, not rebuilt


@pytest.mark.parametrize("content", [b"", b"garbage", index_cache.MAGIC + b"{}\n"])
def test_the_cli_rebuilds_a_damaged_cache(corpus: Corpus, user_data_dir: Path,
                                          content: bytes) -> None:
    import_one(corpus, user_data_dir)
    expected = cli_search("zyzzogeton").stdout
    cache_file().write_bytes(content)
    again = cli_search("zyzzogeton")
    assert again.exit_code == 0 and again.stdout == expected
    assert load_index(corpus_key(user_data_dir)) is not None


def test_the_cache_dir_follows_the_overrides(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(tmp_path / "elsewhere"))
    assert cache_file() == tmp_path / "elsewhere" / index_cache.CACHE_NAME
    monkeypatch.delenv(paths.CACHE_DIR_ENV)
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "data"))
    assert cache_file() == tmp_path / "data" / "cache" / index_cache.CACHE_NAME
    assert cache_file(tmp_path / "given") == tmp_path / "given" / "cache" / index_cache.CACHE_NAME
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(tmp_path / "elsewhere"))
    assert cache_file(tmp_path / "given") == tmp_path / "elsewhere" / index_cache.CACHE_NAME


def test_packed_texts_decode_each_text_and_refuse_bad_offsets() -> None:
    from nlmg_tui.search.documents import PackedTexts

    data = "naïve\x00\x00ß 中".encode()
    texts = PackedTexts(data, [len("naïve".encode()), len("naïve".encode()) + 1, len(data)])
    assert list(texts) == ["naïve", "", "ß 中"]
    assert texts[-1] == "ß 中" and texts[0:2] == ["naïve", ""]
    for ends in ([3, 2, len(data)], [1, 2, len(data) + 1], [1, 2, 3]):
        with pytest.raises(ValueError):
            PackedTexts(data, ends)
