"""Run the analysis notebooks over a corpus into a report folder.

:func:`run_report` executes notebooks with papermill's Python API in the
current Python (see :mod:`corpus_tools.report.kernel`) and writes::

    OUT/
      index.html            the overview: corpus totals, dates, lengths, top terms, problems,
                            parameters; per notebook its question, thumbnail, finding, links
      manifest.json         parameters, corpus files + sha256 of the bytes read, versions, times,
                            status, and the sha256 of every other file (``artifacts_sha256``)
      corpus.jsonl          the articles loaded (once) from the corpus: what every notebook analyses
      <notebook>/           one folder per notebook:
        <notebook>.ipynb    the executed notebook (outputs inline)
        <notebook>.html     its HTML export (nbconvert)
        *.png, *.csv        the figures and tables it saved

Atomicity: the report is built in a hidden sibling folder
``.OUT.partial-<timestamp>-<pid>`` and only moved to ``OUT`` (renames only;
the previous report is renamed aside, then deleted) when every notebook
succeeded.  When a notebook fails, or the run is interrupted, ``OUT`` is left
as it was and the new folder is renamed to ``OUT.failed-<timestamp>``, with
the failed executed notebook inside for inspection; the other notebooks
still run.  Which folders may be replaced, the per-folder lock and the repair
of a swap cut short by SIGKILL are :mod:`corpus_tools.report.folders`.

Parameters: each notebook's cell tagged ``parameters`` (papermill's
convention) declares its knobs.  A parameter is passed to every selected
notebook that declares it; a name no selected notebook declares is an error
raised before anything runs (papermill itself only logs a warning).
``corpus``, ``output_dir`` and ``token_cache`` are set by the runner: the
corpus is tokenised once per run into ``OUT/cache/`` (a Parquet table of all
tokens keyed by the corpus content and tokeniser, reused by the next run when
neither changed) and every notebook derives its own token table from it.
"""

from __future__ import annotations

import datetime as dt
import errno
import functools
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import nbformat
import yaml
from jupyter_core.utils import ensure_event_loop

from corpus_tools._version import __version__
from corpus_tools.io.loading import display_path
from corpus_tools.io.outputs import atomic_write
from corpus_tools.report.folders import (
    REPORT_TOOL,
    OutputLockedError,
    artifact_hashes,
    move_to_failed,
    output_lock,
    recover_output_folder,
    report_folder_problem,
    swap_in,
)
from corpus_tools.report.html import export_html, index_page
from corpus_tools.report.ingest import ANALYSED_CORPUS, ingest
from corpus_tools.report.kernel import (
    KERNEL_NAME,
    CurrentPythonKernelManager,
    kernel_manager_with_env,
    kill_running_kernels,
)
from corpus_tools.report.overview import overview_counts, overview_record
from corpus_tools.scale.batching import resolve_n_jobs
from corpus_tools.stats.queries import duckdb_memory_limit
from corpus_tools.tokens.tokenize import DEFAULT_TOKENIZER

__all__ = [
    "DiskFullError",
    "REPORT_DUCKDB_MEMORY_MB",
    "RUNNER_PARAMETERS",
    "START_LAST",
    "ReportError",
    "ReportResult",
    "available_notebooks",
    "kernel_duckdb_memory",
    "notebook_parameters",
    "parse_parameter_value",
    "notebook_workers",
    "read_parameter_file",
    "resolve_parameters",
    "run_report",
    "start_order",
]

#: Parameters the runner sets itself (from CORPUS and -o).
RUNNER_PARAMETERS = ("corpus", "output_dir", "token_cache")
PACKAGES = ("nltk", "numpy", "pandas", "matplotlib", "papermill", "nbconvert", "nbformat", "nbclient",
            "ipykernel", "jupyter_client", "pyyaml", "tqdm")


class ReportError(ValueError):
    """A report cannot start: bad notebook name, parameter or output folder."""


class DiskFullError(ReportError):
    """The disk filled up (ENOSPC, or a quota: EDQUOT) while the run wrote its report.

    The previous report is untouched; what the run wrote is kept in
    :attr:`kept` (``OUT.failed-<timestamp>``).  The message says all of it.
    """

    def __init__(self, writing: str, kept: Path | None):
        self.writing, self.kept = writing, kept
        super().__init__(f"no space left on device writing {writing}; the previous report (if any) is "
                         + (f"untouched; partial output in {kept}" if kept else "untouched; nothing was written"))


_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_DISK_FULL_TEXT = tuple(f"[Errno {n}]" for n in sorted(_DISK_FULL))


def _disk_full(error: BaseException) -> bool:
    return isinstance(error, OSError) and error.errno in _DISK_FULL


def _notebook_disk_full(record: dict) -> OSError | None:
    """The disk-full error a notebook failed with (in its kernel or writing its pages), or None."""
    err = record.get("error") or {}
    if any(text in str(err.get("evalue", "")) for text in _DISK_FULL_TEXT):
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(err["evalue"]))
    return None


@dataclass
class ReportResult:
    """What :func:`run_report` did: where the report is and what failed."""

    path: Path
    ok: bool
    manifest: dict
    failures: list[str] = field(default_factory=list)


def _notebook_dirs() -> list[Path]:
    here = Path(__file__).resolve().parent
    return [p for p in (here.parent / "notebooks", here.parents[1] / "notebooks") if p.is_dir()]


def available_notebooks() -> dict[str, Path]:
    """The shipped notebooks by name (file stem), in report order.

    >>> list(available_notebooks())
    ['word_frequency', 'collocations', 'keyness', 'section_structure']
    """
    order = ["word_frequency", "collocations", "keyness", "section_structure"]
    found: dict[str, Path] = {}
    for folder in _notebook_dirs():
        for p in sorted(folder.glob("*.ipynb")):
            found.setdefault(p.stem, p)
    return dict(sorted(found.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0])))


# names in the report folder the runner writes itself: no notebook folder may take one
_RESERVED_NAMES = {"cache", "corpus.jsonl", "corpus.jsonl.load-problems.json", "manifest.json", "index.html"}


def _select(names: list[str] | None) -> list[Path]:
    shipped = available_notebooks()
    if not names:
        for path in shipped.values():
            _check_notebook(path)
        return list(shipped.values())
    chosen = []
    for name in names:
        path = Path(name)
        if name in shipped:
            chosen.append(shipped[name])
        elif path.suffix == ".ipynb" and path.is_file():
            chosen.append(path.resolve())
        else:
            raise ReportError(f"unknown notebook {name!r}: choose from {', '.join(shipped)} or give a .ipynb path")
    for path in chosen:
        _check_notebook(path)
    clash = sorted({p.stem for p in chosen} & _RESERVED_NAMES)
    if clash:
        raise ReportError(f"notebook {clash[0]!r}: its folder would collide with the report's own "
                          f"{clash[0]}; rename the notebook")
    if len({p.stem for p in chosen}) != len(chosen):
        raise ReportError("two selected notebooks have the same name; each needs its own report folder")
    return chosen


def _check_notebook(path: Path) -> None:
    """Refuse, before anything runs, a selected file that is not a valid Jupyter notebook (``{}``, not JSON...)."""
    try:
        nbformat.validate(nbformat.read(path, as_version=4))
    except Exception as e:  # nbformat raises NotJSONError, ValidationError, AttributeError (a JSON list)...
        reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ReportError(f"{path}: not a valid Jupyter notebook ({_cut(reason, 200)}); fix it or leave it "
                          "out of the selected notebooks") from None


@functools.lru_cache(maxsize=64)
def _inspect(path: str, mtime_ns: int) -> dict:
    import papermill

    return papermill.inspect_notebook(path)


def notebook_parameters(path: str | os.PathLike) -> dict[str, dict]:
    """The parameters a notebook declares (papermill's ``inspect_notebook``).

    Returns ``{name: {"default": source text, "type": inferred type, "help": comment}}``.
    """
    path = Path(path)
    params = _inspect(str(path.resolve()), path.stat().st_mtime_ns)
    return {name: {"default": p["default"], "type": p["inferred_type_name"], "help": p["help"]}
            for name, p in params.items()}


#: Largest parameter file read (a parameter file is a few lines of YAML).
MAX_PARAMETER_FILE_BYTES = 1 << 20


class _NoAliasLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` refusing anchors' aliases (``*name``): a parameter file needs none, and
    nested aliases ("billion laughs") expand a few hundred bytes into gigabytes."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in parameters", mark)
        return super().compose_node(parent, index)


def _yaml(text: str):
    return yaml.load(text, Loader=_NoAliasLoader)  # a SafeLoader: no tags, so no code


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


def _shown(value: object, limit: int = 80) -> str:
    """``repr(value)`` cut to ``limit`` characters: a 10 MB bad value is named, not echoed."""
    return _cut(repr(value), limit)


# Parameters that are counts (CONTRIBUTING.md's vocabulary): non-negative integers.
def _is_count(name: str) -> bool:
    return name in ("top", "n", "min_count", "min_word_count", "span", "kwic_context", "context") or \
        name.startswith("top_") or name.endswith("_top")


def _check_counts(parameters: dict) -> None:
    for name, value in parameters.items():
        if not _is_count(name) or (value is None and name.endswith("min_count")):
            continue  # a minimum count of None: the notebook's corpus-size default (stats.default_min_count)
        if isinstance(value, bool) or not isinstance(value, int):
            raise ReportError(f"parameter {name} is a count: give a whole number, not {_shown(value)}")
        if value < 0:
            raise ReportError(f"parameter {name} is a count: it cannot be negative ({value})")


def parse_parameter_value(text: str):
    """Convert a ``-p NAME VALUE`` string like ``papermill -p`` does.

    ``True``/``False``/``None``, integers and floats are converted, anything
    else stays a string (papermill's ``_resolve_type``, restated here
    because it is private); in addition a value starting with ``[`` or ``{``
    is read as a YAML list or mapping, so list parameters can be given on
    the command line.

    >>> [parse_parameter_value(v) for v in ["True", "None", "12", "1e-3", "pmi", "[a, b]"]]
    [True, None, 12, 0.001, 'pmi', ['a', 'b']]
    """
    if text in ("True", "False", "None"):
        return {"True": True, "False": False, "None": None}[text]
    for convert in (int, float):
        try:
            return convert(text)
        except ValueError:
            pass
    if text.lstrip().startswith(("[", "{")):
        try:
            return _yaml(text)
        except yaml.YAMLError as e:
            raise ReportError(f"cannot read parameter value {_shown(text)} as a YAML list/mapping: "
                              f"{_cut(str(e), 300)}") from None
    return text


def read_parameter_file(path: str | os.PathLike) -> dict:
    """Parameters from a YAML file holding one mapping of name to value.

    Plain YAML only: no tags (``!!python/...``), no aliases, at most
    ``MAX_PARAMETER_FILE_BYTES``.

    Raises
    ------
    ReportError
        Naming the file and the problem.
    """
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_PARAMETER_FILE_BYTES + 1)
        if len(raw) > MAX_PARAMETER_FILE_BYTES:
            raise ReportError(f"{path}: a parameter file of more than {MAX_PARAMETER_FILE_BYTES} bytes; "
                              "parameters are a few lines of YAML")
        data = _yaml(raw.decode("utf-8"))
    except OSError as e:
        raise ReportError(f"{path}: cannot read parameter file: {e.strerror}") from None
    except UnicodeDecodeError as e:
        raise ReportError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from None
    except yaml.YAMLError as e:
        raise ReportError(f"{path}: not valid YAML: {_cut(str(e), 300)}") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise ReportError(f"{path}: a parameter file must be a mapping of parameter names to values")
    return data


def resolve_parameters(notebooks: list[Path], parameters: dict) -> dict[Path, dict]:
    """Each notebook's share of ``parameters``; unknown names are an error.

    Raises
    ------
    ReportError
        Naming the unknown parameter(s) and the valid ones, or a parameter
        the runner sets itself.
    """
    declared = {nb: notebook_parameters(nb) for nb in notebooks}
    reserved = sorted(set(parameters) & set(RUNNER_PARAMETERS))
    if reserved:
        raise ReportError(f"parameter {', '.join(reserved)} is set by the runner: give the corpus as the CORPUS "
                          "argument and the report folder with -o")
    valid = sorted({n for names in declared.values() for n in names} - set(RUNNER_PARAMETERS))
    unknown = [n for n in parameters if n not in valid]
    if unknown:
        raise ReportError(f"unknown parameter {', '.join(map(_shown, unknown))} for notebook(s) "
                          f"{', '.join(nb.stem for nb in notebooks)}; valid parameters: {', '.join(valid)}")
    _check_counts(parameters)
    return {nb: {k: v for k, v in parameters.items() if k in names} for nb, names in declared.items()}


#: Parameters that name a file or folder: made absolute against the working
#: directory of the command, since the notebooks run in their own folders.
PATH_PARAMETERS = ("reference",)


def _absolute_paths(parameters: dict) -> dict:
    for name in PATH_PARAMETERS:
        value = parameters.get(name)
        if isinstance(value, str | Path):
            path = Path(value).expanduser().resolve()
            if not path.exists():
                raise ReportError(f"parameter {name}: {value}: no such file or folder")
            parameters[name] = str(path)
    return parameters


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _versions() -> dict:
    versions = {"python": sys.version.split()[0], "corpus-tools": __version__}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_CELL_LINE = re.compile(r"Cell In\[\d*\], line (\d+)")
_ARROW_LINE = re.compile(r"^-+>\s*(\d+)\s")


def _raising_line(error) -> tuple[int | None, str]:
    """The line of the failed cell that raised: its number (1-based) and text.

    IPython's traceback names it as ``Cell In[5], line 3`` (its first frame is
    the cell itself) and marks it with an arrow; the first non-blank line of the
    cell is only a fallback (it is often ``%matplotlib inline``, which says
    nothing about what failed).
    """
    lines = error.source.splitlines()
    text = _ANSI.sub("", "\n".join(error.traceback or []))
    found = _CELL_LINE.search(text)
    number = int(found.group(1)) if found else None
    if number is None:
        arrow = next((m for m in map(_ARROW_LINE.match, text.splitlines()) if m), None)
        number = int(arrow.group(1)) if arrow else None
    if number is not None and 1 <= number <= len(lines):
        return number, lines[number - 1].strip()
    return None, next((line.strip() for line in lines if line.strip()), "")


def _failure_message(name: str, error: Exception) -> dict:
    from papermill.exceptions import PapermillExecutionError

    if isinstance(error, PapermillExecutionError):
        line, text = _raising_line(error)
        where = f"line {line}" if line is not None else "cell"
        # cell numbers from 1, as a reader counts the cells of the executed notebook
        message = (f"notebook {name}: cell {error.cell_index + 1} (In [{error.exec_count}]) failed: "
                   f"{error.ename}: {error.evalue}\n    {where}: {text}")
        return {"cell": error.cell_index, "execution_count": error.exec_count, "line": line, "line_text": text,
                "ename": error.ename, "evalue": error.evalue, "message": message}
    return {"cell": None, "execution_count": None, "ename": type(error).__name__, "evalue": str(error),
            "message": f"notebook {name}: {type(error).__name__}: {error}"}


def _run_notebook(source: Path, folder: Path, root: Path, parameters: dict, progress: bool | dict,
                  timeout: float | None, reader: bool = False,
                  manager: type[CurrentPythonKernelManager] = CurrentPythonKernelManager) -> dict:
    import papermill

    folder.mkdir(parents=True)
    executed = folder / f"{source.stem}.ipynb"
    record = {"name": source.stem, "source": str(source), "parameters": parameters, "started": _now()}
    t0 = time.perf_counter()
    try:
        # The kernel's working directory goes to nbclient (``resources.metadata.path``, the cwd it
        # starts the kernel in), not to papermill's ``cwd=``: papermill would os.chdir() this whole
        # process for the run, which is not safe while other notebooks run in other threads
        # (papermill issue #473).  Every path given to papermill is absolute.
        papermill.execute_notebook(
            str(source), str(executed), parameters=parameters, kernel_name=KERNEL_NAME,
            kernel_manager_class=manager, progress_bar=progress,
            execution_timeout=timeout, resources={"metadata": {"path": str(folder)}},
        )
        record.update(status="ok", error=None)
    except Exception as e:  # any failure of one notebook is reported, and the others still run
        record.update(status="failed", error=_failure_message(source.stem, e))
    record["finished"] = _now()
    record["duration_s"] = round(time.perf_counter() - t0, 3)
    if executed.is_file():
        record["executed"] = executed.relative_to(root).as_posix()
        try:  # e.g. a notebook half-written by a crashed kernel: this notebook fails, the others still run
            notebook = nbformat.read(executed, as_version=4)
            if "papermill" in notebook.metadata:
                # papermill records the path it wrote to, the temporary .OUT.partial-* folder; the
                # notebook's own name stays true once the folder is renamed to OUT or OUT.failed-*
                notebook.metadata.papermill["output_path"] = executed.name
                atomic_write(executed, lambda p: nbformat.write(notebook, p))
            page = export_html(notebook, reader=reader)
            html_path = atomic_write(folder / f"{source.stem}.html", lambda p: p.write_text(page, encoding="utf-8"))
            record["html"] = html_path.relative_to(root).as_posix()
        except Exception as e:
            if record["status"] == "ok":
                record.update(status="failed", error=_failure_message(source.stem, e))
    record["artifacts"] = sorted(p.relative_to(root).as_posix() for p in folder.iterdir()
                                 if p.suffix in (".png", ".svg", ".pdf", ".csv"))
    return record


def notebook_workers(n_jobs: int | None, notebooks: int) -> int:
    """How many notebooks run at once: ``n_jobs`` (None: every core), at most one per notebook.

    Each notebook runs in its own kernel process, and its tables are the same
    whatever runs beside it, so the report's tables do not depend on this.

    >>> notebook_workers(1, 4), notebook_workers(8, 3)
    (1, 3)
    """
    return max(1, min(resolve_n_jobs(n_jobs), notebooks))


#: DuckDB memory (MB) of the report's kernels together: each of the notebooks running at once gets its
#: share, so running them side by side (``-j``) does not multiply what DuckDB may hold; beyond its
#: limit a query spills to disk, with the same results.  ``CORPUS_TOOLS_DUCKDB_MEMORY``, when set,
#: is the limit of every kernel instead.
REPORT_DUCKDB_MEMORY_MB = 1000
#: The least a kernel's DuckDB is given, however many notebooks run at once.
KERNEL_DUCKDB_MIN_MB = 250


def kernel_duckdb_memory(workers: int) -> str:
    """The DuckDB memory limit of each kernel when ``workers`` notebooks run at once.

    >>> kernel_duckdb_memory(1), kernel_duckdb_memory(2), kernel_duckdb_memory(8)
    ('1000MB', '500MB', '250MB')
    """
    user = os.environ.get("CORPUS_TOOLS_DUCKDB_MEMORY")
    if user:
        return user
    return f"{max(KERNEL_DUCKDB_MIN_MB, REPORT_DUCKDB_MEMORY_MB // max(1, workers))}MB"


#: Shipped notebooks started last when several run side by side: keyness is the lightest (3 s of about
#: 50 at 100 MB), so started last it fills the end of the phase beside the longest notebook, instead of
#: holding up section_structure on the other worker (benchmarks/RESULTS.md, ninth engine session).
START_LAST = ("keyness",)


def start_order(sources: list[Path]) -> list[int]:
    """The indices of ``sources`` in the order their notebooks start: theirs, :data:`START_LAST` ones at the end.

    The report still lists them, and numbers them, in their own order.

    >>> start_order([Path("word_frequency.ipynb"), Path("keyness.ipynb"), Path("section_structure.ipynb")])
    [0, 2, 1]
    """
    return sorted(range(len(sources)), key=lambda i: sources[i].stem in START_LAST)


def _run_notebooks(runs: list[tuple[Path, dict]], tmp: Path, progress: bool, timeout: float | None,
                   reader: bool, log, workers: int,
                   manager: type[CurrentPythonKernelManager] = CurrentPythonKernelManager,
                   after: tuple[Callable[[], object], Future] | None = None):
    """Execute ``runs`` (source, parameters), ``workers`` at a time; yield their records in ``runs`` order.

    ``after``: a job and the future to set with its result (or exception), run once every notebook has
    started, on the first worker free (side by side: beside the last notebooks, not after them all).

    One worker runs them one after the other in this thread.  More run each
    notebook's papermill client in a thread of its own (the work is in the
    kernel processes; the threads only wait on them).  When this thread is
    interrupted (Ctrl-C, SIGTERM), the kernels still running are killed, so
    their threads end at once, and the interruption goes on up once every
    thread has stopped writing into ``tmp``.
    """
    total = len(runs)

    def one(i: int, source: Path, params: dict) -> dict:
        log(f"[{i}/{total}] {source.stem}: running")
        # one notebook at a time: papermill's bar of its cells; side by side, the bars of two notebooks
        # and these lines would overwrite each other on the terminal: the lines alone say what runs
        bar = progress and workers == 1
        record = _run_notebook(source, tmp / source.stem, tmp, params, bar, timeout, reader, manager)
        record["parameters"] = {k: v for k, v in params.items() if k not in RUNNER_PARAMETERS}
        if _notebook_disk_full(record) is not None:
            return record  # the run stops with one message saying so (DiskFullError), not two
        log(f"[{i}/{total}] {source.stem}: {record['status']} in {record['duration_s']:.1f} s"
            + (f"\n{record['error']['message']}" if record["error"] else ""))
        return record

    def in_thread(i: int, source: Path, params: dict) -> dict:
        # nbclient runs its coroutines on this thread's event loop, which jupyter_core's run_sync
        # makes (ensure_event_loop: one per thread) and never closes: close it when the thread's
        # notebook is done, or its sockets are left to the garbage collector (ResourceWarning)
        try:
            return one(i, source, params)
        finally:
            ensure_event_loop().close()

    def run_after() -> None:
        job, future = after
        try:
            future.set_result(job())
        except BaseException as e:  # handed to whoever reads the future
            future.set_exception(e)

    if workers == 1:
        for i, (source, params) in enumerate(runs, start=1):
            yield one(i, source, params)
        if after is not None:
            run_after()
        return
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="notebook")
    # started in start_order (a longest-first order measured slower at 100 MB: benchmarks/RESULTS.md)
    futures = {i: pool.submit(in_thread, i + 1, *runs[i]) for i in start_order([source for source, _ in runs])}
    if after is not None:
        futures[len(runs)] = pool.submit(run_after)
    try:
        records = [futures[i].result() for i in range(len(runs))]
    except BaseException:
        for future in futures.values():
            future.cancel()  # not started yet: never starts
        kill_running_kernels()
        pool.shutdown(wait=True)
        raise
    pool.shutdown(wait=True)  # (the after job too: its future is set)
    yield from records


def _limited(memory: str, function, *args):
    """``function(*args)`` with DuckDB's memory limit ``memory`` for its connections (in this thread)."""
    with duckdb_memory_limit(memory):
        return function(*args)


def _check_output_folder(out: Path, corpus: Path) -> None:
    """Refuse, before any work, an output folder whose replacement would lose anything not ours."""
    if out == corpus or out in corpus.parents:
        raise ReportError(f"{out}: the report folder would replace the corpus {corpus}; choose another -o folder")
    if not os.path.lexists(out):
        return
    if not out.is_dir():
        raise ReportError(f"{out}: exists and is not a folder; refusing to replace it: choose another -o folder")
    if not any(out.iterdir()):
        return
    problem = report_folder_problem(out)
    if problem:
        raise ReportError(f"{out}: exists and is not a corpus-tools report ({problem}); refusing to replace it: "
                          "choose another -o folder, or move its contents away")


#: Free space a report needs before it starts (the seed corpus' report takes about 2.5 MB;
#: figures and executed notebooks of a large corpus take more).
MIN_FREE_BYTES = 50 * 2**20


def _check_writable(out: Path) -> None:
    """Fail before any work when ``out`` cannot be written: read-only, not a folder, disk full."""
    parent = next((p for p in (out.parent, *out.parent.parents) if p.exists()), None)
    if parent is None or not parent.is_dir():
        raise ReportError(f"{out}: cannot create the report folder: {parent} is not a folder")
    try:
        probe = tempfile.mkdtemp(prefix=f".{out.name}.probe-", dir=parent)
        os.rmdir(probe)
    except OSError as e:
        raise ReportError(f"{out}: cannot write the report folder in {parent}: {e.strerror or e}") from None
    free = shutil.disk_usage(parent).free
    if free < MIN_FREE_BYTES:
        raise ReportError(f"{out}: only {free / 2**20:.1f} MB free on the disk of {parent}; a report needs at "
                          f"least {MIN_FREE_BYTES / 2**20:.0f} MB: free some space or choose another -o folder")


def _write_manifest(folder: Path, manifest: dict) -> None:
    atomic_write(folder / "manifest.json", lambda p: p.write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"))


def _write_summary(folder: Path, manifest: dict) -> None:
    atomic_write(folder / "index.html", lambda p: p.write_text(index_page(manifest), encoding="utf-8"))
    # last, once every other file is final: the sha256 of each is what makes this folder provably
    # a report that a later run may replace (see corpus_tools.report.folders)
    manifest["artifacts_sha256"] = artifact_hashes(folder)
    _write_manifest(folder, manifest)


def run_report(corpus: str | os.PathLike, out: str | os.PathLike, notebooks: list[str] | None = None,
               parameters: dict | None = None, progress: bool = True, timeout: float | None = None,
               log=None, reader: bool = False, n_jobs: int | None = None,
               scheduler: str | None = None) -> ReportResult:
    """Execute notebooks over ``corpus`` into the report folder ``out``.

    Parameters
    ----------
    corpus : path
        Folder or file of articles (anything :func:`~corpus_tools.load_corpus` reads).
    out : path
        The report folder (replaced only by a successful run, see module docs).
    notebooks : list of str, optional
        Shipped notebook names (see :func:`available_notebooks`) or ``.ipynb``
        paths; default all shipped notebooks.
    parameters : dict, optional
        Notebook parameters by name (values as data, never code).
    progress : bool
        Show papermill's progress bar of each notebook's cells (only when the notebooks run one
        at a time, ``n_jobs=1``: side by side, the "running" and "ok" lines say what runs).
    timeout : float, optional
        Seconds allowed per cell.
    log : callable, optional
        Receives one line per event (default: print to stderr).
    reader : bool
        Reader mode: the HTML pages leave out the code cells (nbconvert's
        ``exclude_input``); the executed notebooks keep their code.
    n_jobs : int, optional
        How many processes work at once (None: every core; 1: one): the
        worker processes that build the token dataset, then the notebooks
        (each in its kernel; :func:`notebook_workers`).  The tables are the
        same whatever the number.
    scheduler : str, optional
        Address of a Dask scheduler (``tcp://host:8786``) to build the token
        dataset on instead; its workers must see the output folder's parent
        (a shared file system) and have corpus-tools installed.

    Returns
    -------
    ReportResult
        ``path`` is ``out`` when every notebook succeeded, else the
        ``OUT.failed-<timestamp>`` folder; ``failures`` name notebook, cell
        and error.

    Raises
    ------
    ReportError, FileNotFoundError
        Before anything runs: unknown notebook or parameter, missing or empty
        corpus, an output folder that is not a previous report or cannot be
        written (read-only, under a file, less than ``MIN_FREE_BYTES`` free).
    """
    log = log or (lambda line: print(line, file=sys.stderr, flush=True))
    corpus, out = Path(corpus).resolve(), Path(out).resolve()
    sources = _select(notebooks)
    if not sources:  # e.g. an install without the notebooks: a run that executes nothing is no report
        raise ReportError("no notebooks to run: none selected and none found beside the package "
                          f"(looked in {', '.join(map(str, _notebook_dirs())) or 'no notebooks/ folder'})")
    per_notebook = resolve_parameters(sources, _absolute_paths(dict(parameters or {})))
    _check_writable(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        with output_lock(out):
            recover_output_folder(out, log)
            _check_output_folder(out, corpus)
            return _run_locked(corpus, out, sources, per_notebook, dict(parameters or {}), progress, timeout, log,
                               reader, n_jobs, scheduler)
    except OutputLockedError as e:
        raise ReportError(str(e)) from None


def _run_locked(corpus: Path, out: Path, sources: list[Path], per_notebook: dict, parameters: dict,
                progress: bool, timeout: float | None, log, reader: bool, n_jobs: int | None = None,
                scheduler: str | None = None) -> ReportResult:
    """:func:`run_report` once the output folder is locked and checked."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    tmp = out.parent / f".{out.name}.partial-{stamp}-{os.getpid()}"
    try:
        tmp.mkdir()
    except OSError as e:
        if _disk_full(e):
            raise DiskFullError(f"the run folder {tmp}", None) from e
        raise
    manifest = {"tool": REPORT_TOOL, "version": __version__, "status": "running", "started": _now(),
                "finished": None, "corpus": {"path": display_path(str(corpus))}, "parameters": parameters,
                "packages": _versions(), "kernel": {"python": sys.executable}, "notebooks": []}
    step = "manifest.json"  # what the run is writing, for a disk-full message
    try:
        # the marker first: even a run killed now is recognised as a run folder (never read as corpus)
        _write_manifest(tmp, manifest)
        step = f"the analysed copy of the corpus ({ANALYSED_CORPUS}) or the token cache"
        tokenizer = str(parameters.get("tokenizer", DEFAULT_TOKENIZER))
        # how the tokens were made (what decides them, and where): recorded, never a parameter of the tables
        manifest["tokens"] = {"tokenizer": tokenizer, "default_tokenizer": DEFAULT_TOKENIZER,
                              "n_jobs": n_jobs, "scheduler": scheduler}
        # Loaded, saved and tokenised in a child process (report.ingest): the runner never holds the corpus,
        # so the kernels run beside nothing of it.  Without a dataset the overview reads the articles.
        try:
            ingested = ingest(corpus, tmp, out / "cache", tokenizer, log, n_jobs=n_jobs, scheduler=scheduler,
                              with_dataset=any("token_cache" in notebook_parameters(s) for s in sources))
        except BaseException as e:
            step = getattr(e, "writing", None) or step
            raise
        manifest["corpus"] = ingested.record
        dataset = ingested.dataset
        cache = tmp / "cache" if dataset is not None else None
        # From here on the dataset says all the overview needs (ids, dates, counts)
        analysed = dataset if dataset is not None else ingested.corpus
        del ingested
        runs = []
        for source in sources:
            declared = notebook_parameters(source)
            params = dict(per_notebook[source])
            # Folders relative to the notebook's own folder (its working directory): the executed
            # notebook and its outputs never name the temporary .OUT.partial-* folder, and re-running
            # it from the finished report (Jupyter starts it in its folder) writes into the report.
            if "token_cache" in declared:
                params["token_cache"] = os.path.relpath(cache, tmp / source.stem)
            if "corpus" in declared:
                # relative to the notebook's folder (its working directory): the executed notebook
                # names the report's own copy, wherever the report is moved
                params["corpus"] = f"../{ANALYSED_CORPUS}"
            if "output_dir" in declared:
                params["output_dir"] = "."
            runs.append((source, params))
        workers = notebook_workers(n_jobs, len(runs))
        manifest["kernel"]["notebooks_at_once"] = workers  # how they ran; the tables never depend on it
        duckdb_memory = kernel_duckdb_memory(workers)
        manifest["kernel"]["duckdb_memory_limit"] = duckdb_memory  # nor on this (DuckDB spills beyond it)
        manager = kernel_manager_with_env({"CORPUS_TOOLS_DUCKDB_MEMORY": duckdb_memory})
        step = "the notebooks"
        # the overview's counts read only the corpus: made on the first worker free once every notebook has
        # started (beside the last ones), not after them all; its figure and notebook lines come after
        counted: Future = Future()
        # counted beside the last kernels, so under one kernel's DuckDB limit (at 300 MB, under the default
        # 1 GB it took the runner to 1,090 MB while two kernels ran)
        counting = (lambda: _limited(duckdb_memory, overview_counts, analysed, cache, tokenizer), counted)
        for record in _run_notebooks(runs, tmp, progress, timeout, reader, log, workers, manager, counting):
            manifest["notebooks"].append(record)
            full = _notebook_disk_full(record)
            if full is not None:  # the next notebooks would fail the same way
                step = f"notebook {record['name']}"
                raise full
        manifest["overview"] = overview_record(analysed, tmp, manifest["notebooks"], cache, tokenizer,
                                               counts=counted.result())
        failures = [nb["error"]["message"] for nb in manifest["notebooks"] if nb["status"] != "ok"]
        manifest.update(status="failed" if failures else "ok", finished=_now())
        step = "the report summary (index.html, manifest.json)"
        _write_summary(tmp, manifest)
    except BaseException as e:  # interrupted, or the summary cannot be written: never touch `out`
        interrupted = isinstance(e, (KeyboardInterrupt, SystemExit))
        manifest.update(status="interrupted" if interrupted else "error", finished=_now())
        try:
            _write_summary(tmp, manifest)
        except Exception:  # e.g. the disk filled up: keep the first error
            pass
        if isinstance(e, (ReportError, FileNotFoundError, ValueError)) and not manifest["notebooks"]:
            shutil.rmtree(tmp, ignore_errors=True)  # e.g. an empty corpus: nothing ran, nothing to keep
            raise
        failed_dir = move_to_failed(tmp, out, stamp)
        if _disk_full(e):  # one clear message (the CLI prints it), no traceback
            raise DiskFullError(step + (f" ({e.filename})" if e.filename and e.filename not in step else ""),
                                failed_dir) from e
        log(f"{'interrupted' if interrupted else f'{type(e).__name__}: {e}'}; the previous report (if any) is "
            f"unchanged; this run is kept in {failed_dir}")
        raise
    if failures:
        failed_dir = move_to_failed(tmp, out, stamp)
        return ReportResult(failed_dir, False, manifest, failures)
    try:
        swap_in(tmp, out, stamp)
    except BaseException as e:  # swap_in has put the previous report back at `out`
        kept = move_to_failed(tmp, out, stamp) if tmp.exists() else tmp
        if _disk_full(e):
            raise DiskFullError(f"the report folder {out} (moving the finished run into place)", kept) from e
        log(f"cannot move the finished report into {out}: {type(e).__name__}: {e}; the previous report (if "
            f"any) is unchanged; this run is kept in {kept}")
        raise
    return ReportResult(out, True, manifest, [])
