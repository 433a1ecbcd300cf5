"""A missing or corrupt corpus file: one plain sentence naming the file, non-zero exit, no
traceback (unless --debug asks for it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlmg_tui import paths
from nlmg_tui.cli import main


@pytest.fixture
def corpus_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "corpus.json"
    monkeypatch.setattr(paths, "corpus_file", lambda: target)
    return target


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    return int(exited.value.code or 0), capsys.readouterr().err


@pytest.mark.parametrize("content", [None, b"", b"{not json", b'{"reviews": 5}', b"\x00\x00"],
                         ids=["missing", "empty", "broken", "wrong-shape", "nul"])
@pytest.mark.parametrize("command", [["reviews"], ["show", "000"], ["search", "Kathy"]])
def test_bad_corpus_file_is_one_sentence(corpus_path: Path, content: bytes | None,
                                         command: list[str], capsys) -> None:
    if content is not None:
        corpus_path.write_bytes(content)
    code, err = run_main(command, capsys)
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert str(corpus_path) in lines[0]
    assert "corpus build" in lines[0]
    assert "Traceback" not in err


def test_unexpected_errors_are_one_line_and_debug_shows_the_traceback(monkeypatch, capsys) -> None:
    from nlmg_tui.cli import corpus_cmds

    def explode(*args, **kwargs):
        raise RuntimeError("disk on fire [b]\x1b]0;x\x07")

    monkeypatch.setattr(corpus_cmds, "load_or_fail", explode)
    code, err = run_main(["reviews"], capsys)
    assert code == 1
    assert err.strip() == "nlmg-tui: error: disk on fire [b] (run with --debug for details)"
    code, err = run_main(["--debug", "reviews"], capsys)
    assert code == 1
    assert "Traceback" in err and "RuntimeError" in err and "\x1b" not in err
