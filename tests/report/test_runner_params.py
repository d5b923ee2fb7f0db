"""Parameter bounds (issue 15): counts validated, YAML aliases refused, huge values not echoed."""

from __future__ import annotations

import time

import pytest
from conftest import SEEDS
from report_helpers import write_notebook

from corpus_tools.cli import main
from corpus_tools.report.runner import ReportError, parse_parameter_value, read_parameter_file, resolve_parameters

PARAMS = 'corpus = None  # the corpus\ntop = 10  # rows\nmin_count = 1  # at least\nlabel = "x"  # text\n'


@pytest.fixture
def nb(tmp_path):
    return write_notebook(tmp_path / "p.ipynb", PARAMS, "pass")


@pytest.mark.parametrize("name, value, message", [
    ("top", -1, "parameter top is a count: it cannot be negative (-1)"),
    ("min_count", -3, "parameter min_count is a count: it cannot be negative (-3)"),
    ("top", 2.5, "parameter top is a count: give a whole number, not 2.5"),
    ("top", True, "parameter top is a count: give a whole number, not True"),
    ("top", "ten", "parameter top is a count: give a whole number, not 'ten'"),
])
def test_bad_counts_are_rejected_by_name(nb, name, value, message):
    with pytest.raises(ReportError, match=message.replace("(", r"\(").replace(")", r"\)")):
        resolve_parameters([nb], {name: value})
    assert resolve_parameters([nb], {"top": 0, "min_count": 2}) == {nb: {"top": 0, "min_count": 2}}
    # a minimum count of None asks for the notebook's corpus-size default; any other count must be a number
    assert resolve_parameters([nb], {"min_count": None}) == {nb: {"min_count": None}}
    with pytest.raises(ReportError, match="parameter top is a count"):
        resolve_parameters([nb], {"top": None})


def test_cli_negative_counts_are_errors(tmp_path, nb, capsys):
    assert main(["report", str(SEEDS), "-o", str(tmp_path / "o"), "-n", str(nb), "-p", "top", "-1"]) == 2
    assert "cannot be negative (-1)" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        main(["summary", str(SEEDS), "--top", "-3"])
    assert e.value.code == 2 and "--top: cannot be negative: -3" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["report", str(SEEDS), "--timeout", "-5"])
    assert "must be more than 0 seconds" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_nested_yaml_aliases_are_refused_quickly(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    f = tmp_path / "laughs.yaml"
    f.write_text("\n".join(lines) + "\n", "utf-8")
    started = time.monotonic()
    with pytest.raises(ReportError, match=r"laughs.yaml: not valid YAML: aliases \(\*name\) are not allowed"):
        read_parameter_file(f)
    assert time.monotonic() - started < 1
    with pytest.raises(ReportError, match="aliases"):
        parse_parameter_value("[&x a, *x]")


def test_a_huge_bad_parameter_is_named_not_echoed(tmp_path, nb, capsys):
    huge = "[" + "x" * 10_000_000
    assert main(["report", str(SEEDS), "-o", str(tmp_path / "o"), "-n", str(nb), "-p", "label", huge]) == 2
    err = capsys.readouterr().err
    assert "cannot read parameter value '[xxxx" in err and "(10000003 characters)" in err and len(err) < 2000
    assert main(["report", str(SEEDS), "-o", str(tmp_path / "o"), "-n", str(nb), "-p", "y" * 5_000_000, "1"]) == 2
    assert len(capsys.readouterr().err) < 2000


def test_a_huge_parameter_file_is_refused(tmp_path):
    f = tmp_path / "big.yaml"
    f.write_text("label: " + "x" * (2 << 20) + "\n", "utf-8")
    with pytest.raises(ReportError, match="big.yaml: a parameter file of more than"):
        read_parameter_file(f)
