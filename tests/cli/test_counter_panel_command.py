"""`antrian counter [N]` is the panel window; `antrian counter <operation> N` stays the scripts' interface."""

from __future__ import annotations

from pathlib import Path

import pytest

from antrian.cli import build_parser, main, panel_shorthand


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["counter"], ["counter", "panel"]),
        (["counter", "2"], ["counter", "panel", "2"]),
        (["counter", "--db", "x.db"], ["counter", "panel", "--db", "x.db"]),
        (["counter", "2", "--db", "x.db"], ["counter", "panel", "2", "--db", "x.db"]),
        (["counter", "call-next", "2"], ["counter", "call-next", "2"]),
        (["counter", "--help"], ["counter", "--help"]),
        (["counter", "panel", "1"], ["counter", "panel", "1"]),
        (["ticket", "issue", "A"], ["ticket", "issue", "A"]),
        (["--json", "counter", "1"], ["--json", "counter", "panel", "1"]),
        (["--db", "/x.db", "counter", "1"], ["--db", "/x.db", "counter", "panel", "1"]),
        (["--db", "counter.db", "counter"], ["--db", "counter.db", "counter", "panel"]),
        (["--db=/x.db", "counter"], ["--db=/x.db", "counter", "panel"]),
        (["--lang", "en", "counter", "2"], ["--lang", "en", "counter", "panel", "2"]),
        (["--lang=en", "counter"], ["--lang=en", "counter", "panel"]),
    ],
)
def testpanel_shorthand(argv: list[str], expected: list[str]) -> None:
    assert panel_shorthand(argv) == expected


def test_panel_arguments_parse() -> None:
    parser = build_parser()
    assert parser.parse_args(panel_shorthand(["counter", "3"])).counter == 3
    assert parser.parse_args(panel_shorthand(["counter"])).counter is None
    operation = parser.parse_args(panel_shorthand(["counter", "finish", "3"]))
    assert (operation.counter_command, operation.counter) == ("finish", 3)


def test_a_counter_number_that_is_not_a_number_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # this PC's own settings file and language must not decide the words under test
    monkeypatch.setenv("ANTRIAN_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.delenv("ANTRIAN_LANG", raising=False)
    assert main(["counter", "panel", "dua"]) == 2
    err = capsys.readouterr().err
    assert err == "antrian: COUNTER harus bilangan bulat dari 1 sampai 2147483647, bukan «dua».\n"
    assert main(["counter", "panel", "dua", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err == "antrian: COUNTER must be a whole number from 1 to 2147483647, not “dua”.\n"
