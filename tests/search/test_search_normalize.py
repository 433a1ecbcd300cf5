"""Folding: the same on both sides, and spans map back into the original text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlmg_tui.search.folding import normalize, normalize_with_offsets, tokenize


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Mise-en-Scené", "mise-en-scene"),
        (unicodedata.normalize("NFD", "mise-en-scené"), "mise-en-scene"),
        ("Straße", "strasse"),
        ("STRASSE", "strasse"),
        ("İstanbul", "istanbul"),
        ("ıi", "ıi"),  # dotless i stays itself: folding is not Turkish-aware, but never breaks
        ("“Never Let Me Go” — Romanek’s", "\"never let me go\" - romanek's"),
        ("naïve  café\n\tdéjà", "naive cafe deja"),
        ("  padded  ", "padded"),
        ("ﬁlm", "film"),
        ("zero\u200bwidth", "zerowidth"),
        ("emoji 😀 stays", "emoji 😀 stays"),
        ("電影很好", "電影很好"),
        ("", ""),
        ("Ωμέγα", "ωμεγα"),
    ],
)
def test_normalize_table(text: str, folded: str) -> None:
    assert normalize(text) == folded
    assert normalize_with_offsets(text).text == folded


def test_nfc_and_nfd_fold_alike() -> None:
    nfc = unicodedata.normalize("NFC", "Kazuo Ishiguro’s naïve clones, mise-en-scène")
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfc != nfd
    assert normalize(nfc) == normalize(nfd)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Romanek's mise-en-scene", ["romanek", "s", "mise", "en", "scene"]),
        ("小说改编", ["小", "说", "改", "编"]),
        ("hello 😀 world", ["hello", "world"]),
        ("[@click=app.quit]", ["click", "app", "quit"]),
    ],
)
def test_tokenize(text: str, words: list[str]) -> None:
    assert tokenize(normalize(text)) == words


def test_offsets_point_into_the_original() -> None:
    text = "Straße  «Naïve» café"
    mapped = normalize_with_offsets(text)
    assert mapped.text == 'strasse "naive" cafe'
    start = mapped.text.index("naive")
    assert mapped.original_span(start, start + 5) == (text.index("Naïve"), text.index("Naïve") + 5)
    # ß folds to two characters that both point back at it.
    assert mapped.original_span(4, 6) == (4, 5)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec=None)) | st.text("aZ \n\t’é…ßİ\u0301\u200b. «»"))
def test_fast_and_offset_folding_agree(text: str) -> None:
    mapped = normalize_with_offsets(text)
    assert mapped.text == normalize(text)
    assert len(mapped.starts) == len(mapped.ends) == len(mapped.text)
    for start, end in zip(mapped.starts, mapped.ends, strict=True):
        assert 0 <= start < end <= len(text)
    assert list(mapped.starts) == sorted(mapped.starts)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_folding_is_idempotent_on_words(text: str) -> None:
    once = normalize(text)
    assert tokenize(normalize(once)) == tokenize(once)
