"""Memory of the dataset queries grows with the vocabulary, not the corpus (peak RSS of a subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from dataset_helpers import ARTICLES, synthetic_dataset

import corpus_tools as ct
from corpus_tools.tokens.dataset import TokenDataset

# Runs in a fresh interpreter: peak RSS (ru_maxrss) after the imports, and after the notebook's
# dataset tables; the difference is what the queries cost.
PROBE = textwrap.dedent("""
    import json, resource, sys
    import corpus_tools as ct
    from corpus_tools.tokens.dataset import open_token_dataset
    ds = open_token_dataset(sys.argv[1], verify=False)
    ct.frequency_table(ds.with_options({}))  # warm-up: DuckDB's own start-up allocations
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    freq = ct.frequency_table(ds, min_count=1)
    by_article = ct.frequency_table(ds, by_article=True)
    bigrams = ct.ngram_table(ds, n=2, by_article=True)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"growth_kb": after - before, "rows": [len(freq), len(by_article), len(bigrams)],
                      "tokens": int(freq["count"].sum())}))
""")


def _probe(ds: TokenDataset) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, str(ds.folder)], capture_output=True, text=True, check=True,
                         env={"CORPUS_TOOLS_DUCKDB_MEMORY": "256MB", "PATH": "/usr/bin:/bin"})
    return json.loads(out.stdout.strip().splitlines()[-1])  # the last line: DuckDB may print a progress bar


@pytest.mark.slow
def test_query_memory_does_not_grow_with_the_corpus(tmp_path):
    small = _probe(synthetic_dataset(tmp_path / "small", 5_000))     # 100,000 tokens
    large = _probe(synthetic_dataset(tmp_path / "large", 100_000))   # 2,000,000 tokens: 20 times more
    assert (small["tokens"], large["tokens"]) == (100_000, 2_000_000)
    # same vocabulary, same articles: the tables have the same number of rows (380 bigrams an
    # article: the 20 of the 400 successions that would span the end of a sentence never occur)
    assert small["rows"] == large["rows"] == [400, ARTICLES * 400, ARTICLES * 380]
    # a pandas token table of 2 million rows alone takes several hundred MB; the queries stay
    # within DuckDB's 256 MB limit whatever the length, and grow by far less than the table would
    assert large["growth_kb"] < 300 * 1024, large
    assert large["growth_kb"] - small["growth_kb"] < 150 * 1024, (small, large)


def test_dataset_tables_never_materialise_the_token_table(tmp_path, monkeypatch):
    ds = synthetic_dataset(tmp_path / "d", 200)

    def refuse(self):
        raise AssertionError("the whole token table was materialised")

    monkeypatch.setattr(TokenDataset, "token_table", refuse)
    freq = ct.frequency_table(ds)
    assert freq["count"].sum() == ARTICLES * 200 and len(freq) == 400
    assert ct.ngram_table(ds, n=3)["count"].sum() == ARTICLES * (200 // 20) * 18  # 18 trigrams per sentence of 20


def test_connections_print_no_progress_bar():
    # DuckDB draws a bar on the terminal for a query of over 2 s (it did in the runner's log at 1 GB)
    from corpus_tools.stats.queries import connect_duckdb

    con = connect_duckdb()
    try:
        assert con.sql("SELECT current_setting('enable_progress_bar')").fetchall() == [(False,)]
        assert con.sql("SELECT current_setting('preserve_insertion_order')").fetchall() == [(False,)]
    finally:
        con.close()


def test_connections_open_in_a_kernel_without_ipywidgets(tmp_path):
    # there DuckDB's bar is off already and setting it raises (the report's notebooks failed on that)
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "from corpus_tools.stats.queries import connect_duckdb\n"
        "con = connect_duckdb()\n"
        "print(con.sql(\"SELECT current_setting('enable_progress_bar'), 41 + 1\").fetchall())")]
    NotebookClient(nb, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert nb.cells[0].outputs[0]["text"].strip() == "[(False, 42)]"


def _limit(con) -> str:
    return con.sql("SELECT current_setting('memory_limit')").fetchall()[0][0]


def test_a_memory_limit_for_the_code_inside_only_this_thread(monkeypatch):
    import threading

    from corpus_tools.stats.queries import connect_duckdb, duckdb_memory_limit

    monkeypatch.setenv("CORPUS_TOOLS_DUCKDB_MEMORY", "700MB")  # a kernel's limit, given by the runner
    outside = _limit(connect_duckdb())
    seen = {}
    with duckdb_memory_limit("300MB"):
        inside = _limit(connect_duckdb())
        other = threading.Thread(target=lambda: seen.update(limit=_limit(connect_duckdb())))
        other.start()
        other.join()
    after = _limit(connect_duckdb())
    # DuckDB shows MiB: 300 MB = 286.1 MiB, 700 MB = 667.5 MiB
    assert (inside, outside, after, seen["limit"]) == ("286.1 MiB", "667.5 MiB", "667.5 MiB", "667.5 MiB")
