"""The ``corpus-tools`` command: a thin layer over the library."""

from __future__ import annotations

import argparse
import contextlib
import re
import shutil
import signal
import sys
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path

from corpus_tools._version import __version__
from corpus_tools.io.loading import CorpusLoadWarning, load_corpus
from corpus_tools.io.paths import default_corpus
from corpus_tools.stats.diversity import diversity_table, zipf_fit
from corpus_tools.stats.frequency import frequency_table
from corpus_tools.tokens.tokenize import TokenOptions, token_table

__all__ = ["main", "terminal_safe"]

# C0 and C1 controls (ESC starts terminal escape sequences; CR rewrites the
# line), DEL, and the bidirectional overrides that reorder what is shown.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: object) -> str:
    r"""``str(text)`` with control characters shown as escapes (``\x1b``), never sent raw to the terminal.

    A file name or article id holding ESC could otherwise recolour, clear
    or rewrite the user's terminal.  Line breaks are kept; a tab is shown
    as ``\t``.

    >>> terminal_safe("evil\x1b[2J.txt"), terminal_safe("tab\there"), terminal_safe("rtl\u202egnp.exe")
    ('evil\\x1b[2J.txt', 'tab\\there', 'rtl\\u202egnp.exe')
    """
    def escape(m: re.Match) -> str:
        c = m.group()
        return {"\t": "\\t", "\r": "\\r"}.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
    return _UNSAFE.sub(escape, str(text))


def _print(*parts: object, file=None) -> None:
    print(*(terminal_safe(p) for p in parts), file=file)


def _log(line: str) -> None:
    """The runner's progress lines (notebook errors may quote an article id or file name), escaped."""
    print(terminal_safe(line), file=sys.stderr, flush=True)


def _summary(args: argparse.Namespace) -> int:
    with warnings.catch_warnings(record=True) as caught:  # shown below, escaped (a file name may hold ESC)
        warnings.simplefilter("always")
        corpus = load_corpus(args.corpus or default_corpus())
    for w in caught:
        if not issubclass(w.category, CorpusLoadWarning):  # the load problems are listed below
            _print(f"warning: {w.message}", file=sys.stderr)
    opts = TokenOptions(stopwords=None if args.keep_stopwords else "english")
    toks = token_table(corpus, opts)
    s = corpus.summary()
    _print(f"corpus: {args.corpus or default_corpus()}")
    _print(f"articles: {s['articles']}  blocks: {s['blocks']} ({s['headings']} headings, "
          f"{s['paragraphs']} paragraphs)  dates: {s['first_date']} .. {s['last_date']}")
    if corpus.problems:
        _print(f"load problems: {len(corpus.problems)} ({s['skipped']} skipped)")
        for p in corpus.problems[:10]:
            _print(f"  {p}")
    div = diversity_table(toks).iloc[0]
    freq = frequency_table(toks)
    fit = zipf_fit(freq)
    _print(f"tokens: {int(div['tokens'])}  types: {int(div['types'])}  TTR: {div['ttr']:.3f}  "
          f"MATTR: {div['mattr']:.3f}  MTLD: {div['mtld']:.1f}  Zipf slope: {fit.slope:.2f} "
          f"(R² {fit.r_squared:.2f})")
    _print(f"top {args.top} terms ({'with' if args.keep_stopwords else 'without'} stopwords):")
    _print(freq.head(args.top).to_string(index=False, float_format=lambda x: f"{x:.1f}"))
    return 0


def _workers(text: str) -> int:
    """An argparse type: a number of worker processes, >= 1."""
    value = _count(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _count(text: str) -> int:
    """An argparse type: a whole number >= 0 (a negative --top would mean "all but the last N")."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text[:40]!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"cannot be negative: {value}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text[:40]!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds: {text[:40]}")
    return value


def _verify(args: argparse.Namespace) -> int:
    from corpus_tools.report.runner import ReportError
    from corpus_tools.report.verify import verify_report

    try:
        result = verify_report(args.report, args.corpus)
    except ReportError as e:
        _print(f"corpus-tools verify: error: {e}", file=sys.stderr)
        return 2
    for line in result.artifacts:
        _print(f"artifact {line}")
    for line in result.packages:
        _print(f"package {line}")
    if result.ok:
        _print(f"verified: {result.compared} artifacts of {args.report} reproduced byte for byte")
        return 0
    _print(f"corpus-tools verify: {len(result.artifacts)} artifact(s) and {len(result.packages)} package "
          f"version(s) differ from {args.report}", file=sys.stderr)
    return 1


@contextlib.contextmanager
def _sigterm_as_interrupt():
    """Make SIGTERM (what ``kill`` and CI timeouts send) unwind like Ctrl-C.

    Python's default for SIGTERM ends the process at once: no ``finally``
    runs, so the half-written report would stay unmarked and the notebook
    kernels would be orphaned.  As an exception, the runner's clean-up runs.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt(signum)

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _report(args: argparse.Namespace) -> int:
    from corpus_tools.report.runner import (
        DiskFullError,
        ReportError,
        parse_parameter_value,
        read_parameter_file,
        run_report,
    )

    corpus = args.corpus or default_corpus()
    try:
        params = read_parameter_file(args.params_file) if args.params_file else {}
        for name, value in args.param or []:
            params[name] = parse_parameter_value(value)
        with _sigterm_as_interrupt():
            result = run_report(corpus, args.output, args.notebook, params, progress=not args.no_progress,
                                timeout=args.timeout, reader=args.reader, log=_log, n_jobs=args.jobs,
                                scheduler=args.scheduler)
    except DiskFullError as e:  # the run started: the previous report is untouched, the partial run kept
        _print(f"corpus-tools report: error: {e}", file=sys.stderr)
        return 1
    except ReportError as e:
        _print(f"corpus-tools report: error: {e}", file=sys.stderr)
        return 2
    except PermissionError as e:  # e.g. an output folder in a read-only place
        _print(f"corpus-tools report: error: {e.filename}: {e.strerror}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as e:  # run_report has already said where the partial run is kept
        signum = e.args[0] if e.args and isinstance(e.args[0], int) else signal.SIGINT
        _print(f"corpus-tools report: interrupted by {signal.Signals(signum).name}", file=sys.stderr)
        return 128 + signum
    if not result.ok:
        _print(f"corpus-tools report: {len(result.failures)} notebook(s) failed:", file=sys.stderr)
        for message in result.failures:
            _print(f"  {message}", file=sys.stderr)
        _print(f"the previous report (if any) is unchanged; this run is kept in {result.path}", file=sys.stderr)
        return 1
    _print(f"report written to {result.path / 'index.html'}")
    return 0


def _notebooks(args: argparse.Namespace) -> int:
    """Copy the shipped notebooks (from the wheel or the checkout) into DEST for editing."""
    from corpus_tools.report.runner import available_notebooks

    dest = Path(args.dest)
    if dest.exists() and not dest.is_dir():
        _print(f"corpus-tools notebooks: error: {dest}: exists and is not a folder", file=sys.stderr)
        return 2
    shipped = available_notebooks()
    clashes = [name for name in shipped if (dest / f"{name}.ipynb").exists()]
    if clashes and not args.force:
        _print(f"corpus-tools notebooks: error: {', '.join(f'{n}.ipynb' for n in clashes)} already in {dest}: "
              "refusing to overwrite your edits (--force replaces them)", file=sys.stderr)
        return 2
    dest.mkdir(parents=True, exist_ok=True)
    for name, path in shipped.items():
        shutil.copyfile(path, dest / f"{name}.ipynb")
        _print(dest / f"{name}.ipynb")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="corpus-tools", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("summary", help="print a corpus summary and its top terms")
    p.add_argument("corpus", nargs="?", help="folder, file(s); default: the shipped seeds/")
    p.add_argument("--top", type=_count, default=20, help="how many terms (default 20)")
    p.add_argument("--keep-stopwords", action="store_true", help="count stopwords too")
    p.set_defaults(func=_summary)
    r = sub.add_parser("report", help="run the analysis notebooks into a report folder",
                       description="Execute the analysis notebooks (papermill) over a corpus into a folder of "
                       "executed notebooks, HTML pages, figures, tables, index.html and manifest.json.")
    r.add_argument("corpus", nargs="?", help="folder, file; default: the shipped seeds/")
    r.add_argument("-o", "--output", default="report", help="report folder (default: ./report)")
    r.add_argument("-n", "--notebook", action="append", metavar="NOTEBOOK",
                   help="notebook name or .ipynb path (repeatable; default: all)")
    r.add_argument("-p", "--param", nargs=2, action="append", metavar=("NAME", "VALUE"),
                   help="notebook parameter, converted like papermill -p (repeatable)")
    r.add_argument("-f", "--params-file", metavar="YAML", help="YAML file of parameters (-p wins)")
    r.add_argument("--timeout", type=_seconds, default=None, help="seconds allowed per cell (default: no limit)")
    r.add_argument("--no-progress", action="store_true", help="no progress bar")
    r.add_argument("-j", "--jobs", type=_workers, default=None, metavar="N",
                   help="processes at work at once: tokenising workers, then notebooks running side by side "
                   "(default: every core; the tables are the same for any N)")
    r.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="tokenise on this Dask scheduler (tcp://host:8786) instead; its workers must see the "
                   "output folder (a shared file system)")
    r.add_argument("--reader", action="store_true",
                   help="reader mode: the HTML pages hide the code cells (the executed notebooks keep them)")
    r.set_defaults(func=_report)
    nb = sub.add_parser("notebooks", help="copy the report's notebooks into a folder, to open and edit in Jupyter",
                        description="Copy the analysis notebooks shipped with corpus-tools into DEST. Run them "
                        "there with `jupyter lab` (pip install \"corpus-tools[jupyter]\") or pass one to "
                        "`corpus-tools report -n PATH.ipynb`.")
    nb.add_argument("dest", help="folder to copy them into (created if missing)")
    nb.add_argument("--force", action="store_true", help="replace notebooks already in DEST")
    nb.set_defaults(func=_notebooks)
    v = sub.add_parser("verify", help="re-run a report from its manifest and compare every artifact",
                       description="Re-run REPORT's notebooks with its recorded parameters into a temporary "
                       "folder; exit 1 naming each table, figure or corpus copy whose sha256 differs and each "
                       "package whose version differs from the manifest's, 0 when all match.")
    v.add_argument("report", help="a report folder written by `corpus-tools report`")
    v.add_argument("--corpus", help="corpus to re-run over (default: the recorded path, else the report's "
                   "corpus.jsonl)")
    v.set_defaults(func=_verify)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, ValueError) as e:
        _print(f"corpus-tools: error: {e}", file=sys.stderr)
        return 2
