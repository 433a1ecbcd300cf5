"""Bytes to text, strict first: UTF-8 (with or without BOM), UTF-16 by BOM or shape, then a guess.

Charset detectors guess wrong on short Western text (cp1252 read as cp1250, latin-1 read as
UTF-16), so the guess here is narrow and always reported: cp1252 when its bytes are all defined,
else latin-1. Invalid bytes in text that is mostly UTF-8 become U+FFFD and are counted.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

# Bytes that cp1252 leaves undefined; their presence rules cp1252 out.
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_MAGIC = [
    (b"\x89PNG", "a PNG image"), (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive"),
    (b"SQLite format 3\x00", "an SQLite database"), (b"\x1f\x8b", "a gzip archive"),
    (b"GIF8", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"), (b"\x7fELF", "a program"),
    (b"BZh", "a bzip2 archive"), (b"\xfd7zXZ", "an xz archive"), (b"7z\xbc\xaf", "a 7z archive"),
    (b"RIFF", "a media file"), (b"OggS", "a media file"), (b"ID3", "an MP3 file"),
]


class NotTextError(ValueError):
    """The bytes are not a text document; the message says what they look like."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool = False
    replaced: int = 0  # invalid bytes turned into U+FFFD

    def describe(self) -> str:
        how = f"guessed {self.encoding}" if self.guessed else self.encoding
        if self.replaced:
            how += f", {self.replaced} invalid byte(s) replaced"
        return how


def decode_bytes(data: bytes, *, declared_charset: str | None = None) -> Decoded:
    """Decode a saved page; raise ``NotTextError`` for empty or binary input.

    ``declared_charset`` (a server's Content-Type charset) is tried after BOMs and strict UTF-8
    and before any guess: servers often declare latin-1 for UTF-8 pages, never the reverse.
    """
    if not data.strip():
        raise NotTextError("the file is empty")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise NotTextError(f"the file is {kind}, not a text page")
    if data.startswith(codecs.BOM_UTF8):
        return _utf8(data[len(codecs.BOM_UTF8):], "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16(data, "utf-16", guessed=False)
    utf16 = _utf16_by_shape(data)
    if utf16:
        return _utf16(data, utf16, guessed=True)
    if b"\x00" in data:
        raise NotTextError("the file holds NUL bytes: it looks binary, not a text page")
    strict = _strict_utf8(data) or _declared(data, declared_charset)
    if strict is not None:
        return strict
    if _mostly_utf8(data):
        return _utf8(data, "utf-8")
    japanese = _as_shift_jis(data)
    if japanese is not None:
        return Decoded(japanese, "shift_jis", guessed=True)
    if not any(b in _CP1252_UNDEFINED for b in data):
        return Decoded(data.decode("cp1252"), "cp1252", guessed=True)
    return Decoded(data.decode("latin-1"), "latin-1", guessed=True)


def _strict_utf8(data: bytes) -> Decoded | None:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return None


def _declared(data: bytes, charset: str | None) -> Decoded | None:
    """The bytes decoded strictly with a declared charset, or None when it is unknown or unfit.
    As browsers do, a declared latin-1 or ASCII means cp1252 (when its bytes are all defined)."""
    if not charset:
        return None
    try:
        name = codecs.lookup(charset.strip().strip("'\"")).name
    except LookupError:
        return None
    if name == "utf-7":  # a charset pages use only to smuggle markup past filters
        return None
    if name in ("iso8859-1", "ascii") and not any(b in _CP1252_UNDEFINED for b in data):
        name = "cp1252"
    try:
        return Decoded(data.decode(name), f"{name} (declared)")
    except (UnicodeDecodeError, LookupError):  # LookupError: not a text codec (base64, rot13)
        return None


def _utf8(data: bytes, name: str) -> Decoded:
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    return Decoded(text, name, replaced=replaced)


def _utf16(data: bytes, encoding: str, guessed: bool) -> Decoded:
    text = data.decode(encoding, errors="replace")
    return Decoded(text.lstrip("\ufeff"), encoding, guessed=guessed, replaced=text.count("\ufffd"))


def _utf16_by_shape(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII text has a NUL in every other byte."""
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.6 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.6 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _as_shift_jis(data: bytes) -> str | None:
    """Shift-JIS only when it decodes strictly and most of the text is then Japanese: Western
    single-byte text rarely decodes as Shift-JIS, and never into mostly kana and kanji."""
    try:
        text = data.decode("shift_jis")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if not ch.isspace()]
    japanese = sum(1 for ch in letters if "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff")
    return text if japanese >= 10 and japanese >= 0.3 * len(letters) else None


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few bad bytes: multi-byte sequences decode and errors are rare."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return multibyte > 0 and bad <= max(2, multibyte // 10)
