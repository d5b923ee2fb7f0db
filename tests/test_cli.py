"""The command line prints names and ids with terminal escape characters escaped, never raw (issue 15)."""

from __future__ import annotations

import warnings

from corpus_tools.cli import main, terminal_safe


def test_terminal_safe_escapes_c0_c1_and_bidi_controls_but_keeps_line_breaks():
    assert terminal_safe("a\x1b[31mred\x1b[0m") == "a\\x1b[31mred\\x1b[0m"
    assert terminal_safe("bell\x07 cr\r nul\x00 del\x7f csi\x9b") == "bell\\x07 cr\\r nul\\x00 del\\x7f csi\\x9b"
    assert terminal_safe("file\u202etxt.exe") == "file\\u202etxt.exe"
    assert terminal_safe("one\ntwo Xi’s café") == "one\ntwo Xi’s café"


def test_summary_prints_escape_characters_in_file_names_escaped(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("Oil prices rose in Texas. Oil fell.")
    (tmp_path / "evil\x1b]0;pwned\x07\x1b[2J.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (tmp_path / "ctrl\x9b31m.txt").write_bytes(b"")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert main(["summary", str(tmp_path), "--top", "3"]) == 0
    assert not caught  # the load warning (raw names) is not shown by Python: summary lists the problems itself
    out = capsys.readouterr()
    printed = out.out + out.err
    for raw in ("\x1b", "\x07", "\x9b"):
        assert raw not in printed
    assert "evil\\x1b]0;pwned\\x07\\x1b[2J.txt" in out.out
    assert "ctrl\\x9b31m.txt" in out.out
    assert "load problems: 2 (2 skipped)" in out.out
    assert "oil" in out.out


def test_an_error_naming_a_path_with_escapes_is_escaped_too(tmp_path, capsys):
    missing = tmp_path / "no\x1b[5msuch"
    assert main(["summary", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "no\\x1b[5msuch" in err


def test_report_progress_lines_are_escaped(tmp_path, capsys, monkeypatch):
    from corpus_tools.report import runner

    def fake_run_report(corpus, out, notebooks, params, log, **kwargs):
        log("[1/1] evil\x1b[2Jname: failed")
        raise runner.ReportError("stop here")

    monkeypatch.setattr(runner, "run_report", fake_run_report)
    assert main(["report", str(tmp_path), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "[1/1] evil\\x1b[2Jname: failed" in err
