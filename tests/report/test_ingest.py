"""The report's first step (report.ingest): loaded and tokenised in a forked child, whose answers and failures
reach the runner as they would have in its own process."""

from __future__ import annotations

import errno
import os
import signal
import threading
import time

import pytest
from conftest import SEEDS

import corpus_tools as ct
from corpus_tools.report import ingest as ingest_step
from corpus_tools.report.ingest import ANALYSED_CORPUS, IngestError, ingest


def _answer(x):
    return {"pid": os.getpid(), "x": x}


def _raise_full(path):
    error = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)
    error.writing = "the token cache"
    raise error


class _Unpicklable(Exception):
    """Holds a lock in its args: no reducer can pickle it (a pickling hook another test installs, such as
    tblib's through distributed, may make exceptions whose __init__ differs load after all)."""


def _raise_unpicklable():
    raise _Unpicklable(threading.Lock())


def _killed():
    os._exit(9)


def _sleep_writing_pid(path):
    with open(path, "w") as f:
        f.write(str(os.getpid()))
    time.sleep(60)


def test_the_child_answers_from_another_process():
    answer = ingest_step._in_forked_child(_answer, 7)
    assert answer["x"] == 7 and answer["pid"] != os.getpid()


def test_an_exception_in_the_child_is_raised_here_with_its_attributes_and_traceback():
    with pytest.raises(OSError) as caught:
        ingest_step._in_forked_child(_raise_full, "/x/y.parquet")
    error = caught.value
    assert (error.errno, error.filename, error.writing) == (errno.ENOSPC, "/x/y.parquet", "the token cache")
    assert "_raise_full" in str(error.__cause__)  # the child's traceback, as concurrent.futures shows it


def test_an_exception_that_does_not_pickle_still_says_what_it_was():
    with pytest.raises(IngestError, match=r"_Unpicklable: <unlocked _thread.lock object"):
        ingest_step._in_forked_child(_raise_unpicklable)


def test_a_child_killed_without_an_answer_ends_the_step_with_its_exit_code():
    with pytest.raises(IngestError, match=r"exit code 9 and no answer"):
        ingest_step._in_forked_child(_killed)


def test_an_interrupted_step_stops_its_child(tmp_path):
    pid_file = tmp_path / "pid"
    # the interruption arrives while this process waits for the answer, as a Ctrl-C would
    timer = threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        ingest_step._in_forked_child(_sleep_writing_pid, pid_file)
    timer.join()
    child = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):  # terminated and reaped: no such process any more
        os.kill(child, 0)


def test_ingest_returns_the_record_and_the_dataset_and_keeps_no_articles(tmp_path):
    lines = []
    got = ingest(SEEDS, tmp_path, tmp_path / "no-previous", "fast", lines.append, with_dataset=True, n_jobs=1)
    expected = ct.load_corpus(SEEDS, warn=False)
    assert got.corpus is None  # the runner gets no articles: they stayed in the child (or were let go)
    assert got.record["articles"] == len(expected) and got.record["analysed"]["path"] == ANALYSED_CORPUS
    # the dataset this process would have built: the same parts, byte for byte (1,226 tokens of the seed)
    here = ct.scale.token_dataset(expected, tmp_path / "here", n_jobs=1)
    assert got.dataset.articles == here.articles == [a.id for a in expected]
    assert got.dataset.manifest["parts"] == here.manifest["parts"] and got.dataset.n_rows == 1226
    assert [line.split(" ")[0] for line in lines] == ["tokens:"]
    assert (tmp_path / ANALYSED_CORPUS).is_file()


def test_without_a_dataset_the_articles_come_back_for_the_overview(tmp_path):
    got = ingest(SEEDS, tmp_path, tmp_path / "no-previous", "fast", lambda line: None, with_dataset=False)
    assert got.dataset is None and [a.id for a in got.corpus] == [a.id for a in ct.load_corpus(SEEDS, warn=False)]
