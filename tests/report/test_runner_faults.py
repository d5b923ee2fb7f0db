"""Runner faults and security: signals mid-notebook, unwritable or full output disks, code injection
through parameters, HTML escaping and load summaries over the hostile corpus."""

from __future__ import annotations

import ast
import errno
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import namedtuple

import nbformat
import pandas as pd
import psutil
import pytest
from conftest import REPO, SEEDS
from hostile_corpus import build_hostile_corpus
from report_helpers import write_notebook

import corpus_tools as ct
from corpus_tools.cli import main
from corpus_tools.report import ingest as ingest_step
from corpus_tools.report import runner as report
from corpus_tools.report.runner import ReportError, run_report

QUIET = {"progress": False, "log": lambda line: None}
ECHO_PARAMS = 'corpus = None  # the corpus\noutput_dir = "figures"  # artifacts\nmessage = "hi"  # echoed\n'
ECHO_CELL = """
import pandas as pd
from corpus_tools.io.outputs import save_table
save_table(pd.DataFrame({"message": [message]}), output_dir, "message")
print("message:", repr(message))
"""


@pytest.fixture
def echo(tmp_path):
    return write_notebook(tmp_path / "echo.ipynb", ECHO_PARAMS, ECHO_CELL)


def cli_env():
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    env.pop("PYTHONWARNINGS", None)
    return env


# -- signals: kill the run mid-notebook ------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_mid_notebook_keeps_the_previous_report_and_marks_the_partial_one(tmp_path, echo, signum):
    out = tmp_path / "out"
    assert run_report(SEEDS, out, [str(echo)], {"message": "good"}, **QUIET).ok
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    marker = tmp_path / "cell-started"
    slow = write_notebook(tmp_path / "slow.ipynb", 'corpus = None  # the corpus\nmarker = ""  # touched when running\n',
                          "import pathlib, time\npathlib.Path(marker).touch()\ntime.sleep(120)")
    proc = subprocess.Popen(
        [sys.executable, "-m", "corpus_tools", "report", str(SEEDS), "-o", str(out), "-n", str(slow),
         "-p", "marker", str(marker), "--no-progress"],
        cwd=tmp_path, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # a shell without job control starts background jobs with SIGINT ignored, and the
        # child would inherit that: this test is about a terminal's Ctrl-C, so restore it
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():  # the notebook's sleeping cell is running
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the notebook never started"
            time.sleep(0.1)
        kernels = psutil.Process(proc.pid).children(recursive=True)
        assert kernels, "the notebook runs in a kernel subprocess"
        proc.send_signal(signum)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 128 + signum, stderr
    assert f"interrupted by {signal.Signals(signum).name}" in stderr
    # the previous report is byte for byte what it was
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    # the partial run is no hidden half-folder: it is renamed out.failed-* and says "interrupted"
    assert not list(tmp_path.glob(".out.*"))
    (failed,) = tmp_path.glob("out.failed-*")
    assert f"this run is kept in {failed}" in stderr
    manifest = json.loads((failed / "manifest.json").read_text("utf-8"))
    assert manifest["status"] == "interrupted" and manifest["finished"]
    # and no notebook kernel is left running
    _, alive = psutil.wait_procs(kernels, timeout=15)
    assert [k for k in alive if k.status() != psutil.STATUS_ZOMBIE] == []


@pytest.mark.slow
def test_sigint_with_notebooks_side_by_side_kills_every_kernel(tmp_path):
    # -j 2: two notebooks run at once, each in its kernel, their clients in threads of the runner
    markers = [tmp_path / "a-started", tmp_path / "b-started"]
    slow = [write_notebook(tmp_path / f"slow{i}.ipynb", f'corpus = None  # the corpus\nmarker{i} = ""  # touched\n',
                           f"import pathlib, time\npathlib.Path(marker{i}).touch()\ntime.sleep(120)") for i in (0, 1)]
    args = [sys.executable, "-m", "corpus_tools", "report", str(SEEDS), "-o", str(tmp_path / "out"), "-j", "2",
            "--no-progress"]
    for i, (notebook, marker) in enumerate(zip(slow, markers, strict=True)):
        args += ["-n", str(notebook), "-p", f"marker{i}", str(marker)]
    proc = subprocess.Popen(args, cwd=tmp_path, env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 90
        while not all(m.exists() for m in markers):  # both notebooks are in their sleeping cell
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the two notebooks never ran side by side"
            time.sleep(0.1)
        kernels = [p for p in psutil.Process(proc.pid).children(recursive=True) if "ipykernel" in " ".join(p.cmdline())]
        assert len(kernels) == 2
        t0 = time.monotonic()
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
        waited = time.monotonic() - t0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 128 + signal.SIGINT, stderr
    assert waited < 60  # it did not wait for the sleeping cells (120 s) to finish
    (failed,) = tmp_path.glob("out.failed-*")
    assert json.loads((failed / "manifest.json").read_text("utf-8"))["status"] == "interrupted"
    assert not (tmp_path / "out").exists() and not list(tmp_path.glob(".out.*"))
    _, alive = psutil.wait_procs(kernels, timeout=15)
    assert [k for k in alive if k.status() != psutil.STATUS_ZOMBIE] == []


# -- unwritable output before any work -------------------------------------------------------------------

@pytest.fixture
def no_work(monkeypatch):
    """Fail the test if the runner loads the corpus or runs a notebook."""

    def forbidden(*args, **kwargs):
        raise AssertionError("work started")

    monkeypatch.setattr(ingest_step, "load_corpus", forbidden)
    monkeypatch.setattr(report, "_run_notebook", forbidden)


def test_read_only_file_system_is_an_error_before_any_work(tmp_path, echo, monkeypatch, no_work):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(report.tempfile, "mkdtemp", read_only)
    with pytest.raises(ReportError) as err:
        run_report(SEEDS, tmp_path / "out", [str(echo)], **QUIET)
    assert str(err.value) == f"{tmp_path / 'out'}: cannot write the report folder in {tmp_path}: " \
                             f"{os.strerror(errno.EROFS)}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["echo.ipynb"]


def test_read_only_folder_is_an_error_before_any_work(tmp_path, echo, monkeypatch, no_work):
    # chmod 555 does not stop root (CI runs as root), so the folder's refusal is simulated
    locked = tmp_path / "locked"
    locked.mkdir()

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(report.tempfile, "mkdtemp", denied)
    with pytest.raises(ReportError, match="cannot write the report folder in .*locked: Permission denied"):
        run_report(SEEDS, locked / "out", [str(echo)], **QUIET)
    assert list(locked.iterdir()) == []


def test_output_inside_a_file_is_an_error_before_any_work(tmp_path, echo, no_work):
    (tmp_path / "a_file").write_text("not a folder", "utf-8")
    with pytest.raises(ReportError, match="a_file is not a folder"):
        run_report(SEEDS, tmp_path / "a_file" / "out", [str(echo)], **QUIET)


def test_full_disk_is_an_error_before_any_work(tmp_path, echo, monkeypatch, no_work, capsys):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(report.shutil, "disk_usage", lambda path: usage(10 * 2**30, 10 * 2**30 - 3 * 2**20, 3 * 2**20))
    code = main(["report", str(SEEDS), "-o", str(tmp_path / "out"), "-n", str(echo), "--no-progress"])
    assert code == 2
    assert capsys.readouterr().err == (
        f"corpus-tools report: error: {tmp_path / 'out'}: only 3.0 MB free on the disk of {tmp_path}; a report "
        "needs at least 50 MB: free some space or choose another -o folder\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["echo.ipynb"]


# -- parameters are data, never code -----------------------------------------------------------------------

INJECTIONS = [
    "\"; import os; os.system('touch PWNED')",
    "'; import os; os.system('touch PWNED') #",
    "'''\nimport os\nos.system('touch PWNED')\n'''",
    '"""; __import__("os").system("touch PWNED"); """',
    "{os.system('touch PWNED')}",
]
# What each value is in the kernel: the CLI reads a value opening with "{" or "[" as a YAML
# mapping or list (yaml.safe_load: data only), as its -p help says; everything else verbatim.
ARRIVES = [*INJECTIONS[:4], {"os.system('touch PWNED')": None}]


@pytest.mark.slow
def test_parameter_values_cannot_inject_code(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    names = [f"m{i}" for i in range(len(INJECTIONS))]
    params = "corpus = None  # the corpus\noutput_dir = \"figures\"  # artifacts\n" + "".join(
        f'{n} = "x"  # echoed\n' for n in names)
    nb = write_notebook(tmp_path / "echo.ipynb", params, f"""
import pandas as pd
from corpus_tools.io.outputs import save_table
values = [{", ".join(names)}]
save_table(pd.DataFrame({{"value": values}}), output_dir, "values")
for v in values:
    print("value:", repr(v))
""")
    out = tmp_path / "out"
    args = ["report", str(SEEDS), "-o", str(out), "-n", str(nb), "--no-progress"]
    for name, value in zip(names, INJECTIONS, strict=True):
        args += ["-p", name, value]
    assert main(args) == 0, capsys.readouterr().err
    executed = nbformat.read(out / "echo" / "echo.ipynb", as_version=4)
    injected = next(c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", []))
    tree = ast.parse(injected.source)
    assert all(isinstance(node, ast.Assign) for node in tree.body)  # nothing but assignments...
    assigned = {node.targets[0].id: ast.literal_eval(node.value) for node in tree.body}  # ...of literals
    assert [assigned[n] for n in names] == ARRIVES
    printed = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
    for value in ARRIVES:
        assert f"value: {value!r}\n" in printed  # arrived as data in the kernel
    table = pd.read_csv(out / "echo" / "values.csv", keep_default_na=False)
    assert table["value"].tolist() == [*INJECTIONS[:4], str(ARRIVES[4])]
    assert not list(tmp_path.rglob("PWNED")) and not (REPO / "PWNED").exists()


def test_parameter_names_and_yaml_cannot_inject_code(tmp_path, echo, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    base = ["report", str(SEEDS), "-o", str(tmp_path / "out"), "-n", str(echo), "--no-progress"]
    assert main([*base, "-p", "os.system('touch PWNED'); message", "x"]) == 2
    assert "unknown parameter \"os.system('touch PWNED'); message\"" in capsys.readouterr().err
    evil = tmp_path / "evil.yaml"
    evil.write_text("message: !!python/object/apply:os.system ['touch PWNED']\n", "utf-8")
    assert main([*base, "-f", str(evil)]) == 2
    assert f"{evil}: not valid YAML" in capsys.readouterr().err
    assert not list(tmp_path.rglob("PWNED")) and not (tmp_path / "out").exists()


# -- the hostile corpus through the whole report ----------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile-report")
    root, cases = build_hostile_corpus(base)
    result = run_report(root, base / "out", **QUIET)
    return root, cases, result


@pytest.mark.slow
def test_every_notebook_completes_on_the_hostile_corpus(hostile_report):
    _, _, result = hostile_report
    assert result.ok, result.failures
    assert [nb["status"] for nb in result.manifest["notebooks"]] == ["ok", "ok", "ok", "ok"]


@pytest.mark.slow
def test_report_html_never_contains_the_articles_markup_unescaped(hostile_report):
    _, _, result = hostile_report
    pages = sorted(result.path.rglob("*.html"))
    assert len(pages) == 5  # four notebooks and the index
    live_script = re.compile(r"<script[^>]*>[^<]*(alert|pwned)", re.IGNORECASE)
    live_handler = re.compile(r"<(img|h1|p)\b[^>]*\b(onerror|class=\"x\")", re.IGNORECASE)
    reached = 0
    for page in pages:
        html = page.read_text("utf-8")
        assert not live_script.search(html), page
        assert not live_handler.search(html), page
        assert '<script>alert("pwned")</script>' not in html and "<img src=x" not in html, page
        reached += html.count("onerror=alert")
        if page.name not in ("index.html", "keyness.html"):  # keyness has nothing to compare here; elsewhere
            # the sanitiser keeps the report's own markup working:
            assert "<th" in html and "&lt;th" not in html and "&lt;tbody" not in html, page  # tables
            assert "&lt;/h1&gt;" not in html and "&lt;p&gt;" not in html, page  # Markdown headings, paragraphs
    assert reached > 0  # the article's markup did reach the report (KWIC and n-gram tables), as text


@pytest.mark.slow
def test_manifest_lists_every_skipped_file_and_no_file_outside_the_corpus(hostile_report):
    root, cases, result = hostile_report
    corpus = result.manifest["corpus"]
    skipped = [c for c in cases if c.outcome == "skipped"]
    assert corpus["skipped"] == len(skipped) == 21
    assert len(corpus["problems"]) == sum(c.outcome != "loaded" for c in cases) == 26
    for c in skipped:
        assert any(p.startswith(f"{root / c.path}{'' if c.record is None else f':{c.record}'}: skipped: {c.reason}")
                   for p in corpus["problems"]), c
    files = {f["path"] for f in corpus["files"]}
    assert "café.txt" in files and "records.jsonl" in files
    # files lists what was read and hashed from the bytes parsed: an unsupported file is never read
    assert "notes.docx" not in files and any("notes.docx: skipped: unsupported" in p for p in corpus["problems"])
    # the loader's rules: no symlink out of the folder (its target is never read or hashed), no loop, no FIFO
    assert not files & {"escape.txt", "fifo.txt", "self.txt", "dangling.txt"}
    assert not any(f.startswith("loop/again/") for f in files)
    secret = (root.parent / "outside" / "secret.txt").read_bytes()
    import hashlib
    assert hashlib.sha256(secret).hexdigest() not in json.dumps(corpus)


@pytest.mark.slow
def test_each_notebook_opens_with_the_load_summary(hostile_report):
    root, _, result = hostile_report
    corpus = ct.load_corpus(root, warn=False)
    expected = ct.io.load_summary(corpus)
    assert expected.startswith(f"{len(corpus)} articles loaded; 21 skipped, 5 loaded with warnings:\n")
    for nb in result.manifest["notebooks"]:
        executed = nbformat.read(result.path / nb["executed"], as_version=4)
        code = [c for c in executed.cells if c.cell_type == "code"
                and not {"parameters", "injected-parameters"} & set(c.metadata.get("tags", []))]
        # the first stdout output: a warning on stderr (tqdm's "IProgress not found") is a separate
        # stream whose flush may reach the notebook first on a loaded machine
        first_output = next(o for o in code[0]["outputs"] if o.get("name") == "stdout")
        assert first_output["text"].startswith(expected + "\n"), nb["name"]


def test_disk_filling_up_at_the_end_leaves_no_half_folder(tmp_path, echo, monkeypatch):
    # was: an error writing manifest.json/index.html after the last notebook (e.g. a non-UTF-8
    # file name, or ENOSPC) escaped the clean-up and left the hidden .out.partial-* folder behind
    out = tmp_path / "out"
    assert run_report(SEEDS, out, [str(echo)], **QUIET).ok
    before = (out / "manifest.json").read_bytes()

    def disk_full(folder, manifest):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(report, "_write_summary", disk_full)
    logged = []
    with pytest.raises(report.DiskFullError) as err:
        run_report(SEEDS, out, [str(echo)], progress=False, log=logged.append)
    assert (out / "manifest.json").read_bytes() == before
    assert not list(tmp_path.glob(".out.*"))
    (failed,) = tmp_path.glob("out.failed-*")
    assert (failed / "echo" / "echo.ipynb").is_file()  # what ran is kept for inspection
    assert str(err.value) == ("no space left on device writing the report summary (index.html, manifest.json); "
                              f"the previous report (if any) is untouched; partial output in {failed}")
    assert err.value.kept == failed and isinstance(err.value.__cause__, OSError)
    assert not any("kept in" in line for line in logged)  # one message: the error's (test_runner_disk_full.py)
