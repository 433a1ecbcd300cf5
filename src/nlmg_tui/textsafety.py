"""Make untrusted text safe to store and to show.

Review pages, comments, imports, notes and queries are data. Terminal control bytes in them
(C0/C1 controls, ANSI/OSC escape sequences, bidi overrides) could retitle the window, write the
clipboard or reorder what the reader sees, so they are removed at ingest and again wherever text
leaves the app. Markup safety is separate: callers build ``rich.text.Text`` objects.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and two-byte escapes.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC, terminated or not
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x9d[^\x07\x9c]*(?:\x07|\x9c)?"  # 8-bit OSC
)
# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def strip_unsafe(text: str) -> str:
    """Remove escape sequences and control characters, keeping ``\\n`` and ``\\t``.

    A carriage return is turned into a newline first so CRLF text keeps its line breaks.
    Lone surrogates (which cannot be encoded) become U+FFFD.
    """
    if not text:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def one_line(text: str) -> str:
    """Strip unsafe characters and fold all whitespace to single spaces (for cells and titles)."""
    return " ".join(strip_unsafe(text).split())
