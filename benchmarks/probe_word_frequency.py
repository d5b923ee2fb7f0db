"""Step-by-step wall time and RSS of the word_frequency notebook's steps, in one process.

Not a test.  Usage::

    python benchmarks/probe_word_frequency.py CORPUS [CACHE_DIR] [--engine dataset|tokens] [--group-by VAR]

CORPUS: e.g. a folder written by ``bench_report.py``.  ``--engine dataset`` (default) runs every
step on the token dataset, as the notebook does; ``--engine tokens`` runs them on the whole token
table in memory (``ds.token_table()``), as the notebook did before it read only aggregates.
Prints one line per step: seconds the step took, seconds since start, and this process's
resident memory after it and its peak so far (psutil / ru_maxrss; the dataset's worker processes
have exited by then).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time

import psutil

import corpus_tools as ct
from corpus_tools import stats
from corpus_tools.scale import token_dataset

OPTIONS = {"lowercase": True, "stopwords": "english", "min_length": 1}  # the notebook's defaults


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("cache", nargs="?")
    parser.add_argument("--engine", choices=["dataset", "tokens"], default="dataset")
    parser.add_argument("--group-by", default="date:year")
    args = parser.parse_args()
    cache = args.cache or tempfile.mkdtemp(prefix="probe-")
    proc, started = psutil.Process(), time.time()
    last = [started]

    def mark(what: str) -> None:
        now = time.time()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{what}: {now - last[0]:.1f} s (at {now - started:.1f} s), rss {proc.memory_info().rss / 2**20:.0f} MB,"
              f" peak {peak:.0f} MB", flush=True)
        last[0] = now

    data = ct.load_corpus(args.corpus, warn=False)
    mark(f"load ({len(data)} articles)")
    ds = token_dataset(data, cache).with_options(OPTIONS)
    mark("dataset")
    freq = ct.frequency_table(ds)
    mark("frequency_table")
    stats.zipf_table(freq)
    mark("zipf")
    if args.engine == "tokens":
        src = ds.token_table()
        mark(f"token table ({len(src)} rows)")
    else:
        src = ds
    ct.diversity_table(src)
    mark("diversity")
    ct.diversity_table(src, by_article=True)
    mark("diversity by article")
    by_article = ct.frequency_table(ds, by_article=True)
    mark(f"frequency by article ({len(by_article)} rows)")
    distinct = stats.distinctive_term_table(by_article, top=10)
    mark("distinctive terms")
    stats.term_article_table(by_article, distinct["term"].drop_duplicates().head(20))
    mark("term-article table")
    keywords = stats.keyword_table(src, top=10, measure="g2")
    mark(f"keywords ({len(keywords)} rows)")
    labels = stats.group_labels(data, args.group_by)
    grouped = stats.group_frequency_table(src, labels)
    mark(f"frequency by group {args.group_by} ({len(grouped)} rows)")
    dates = {a.id: a.date for a in data}
    trends = stats.trend_table(src, None, period="month", top=5, dates=dates, options=OPTIONS)
    mark(f"trends ({len(trends)} rows)")


if __name__ == "__main__":
    main()
