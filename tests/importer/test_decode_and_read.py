"""Bytes in, text out: strict UTF-8 first, then BOMs and shapes, then a reported guess."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlmg_tui.importer.decode import NotTextError, decode_bytes
from nlmg_tui.importer.pipeline import extract, read_bounded, repair_mojibake

TEXT = "Naïve “quotes” — café"


@pytest.mark.parametrize(
    ("data", "encoding", "guessed"),
    [
        (TEXT.encode("utf-8"), "utf-8", False),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig", False),
        (TEXT.encode("utf-16"), "utf-16", False),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16", False),
        (TEXT.encode("utf-16-le"), "utf-16-le", True),
        (TEXT.encode("utf-16-be"), "utf-16-be", True),
        (TEXT.encode("cp1252"), "cp1252", True),
    ],
)
def test_decodings(data: bytes, encoding: str, guessed: bool) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding
    assert decoded.guessed is guessed


def test_shift_jis_is_recognised_and_western_text_is_not_taken_for_it() -> None:
    japanese = "映画のレビューです。とても良い映画でした。俳優も素晴らしい。"
    decoded = decode_bytes(japanese.encode("shift_jis"))
    assert decoded.text == japanese and decoded.encoding == "shift_jis" and decoded.guessed
    western = "He said “naïve” twice — and meant it, in a café in Zürich. " * 5
    assert decode_bytes(western.encode("cp1252")).encoding == "cp1252"


def test_latin1_with_bytes_cp1252_leaves_undefined() -> None:
    data = "caf\u00e9 \u0081".encode("latin-1")
    decoded = decode_bytes(data)
    assert decoded.encoding == "latin-1" and decoded.text.startswith("café")


def test_invalid_bytes_mid_utf8_are_replaced_and_counted() -> None:
    data = "“fine” text é ".encode() + b"\xff" + " and more “text”".encode()
    decoded = decode_bytes(data)
    assert decoded.replaced == 1
    assert "\ufffd" in decoded.text and decoded.text.startswith("“fine”")
    assert "1 invalid byte" in decoded.describe()


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG"),
        (b"%PDF-1.7\n", "PDF"),
        (b"PK\x03\x04" + bytes(30), "ZIP"),
        (b"SQLite format 3\x00" + bytes(100), "SQLite"),
        (b"abc\x00\x01\x02def\x00\x00\x00\xff\xfe", "NUL"),
    ],
)
def test_not_text_is_refused_with_a_reason(data: bytes, says: str) -> None:
    with pytest.raises(NotTextError, match=says):
        decode_bytes(data)


def test_mojibake_is_repaired() -> None:
    raw = "“Quoted” and it’s fine".encode()
    broken = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)
    assert "â€" in broken
    fixed, repaired = repair_mojibake(broken)
    assert repaired and fixed == "“Quoted” and it’s fine"
    page = f"Title\n\nBy Jo Roe\n\n{broken}, as a sentence should be.\n"
    result = extract(page.encode("utf-8"), "mojibake.txt")
    assert result.review.paragraphs[0].text == "“Quoted” and it’s fine, as a sentence should be."
    assert "mojibake repaired" in result.decoding


def test_read_refuses_directories_fifos_devices_and_big_files(tmp_path: Path) -> None:
    with pytest.raises(NotTextError, match="directory"):
        read_bounded(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(NotTextError, match="not a regular file"):
        read_bounded(fifo)
    with pytest.raises(NotTextError, match="not a regular file"):
        read_bounded(Path("/dev/zero"))
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    with pytest.raises(NotTextError, match="refused"):
        read_bounded(big, limit=1000)
    with pytest.raises(NotTextError, match="does not exist"):
        read_bounded(tmp_path / "gone.txt")


def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("text")
    locked.chmod(0)
    if os.access(locked, os.R_OK):
        pytest.skip("running as root: permissions are not enforced")
    with pytest.raises(NotTextError, match="permission denied"):
        read_bounded(locked)


def test_escape_sequences_and_controls_are_stripped_on_import() -> None:
    page = ("Title\n\nBy Jane \x1b]0;pwned\x07Doe\n\n"
            "A film that \x1b[31mglows\x1b[0m and \u202eflips, with a long enough sentence here.\n")
    review = extract(page.encode(), "evil.txt").review
    assert review.critic == "Jane Doe"
    text = review.paragraphs[0].text
    assert "\x1b" not in text and "\u202e" not in text
    assert text == "A film that glows and flips, with a long enough sentence here."


def test_markup_in_pages_stays_plain_text() -> None:
    page = "Title\n\nBy [b]Jane[/b]\n\nA review with [@click=app.quit]markup[/] and [/ inside it, sadly.\n"
    review = extract(page.encode(), "markup.txt").review
    assert "[@click=app.quit]markup[/]" in review.paragraphs[0].text


def test_html_drops_scripts_styles_and_navigation() -> None:
    html = ("<html><head><style>p{color:red}</style><script>alert('x')</script></head><body>"
            "<nav>Home About</nav><h1>A Film</h1><p>By Jo Bloggs</p>"
            "<p>This is the review body, which is long enough to count as prose here.</p>"
            "<script>document.write('<p>injected</p>')</script><footer>© 2020 Site</footer>"
            "</body></html>")
    review = extract(html.encode(), "page.html").review
    assert [p.text for p in review.paragraphs] == [
        "This is the review body, which is long enough to count as prose here."
    ]
    assert review.headline == "A Film" and review.critic == "Jo Bloggs"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_give_a_review_or_a_reason(data: bytes) -> None:
    try:
        result = extract(data, "random.txt")
    except NotTextError as error:
        assert str(error)
    else:
        assert result.review.paragraphs
        for paragraph in result.review.paragraphs:
            assert "\x1b" not in paragraph.text and "\x00" not in paragraph.text


CZECH = "Příliš žluťoučký kůň úpěl ďábelské ódy. Recenze: skvělý výkon herců, ale děj je pomalý."
RUSSIAN = "Это очень хороший фильм, актёры играют прекрасно, но сюжет медленный и тяжёлый."


@pytest.mark.parametrize(
    ("declaration", "text", "codec"),
    [
        ('<meta charset="windows-1250">', CZECH, "cp1250"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', RUSSIAN, "cp1251"),
        ('<?xml version="1.0" encoding="ISO-8859-2"?>', CZECH, "iso8859-2"),
        ("<META CHARSET=koi8-r>", RUSSIAN, "koi8-r"),
    ],
)
def test_the_page_declared_charset_is_used(declaration: str, text: str, codec: str) -> None:
    page = f"{declaration}<html><body><p>{text}</p></body></html>"
    decoded = decode_bytes(page.encode(codec))
    assert text in decoded.text and decoded.declared and not decoded.guessed
    assert "(declared)" in decoded.describe()


def test_a_declared_charset_from_http_outranks_the_page_and_a_bom_outranks_both() -> None:
    page = f'<meta charset="utf-8"><p>{RUSSIAN}</p>'.encode("cp1251")
    assert RUSSIAN in decode_bytes(page, declared="windows-1251").text
    bom = codecs.BOM_UTF8 + f'<meta charset="windows-1251"><p>{RUSSIAN}</p>'.encode()
    assert RUSSIAN in decode_bytes(bom, declared="cp1250").text


def test_utf8_bytes_under_a_single_byte_declaration_stay_utf8_and_say_so() -> None:
    lying = f'<meta charset="windows-1250"><p>{TEXT}</p>'.encode()
    decoded = decode_bytes(lying)
    assert decoded.encoding == "utf-8" and TEXT in decoded.text and not decoded.declared
    assert "the page said cp1250" in decoded.describe()


def test_a_declaration_that_cannot_decode_the_bytes_is_ignored() -> None:
    data = f'<meta charset="windows-1250"><p>{CZECH}</p>'.encode("cp1250") + b"\x81\x83"
    decoded = decode_bytes(data)
    assert not decoded.declared and decoded.guessed


@pytest.mark.parametrize(("text", "codec"), [(CZECH, "cp1250"), (RUSSIAN, "cp1251")])
def test_undeclared_central_european_and_cyrillic_pages_are_guessed_and_say_so(text: str, codec: str) -> None:
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text and decoded.guessed and decoded.encoding == codec
    assert decoded.describe() == f"guessed {codec}"


def test_naive_in_cp1252_is_not_read_as_cp1250() -> None:
    text = "The film is naïve but charming, a café society drama with “style”."
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text and decoded.encoding == "cp1252"


def test_mojibake_is_repaired_line_by_line_and_quotes_stay_curly() -> None:
    good = "A naïve café with “curly quotes” stays as it is."
    broken = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b)
                     for b in "It’s “good” and étonnant.".encode())
    fixed, repaired = repair_mojibake(f"{good}\n{broken}")
    assert repaired and fixed == f"{good}\nIt’s “good” and étonnant."
    assert repair_mojibake(good) == (good, False)


def test_a_few_stray_nul_bytes_in_a_big_page_are_dropped_and_reported() -> None:
    page = ("<p>" + "A long enough review sentence. " * 100 + "</p>").encode()
    decoded = decode_bytes(page[:1000] + b"\x00" + page[1000:])
    assert "\x00" not in decoded.text and decoded.nuls_removed == 1
    assert "1 NUL byte(s) removed" in decoded.describe()
    with pytest.raises(NotTextError, match="NUL"):
        decode_bytes(page[:1000] + b"\x00" * 10 + page[1000:1500])
