"""Bytes to text, strict first, in this order:

1. a byte-order mark (UTF-8, UTF-16), or UTF-16 by its NUL-byte shape;
2. the charset the source declares: the HTTP ``Content-Type`` (``declared``, for pages fetched
   from an address), else ``<meta charset>``, ``<meta http-equiv="Content-Type">`` or an XML
   declaration in the first 4 KB, decoded strictly (except that bytes which are valid
   non-ASCII UTF-8 stay UTF-8 whatever single-byte charset is declared: reported);
3. strict UTF-8 (and UTF-8 with a few invalid bytes, which become U+FFFD and are counted);
4. a reported guess: Shift-JIS when the text is then mostly Japanese, else charset-normalizer
   among the web's codepages, with cp1252 kept on a tie (detectors read short Western text as
   cp1250: "naïve" -> "naďve"), else cp1252 when its bytes are all defined, else latin-1.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace

# Bytes that cp1252 leaves undefined; their presence rules cp1252 out.
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
# What a charset detector may guess: the web's codepages, not DOS or Mac ones, and no UTF-16/32
# (their BOM or shape is checked first; a detector finds UTF-16 in 4 bytes of latin-1).
_GUESSABLE = {"cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
              "cp1258", "latin_1", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9",
              "iso8859_15", "koi8_r", "koi8_u", "shift_jis", "cp932", "euc_jp", "gb2312", "gbk",
              "gb18030", "big5", "euc_kr", "cp949", "tis_620", "cp874"}
_DECLARED = re.compile(
    rb"""<\?xml[^>]{0,200}?\bencoding\s*=\s*["']?(?P<xml>[\w.:-]{1,40})"""
    rb"""|<meta\b[^>]{0,300}?\bcharset\s*=\s*["']?(?P<meta>[\w.:-]{1,40})""",
    re.I,
)
# WHATWG: pages declaring latin-1 or ASCII are decoded as windows-1252 by every browser.
_DECLARED_ALIASES = {"latin_1": "cp1252", "ascii": "cp1252", "iso8859_1": "cp1252"}
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
    declared: bool = False  # the charset the page (or its HTTP header) stated
    ignored_declaration: str = ""  # a single-byte charset stated for bytes that are UTF-8
    nuls_removed: int = 0  # stray NUL bytes (at most 1 in 1000) dropped before decoding

    def describe(self) -> str:
        how = f"guessed {self.encoding}" if self.guessed else self.encoding
        if self.declared:
            how += " (declared)"
        if self.ignored_declaration:
            how += f" (the page said {self.ignored_declaration}, but its bytes are UTF-8)"
        if self.replaced:
            how += f", {self.replaced} invalid byte(s) replaced"
        if self.nuls_removed:
            how += f", {self.nuls_removed} NUL byte(s) removed"
        return how


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a saved page; raise ``NotTextError`` for empty or binary input.

    ``declared`` is a charset the transport stated (HTTP ``Content-Type``); it outranks the
    page's own declaration, and a BOM outranks both."""
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
    nuls = data.count(0)
    if nuls > len(data) // 1000:
        raise NotTextError("the file holds NUL bytes: it looks binary, not a text page")
    if nuls:  # a handful in a big page (a CMS glitch): dropped, and said so
        return replace(_decode_text(data.replace(b"\x00", b""), declared), nuls_removed=nuls)
    return _decode_text(data, declared)


def _decode_text(data: bytes, declared: str | None) -> Decoded:
    by_declaration = _as_declared(data, declared)
    if by_declaration is not None:
        return by_declaration
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return _utf8(data, "utf-8")
    return _guess(data)


def _guess(data: bytes) -> Decoded:
    japanese = _as_shift_jis(data)
    if japanese is not None:
        return Decoded(japanese, "shift_jis", guessed=True)
    detected = _detect(data)
    if detected is not None:
        return Decoded(data.decode(detected), detected, guessed=True)
    if not any(b in _CP1252_UNDEFINED for b in data):
        return Decoded(data.decode("cp1252"), "cp1252", guessed=True)
    return Decoded(data.decode("latin-1"), "latin-1", guessed=True)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (XML declaration or ``<meta>``), if known."""
    match = _DECLARED.search(data[:4096])
    if match is None:
        return None
    return _codec(match["xml"] or match["meta"])


def _codec(label: bytes | str | None) -> str | None:
    if not label:
        return None
    name = label.decode("ascii", "ignore") if isinstance(label, bytes) else label
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name.replace("-", "_")
    except LookupError:
        return None
    if codec.startswith(("utf_16", "utf_32")):
        return None  # an ASCII-compatible page cannot really be UTF-16; browsers ignore this too
    return _DECLARED_ALIASES.get(codec, codec)


def _as_declared(data: bytes, declared: str | None) -> Decoded | None:
    """The page decoded strictly as its stated charset, or None (none stated, or it lies)."""
    body = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    for codec in (_codec(declared), declared_charset(body)):
        if codec is None:
            continue
        if codec != "utf_8" and _is_multibyte_utf8(body):
            # Valid multi-byte UTF-8 is almost never an accident of a single-byte codepage, and
            # CMS templates often declare latin-1 over UTF-8 content.
            return Decoded(body.decode("utf-8"), "utf-8", ignored_declaration=codec.replace("_", "-"))
        try:
            return Decoded(body.decode(codec), codec.replace("_", "-"), declared=True)
        except UnicodeDecodeError:
            continue
    return None


def _is_multibyte_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best web codepage for text it finds coherent; cp1252 wins ties."""
    from charset_normalizer import from_bytes  # only importing pages needs it

    candidates = [m for m in from_bytes(data[:200_000]) if m.encoding in _GUESSABLE
                  and m.coherence > 0]
    if not candidates:
        return None
    best = min(candidates, key=lambda m: (m.chaos, -m.coherence, m.encoding != "cp1252"))
    try:
        data.decode(best.encoding)
    except UnicodeDecodeError:
        return None
    return best.encoding


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
