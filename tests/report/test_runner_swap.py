"""Fault-injection harness for the report folder (issue 15): what may be replaced, the lock, the swap.

Faults are injected at the runner's swap and load points: ``os.replace`` in
:mod:`corpus_tools.report.folders` raising, or killing the process (``os._exit``
in a forked child: no clean-up runs, as with SIGKILL) between the two renames;
and the loader failing or the corpus changing during the run.  Each test then
asserts what is on disk, and that the next run (or ``recover_output_folder``)
puts it right.
"""

from __future__ import annotations

import json
import os
import signal
import threading

import pytest
from conftest import SEEDS
from report_helpers import write_notebook

from corpus_tools.io import loading
from corpus_tools.report import folders
from corpus_tools.report import runner as report
from corpus_tools.report.folders import (
    artifact_hashes,
    move_to_failed,
    output_lock,
    recover_output_folder,
    report_folder_problem,
    swap_in,
)
from corpus_tools.report.runner import ReportError, run_report

QUIET = {"progress": False, "log": lambda line: None}
PARAMS = 'corpus = None  # the corpus\noutput_dir = "figures"  # artifacts\nmessage = "hi"  # a word\n'
CELL = """
import pandas as pd
import corpus_tools as ct
from corpus_tools.io.outputs import save_table
data = ct.load_corpus(corpus, warn=False)
save_table(pd.DataFrame({"message": [message], "articles": [len(data)]}), output_dir, "message")
"""


@pytest.fixture
def ok(tmp_path):
    return write_notebook(tmp_path / "ok.ipynb", PARAMS, CELL)


def listing(folder):
    return sorted(p.name for p in folder.iterdir())


def fake_report(folder, status="ok", text="v1"):
    """A folder the runner would have written: a table and a manifest with the marker and hashes."""
    (folder / "nb").mkdir(parents=True)
    (folder / "nb" / "t.csv").write_text(text, "utf-8")
    manifest = {"tool": "corpus-tools report", "status": status, "artifacts_sha256": artifact_hashes(folder)}
    (folder / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    return folder


def in_child(action):
    """Run ``action`` in a forked child and return its exit status (the harness's SIGKILL)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            action()
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def kill_at_swap(monkeypatch):
    """The process ends (no clean-up) at the swap's second rename: the finished run into OUT.

    ``os.replace`` is patched for the whole process (``folders.os`` is ``os``); the
    atomic file writes before the swap pass through.
    """
    real = os.replace

    def replace(src, dst):
        if ".partial-" in os.path.basename(os.fspath(src)):
            os._exit(137)
        return real(src, dst)

    monkeypatch.setattr(folders.os, "replace", replace)


# -- 1. never delete a user's folder -------------------------------------------------------------------

def test_a_users_folder_holding_a_manifest_is_refused_before_any_work(tmp_path, ok, monkeypatch):
    app = tmp_path / "app"
    (app / "data").mkdir(parents=True)
    (app / "manifest.json").write_text('{"name": "x"}', "utf-8")
    (app / "thesis.txt").write_text("draft", "utf-8")
    monkeypatch.setattr(report, "ingest", lambda *a, **k: pytest.fail("work started"))
    with pytest.raises(ReportError, match=r"app: exists and is not a corpus-tools report \(manifest.json has no "):
        run_report(SEEDS, app, [str(ok)], **QUIET)
    assert (app / "thesis.txt").read_text("utf-8") == "draft" and (app / "data").is_dir()
    assert listing(tmp_path) == ["app", "ok.ipynb"]  # no lock, partial or failed folder left


def test_a_report_with_a_users_file_added_or_a_table_edited_is_refused(tmp_path, ok):
    out = tmp_path / "out"
    assert run_report(SEEDS, out, [str(ok)], **QUIET).ok
    assert report_folder_problem(out) is None
    (out / "notes.txt").write_text("my notes", "utf-8")
    with pytest.raises(ReportError, match=r"notes.txt is not a report file"):
        run_report(SEEDS, out, [str(ok)], **QUIET)
    (out / "notes.txt").unlink()
    (out / "ok" / "message.csv").write_text("edited by hand\n", "utf-8")
    with pytest.raises(ReportError, match=r"ok/message.csv was changed after the report was written"):
        run_report(SEEDS, out, [str(ok)], **QUIET)
    assert (out / "ok" / "message.csv").read_text("utf-8") == "edited by hand\n"


def test_counts_a_later_query_saves_in_the_reports_token_dataset_keep_it_a_report(tmp_path):
    # a notebook run again on the report's dataset may save its article x term counts there
    # (corpus_tools.stats.queries.article_terms_path): a cache made again when needed, not a user's file
    out = tmp_path / "out"
    (out / "cache" / "tokens-0123").mkdir(parents=True)
    (out / "cache" / "tokens-0123" / "part-00000.parquet").write_bytes(b"PAR1")  # the report's dataset
    fake_report(out)
    assert report_folder_problem(out) is None
    derived = out / "cache" / "tokens-0123" / "derived"
    derived.mkdir(parents=True)
    (derived / "article_terms-0123.parquet").write_bytes(b"PAR1")
    assert report_folder_problem(out) is None
    (out / "cache" / "tokens-0123" / "notes.txt").write_text("mine", "utf-8")  # beside it: still a user's file
    assert report_folder_problem(out) == "cache/tokens-0123/notes.txt is not a report file"


def test_a_symlink_or_fifo_added_to_a_report_makes_it_a_users_folder(tmp_path):
    out = fake_report(tmp_path / "out")
    assert report_folder_problem(out) is None
    (out / "nb" / "link.csv").symlink_to(tmp_path)
    assert report_folder_problem(out) == "nb/link.csv is not a report file"
    (out / "nb" / "link.csv").unlink()
    os.mkfifo(out / "pipe")
    assert report_folder_problem(out) == "pipe is not a report file"


def test_a_non_utf8_artifact_name_is_recorded_and_recognised(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.csv")).write_text("x", "utf-8")
    fake = fake_report(folder)  # artifact_hashes must give JSON-writable names
    assert json.loads((fake / "manifest.json").read_text("utf-8"))["artifacts_sha256"].keys() >= {"caf\\xe9.csv"}
    assert report_folder_problem(fake) is None


@pytest.mark.parametrize("stem", ["cache", "corpus.jsonl", "index.html"])
def test_a_notebook_named_like_a_report_file_is_refused(tmp_path, stem):
    nb = write_notebook(tmp_path / f"{stem}.ipynb", PARAMS, "pass")
    with pytest.raises(ReportError, match=f"notebook '{stem}': its folder would collide"):
        run_report(SEEDS, tmp_path / "out", [str(nb)], **QUIET)


def test_old_style_manifest_without_hashes_is_refused(tmp_path):
    old = tmp_path / "old"
    old.mkdir()
    (old / "manifest.json").write_text('{"tool": "corpus-tools report", "status": "ok"}', "utf-8")
    assert "does not list its artifacts" in report_folder_problem(old)


@pytest.mark.parametrize("where", ["corpus", "parent"])
def test_output_that_is_or_holds_the_corpus_is_refused(tmp_path, ok, where):
    corpus = tmp_path / "news" / "C"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text("An article.", "utf-8")
    out = corpus if where == "corpus" else corpus.parent
    with pytest.raises(ReportError, match="would replace the corpus"):
        run_report(corpus, out, [str(ok)], **QUIET)
    assert (corpus / "a.txt").read_text("utf-8") == "An article."


def test_report_inside_its_corpus_twice_never_reads_itself(tmp_path, ok):
    corpus = tmp_path / "C"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The only article. It has words.", "utf-8")
    first = run_report(corpus, corpus / "report", [str(ok)], **QUIET)
    second = run_report(corpus, corpus / "report", [str(ok)], **QUIET)
    assert first.ok and second.ok
    assert second.manifest["corpus"]["articles"] == 1
    assert [f["path"] for f in second.manifest["corpus"]["files"]] == ["a.txt"]
    assert (corpus / "report" / "ok" / "message.csv").read_text("utf-8") == "message,articles\nhi,1\n"


# -- 2. the lock, failed-folder names ----------------------------------------------------------------

def test_a_second_run_is_told_clearly_while_the_first_holds_the_lock(tmp_path, ok):
    out = tmp_path / "out"
    with output_lock(out):
        with pytest.raises(ReportError, match=rf"another corpus-tools run \(process {os.getpid()}\) is writing"):
            run_report(SEEDS, out, [str(ok)], **QUIET)
    assert not out.exists() and not (tmp_path / ".out.lock").exists()
    assert run_report(SEEDS, out, [str(ok)], **QUIET).ok  # released: the next run goes ahead


def test_the_lock_is_released_when_its_holder_is_killed(tmp_path):
    out = tmp_path / "out"
    assert in_child(lambda: (output_lock(out).__enter__(), os._exit(9))) == 9
    with output_lock(out):  # the kernel dropped the dead process's flock
        pass


def test_two_failures_in_the_same_second_get_distinct_folders(tmp_path):
    out = tmp_path / "out"
    runs = [tmp_path / f".out.partial-x-{i}" for i in range(3)]
    for r in runs:
        r.mkdir()
        (r / "f").write_text(r.name, "utf-8")
    kept = [move_to_failed(r, out, "20260101T000000Z") for r in runs]
    assert [k.name for k in kept] == ["out.failed-20260101T000000Z", "out.failed-20260101T000000Z-2",
                                      "out.failed-20260101T000000Z-3"]
    assert [(k / "f").read_text("utf-8") for k in kept] == [r.name for r in runs]


# -- 2. the swap: raise, kill, signal ----------------------------------------------------------------

def test_second_rename_failing_puts_the_previous_report_back(tmp_path, monkeypatch):
    out, new = fake_report(tmp_path / "out", text="old"), fake_report(tmp_path / ".out.partial-s-1", text="new")
    real = os.replace

    def replace(src, dst):
        if str(src).endswith("partial-s-1"):
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(folders.os, "replace", replace)
    with pytest.raises(OSError, match="No space left"):
        swap_in(new, out, "s")
    assert (out / "nb" / "t.csv").read_text("utf-8") == "old"
    assert listing(tmp_path) == [".out.partial-s-1", "out"]


def test_killed_between_the_two_renames_the_next_run_restores_the_finished_report(tmp_path, monkeypatch):
    out, new = fake_report(tmp_path / "out", text="old"), fake_report(tmp_path / ".out.partial-s-1", text="new")
    kill_at_swap(monkeypatch)
    assert in_child(lambda: swap_in(new, out, "s")) == 137
    assert not out.exists()  # what the issue found: no report at all, both hidden
    assert sorted(p.name.split("-")[0] for p in tmp_path.iterdir()) == [".out.old", ".out.partial"]
    monkeypatch.undo()
    lines = recover_output_folder(out, log=lambda line: None)
    assert (out / "nb" / "t.csv").read_text("utf-8") == "new"
    assert listing(tmp_path) == ["out"] and len(lines) == 2
    assert "restored the finished report" in lines[0] and "removed .out.old-" in lines[1]


def test_killed_after_moving_the_old_report_aside_without_a_finished_run_restores_the_old(tmp_path):
    out = tmp_path / "out"
    fake_report(tmp_path / ".out.old-s-1", text="old")
    (tmp_path / ".out.partial-s-1").mkdir()  # never finished: no manifest
    lines = recover_output_folder(out, log=lambda line: None)
    assert (out / "nb" / "t.csv").read_text("utf-8") == "old"
    assert listing(tmp_path) == ["out", "out.failed-s-1"]
    assert "restored the previous report" in lines[0] and "kept as" in lines[1]


def test_killed_mid_run_the_next_run_reports_and_keeps_the_partial_folder(tmp_path, ok):
    out = tmp_path / "out"
    assert run_report(SEEDS, out, [str(ok)], **QUIET).ok
    partial = fake_report(tmp_path / ".out.partial-20260101T000000Z-99", status="running")
    logged = []
    assert run_report(SEEDS, out, [str(ok)], progress=False, log=logged.append).ok
    assert any("a run killed before it finished left .out.partial-20260101T000000Z-99" in x for x in logged)
    assert not partial.exists() and (tmp_path / "out.failed-20260101T000000Z-99" / "nb" / "t.csv").is_file()


def test_sigint_during_the_swap_waits_until_both_renames_are_done(tmp_path, monkeypatch):
    out, new = fake_report(tmp_path / "out", text="old"), fake_report(tmp_path / ".out.partial-s-1", text="new")
    real, calls = os.replace, []

    def replace(src, dst):  # Ctrl-C arrives right after the first rename
        real(src, dst)
        calls.append(dst)
        if len(calls) == 1:
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(folders.os, "replace", replace)
    # Python's own Ctrl-C handler, as in a terminal: a shell starts background jobs (a CI script run
    # in the background too) with SIGINT ignored, and an ignored signal rightly stays ignored
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    # another thread running (papermill's and zmq's do): a process signal may land on it, where the
    # main thread's signal mask does not hold it back (what the first version of swap_in relied on)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            swap_in(new, out, "s")
    finally:
        stop.set()
        signal.signal(signal.SIGINT, previous)
    assert len(calls) == 2 and (out / "nb" / "t.csv").read_text("utf-8") == "new"
    assert listing(tmp_path) == ["out"]


@pytest.mark.slow
def test_a_real_run_killed_in_its_swap_is_recovered_by_the_next_run(tmp_path, ok, monkeypatch):
    out = tmp_path / "out"
    assert run_report(SEEDS, out, [str(ok)], {"message": "first"}, **QUIET).ok
    kill_at_swap(monkeypatch)
    assert in_child(lambda: run_report(SEEDS, out, [str(ok)], {"message": "second"}, **QUIET)) == 137
    assert not out.exists()
    monkeypatch.undo()
    logged = []
    assert run_report(SEEDS, out, [str(ok)], {"message": "third"}, progress=False, log=logged.append).ok
    assert "restored the finished report" in logged[0]
    assert (out / "ok" / "message.csv").read_text("utf-8") == "message,articles\nthird,1\n"
    assert listing(tmp_path) == ["ok.ipynb", "out"]


# -- 4. load points: load once, one broken file --------------------------------------------------------

def test_the_corpus_is_loaded_once_and_the_notebooks_analyse_those_bytes(tmp_path, ok, monkeypatch):
    corpus = tmp_path / "C"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The first article. It has words.", "utf-8")
    second = write_notebook(tmp_path / "second.ipynb", PARAMS, CELL)
    real = report._run_notebook

    def grow_then_run(*args, **kw):  # the corpus changes while the run is under way
        (corpus / f"new-{len(list(corpus.iterdir()))}.txt").write_text("Added during the run.", "utf-8")
        return real(*args, **kw)

    monkeypatch.setattr(report, "_run_notebook", grow_then_run)
    result = run_report(corpus, tmp_path / "out", [str(ok), str(second)], **QUIET)
    assert result.ok, result.failures
    m = result.manifest
    assert m["corpus"]["articles"] == 1 and [f["path"] for f in m["corpus"]["files"]] == ["a.txt"]
    for name in ("ok", "second"):
        assert (result.path / name / "message.csv").read_text("utf-8") == "message,articles\nhi,1\n"
    assert len((result.path / "corpus.jsonl").read_text("utf-8").splitlines()) == 1


def test_one_unreadable_file_at_load_is_recorded_and_the_run_goes_on(tmp_path, ok, monkeypatch):
    corpus = tmp_path / "C"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Readable words.", "utf-8")
    (corpus / "b.txt").write_text("Unreadable words.", "utf-8")
    real = loading._read_regular_file

    def flaky(path, root):
        if path.name == "b.txt":
            raise OSError(5, "Input/output error")
        return real(path, root)

    monkeypatch.setattr(loading, "_read_regular_file", flaky)
    result = run_report(corpus, tmp_path / "out", [str(ok)], **QUIET)
    assert result.ok and result.manifest["corpus"]["articles"] == 1
    assert result.manifest["corpus"]["problems"] == [f"{corpus / 'b.txt'}: skipped: cannot read: Input/output error"]


def test_an_empty_corpus_fails_before_any_notebook_and_leaves_nothing(tmp_path, ok):
    corpus = tmp_path / "C"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("", "utf-8")
    with pytest.raises(ValueError, match="no readable article"):
        run_report(corpus, tmp_path / "out", [str(ok)], **QUIET)
    assert listing(tmp_path) == ["C", "ok.ipynb"]


def test_a_run_with_no_notebooks_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(report, "available_notebooks", lambda: {})
    with pytest.raises(ReportError, match="no notebooks to run"):
        run_report(SEEDS, tmp_path / "out", **QUIET)
    assert not (tmp_path / "out").exists()
