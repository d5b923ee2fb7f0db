"""Step-by-step wall time and RSS of the word_frequency notebook's engine steps, in one process.

Not a test.  Usage: ``python benchmarks/probe_word_frequency.py CORPUS [CACHE_DIR]`` (CORPUS: e.g.
a folder written by ``bench_report.py``).  Prints one line per step: seconds since start, and this
process's resident memory after it (psutil; the dataset's worker processes have exited by then).
"""

from __future__ import annotations

import sys
import tempfile
import time

import psutil

import corpus_tools as ct
from corpus_tools import stats
from corpus_tools.scale import token_dataset


def main() -> None:
    corpus = sys.argv[1]
    cache = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="probe-")
    proc, started = psutil.Process(), time.time()

    def mark(what: str) -> None:
        print(f"{what}: {time.time() - started:.1f} s, rss {proc.memory_info().rss / 2**20:.0f} MB", flush=True)

    data = ct.load_corpus(corpus, warn=False)
    mark("load")
    ds = token_dataset(data, cache).with_options({"lowercase": True, "stopwords": "english", "min_length": 1})
    mark("dataset")
    ct.frequency_table(ds)
    mark("freq")
    toks = ds.token_table()
    mark(f"tokens {len(toks)}")
    ct.diversity_table(toks)
    mark("diversity")
    ct.diversity_table(toks, by_article=True)
    mark("diversity by article")
    by_article = ct.frequency_table(ds, by_article=True)
    mark(f"by_article {len(by_article)}")
    distinct = stats.distinctive_term_table(by_article, top=10)
    mark("distinct")
    stats.term_article_table(by_article, distinct["term"].drop_duplicates().head(20))
    mark("term_article")


if __name__ == "__main__":
    main()
