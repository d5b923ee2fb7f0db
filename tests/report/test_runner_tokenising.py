"""A report run loads the corpus once and tokenises each article once, outside the runner process (in its
loading step's child and that child's workers), and never in a notebook kernel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections import Counter

import pytest
from conftest import REPO
from report_helpers import write_fixture_corpus

import corpus_tools as ct
from corpus_tools.io.outputs import table_to_csv

# Every entry point of both tokenizers, patched on the classes so that every instance
# in every process counts: one line "<pid> <Class.method>" per call, in one shared file.
COUNTER = textwrap.dedent('''
    import os

    def install(log_path):
        from corpus_tools.tokens.fast import FastTokenizer
        from corpus_tools.tokens.tokenize import SentenceSplitter

        def counted(cls, name):
            original = getattr(cls, name)

            def wrapper(*args, **kwargs):
                text = args[1] if len(args) > 1 and isinstance(args[1], str) else ""
                with open(log_path, "a") as f:  # with the lines (blocks) of the text it was given
                    f.write(f"{os.getpid()} {cls.__name__}.{name} {text.count(chr(10)) + 1}\\n")
                return original(*args, **kwargs)

            setattr(cls, name, wrapper)

        for name in ("counts", "sentences", "word_tokenize", "token_arrays"):
            counted(FastTokenizer, name)
        for name in ("spans", "split"):
            counted(SentenceSplitter, name)

        # and the corpus loads of the report's first step (report.ingest), with no text: "<pid> load_corpus 1"
        from corpus_tools.report import ingest

        loader = ingest.load_corpus

        def counted_load(*args, **kwargs):
            with open(log_path, "a") as f:
                f.write(f"{os.getpid()} load_corpus 1\\n")
            return loader(*args, **kwargs)

        ingest.load_corpus = counted_load

    if os.environ.get("CT_TOKENIZER_CALLS"):
        install(os.environ["CT_TOKENIZER_CALLS"])
''')


@pytest.mark.slow
def test_report_tokenises_each_article_once_and_kernels_never(tmp_path):
    corpus = write_fixture_corpus(tmp_path / "corpus")
    n_blocks = sum(len(a.blocks) for a in ct.load_corpus(corpus, warn=False))
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(COUNTER)  # run at start-up by every Python process of the run
    log = tmp_path / "calls.txt"
    # The report runs as a user runs it, in a fresh process: the runner, its tokenising workers and
    # the kernels all start with the counter installed.  (In this test process a process pool or
    # forkserver started by an earlier test would not have it.)
    env = dict(os.environ, CT_TOKENIZER_CALLS=str(log), MPLBACKEND="Agg",
               PYTHONPATH=os.pathsep.join([str(site), str(REPO), os.environ.get("PYTHONPATH", "")]))
    runner = subprocess.Popen([sys.executable, "-m", "corpus_tools", "report", str(corpus), "-o",
                               str(tmp_path / "report"), "-n", "word_frequency", "-n", "collocations", "--no-progress"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, stderr = runner.communicate(timeout=600)
    assert runner.returncode == 0, stderr
    lines = stderr.splitlines()
    calls = [line.split() for line in log.read_text().splitlines()]
    # loaded once, in a child of the runner (which therefore never holds the corpus), not in a kernel
    loads = [pid for pid, method, _ in calls if method == "load_corpus"]
    assert len(loads) == 1 and loads[0] != str(runner.pid)
    calls = [call for call in calls if call[1] != "load_corpus"]
    # the fast path reads each block once, a run of articles per call, in the runner or its workers
    by_method = Counter(method for _, method, _ in calls)
    assert sum(int(lines) for _, method, lines in calls if method == "FastTokenizer.token_arrays") == n_blocks
    assert set(by_method) <= {"FastTokenizer.token_arrays", "SentenceSplitter.spans"}  # Punkt set-up in a worker
    # no kernel tokenised the corpus: besides the processes that tokenised articles, at most the
    # collocations kernel split its 3 concordance queries (top_kwic = 3) into words (queries are
    # now tokenised word by word as running text, which needs no sentence splitting)
    tokenising = {pid for pid, method, _ in calls if method == "FastTokenizer.token_arrays"}
    assert len(tokenising) <= (os.cpu_count() or 1) and str(runner.pid) not in tokenising
    # nor did the child that loaded the corpus: the workers read their articles from the analysed copy
    assert loads[0] not in tokenising
    others = Counter(method for pid, method, _ in calls if pid not in tokenising)
    assert set(others) <= {"SentenceSplitter.spans"} and sum(others.values()) <= 3, Counter(map(tuple, calls))
    assert all(not line.startswith("tokens: reusing") for line in lines)
    assert any(line.startswith("tokens: ") and "tokens (fast tokenizer)" in line for line in lines)


@pytest.mark.slow
def test_jobs_option_tokenises_in_the_runner_alone_and_is_recorded(tmp_path):
    # -j 1: no worker pool; the runner itself tokenises, reading the analysed copy run by run, and it
    # still never loads the corpus (a child does)
    corpus = write_fixture_corpus(tmp_path / "corpus")
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(COUNTER)
    log = tmp_path / "calls.txt"
    env = dict(os.environ, CT_TOKENIZER_CALLS=str(log), MPLBACKEND="Agg",
               PYTHONPATH=os.pathsep.join([str(site), str(REPO), os.environ.get("PYTHONPATH", "")]))
    out = tmp_path / "report"
    runner = subprocess.Popen([sys.executable, "-m", "corpus_tools", "report", str(corpus), "-o", str(out),
                               "-n", "word_frequency", "--no-progress", "-j", "1"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, stderr = runner.communicate(timeout=600)
    assert runner.returncode == 0, stderr
    calls = [line.split() for line in log.read_text().splitlines()]
    pids = {pid for pid, method, _ in calls if method == "FastTokenizer.token_arrays"}
    loads = {pid for pid, method, _ in calls if method == "load_corpus"}
    assert pids == {str(runner.pid)} and len(loads) == 1 and str(runner.pid) not in loads
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["tokens"] == {"tokenizer": "fast", "default_tokenizer": "fast", "n_jobs": 1, "scheduler": None}
    # the same tables as on every core: the dataset's rows do not depend on the number of workers
    loaded = ct.load_corpus(corpus, warn=False)
    ds = ct.scale.token_dataset(loaded, tmp_path / "cache", n_jobs=2).with_options({"stopwords": "english"})
    expected = table_to_csv(ct.frequency_table(ds).head(20))
    assert (out / "word_frequency" / "top_terms.csv").read_text(encoding="utf-8") == expected


def test_jobs_must_be_a_positive_number(capsys):
    from corpus_tools.cli import main

    with pytest.raises(SystemExit):
        main(["report", "seeds", "-o", "x", "-j", "0"])
    assert "must be at least 1" in capsys.readouterr().err
