"""Memory of the dataset queries grows with the vocabulary, not the corpus (peak RSS of a subprocess)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import textwrap

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import corpus_tools as ct
from corpus_tools.tokens.dataset import TOKEN_SCHEMA, TokenDataset, open_token_dataset, part_name, write_manifest

VOCABULARY = [f"w{i:03d}" for i in range(400)]
ARTICLES = 20


def _dataset(folder, tokens_per_article: int):
    """ARTICLES articles over a fixed vocabulary and fixed bigrams: only the corpus length varies.

    The rows are synthetic (written directly, not tokenised), so that a corpus of millions of
    tokens costs seconds; token i of article a is word (7 i + a) mod 400: 400 types, and the same
    400 bigrams per article whatever its length.
    """
    folder.mkdir()
    parts = []
    n = tokens_per_article
    for a in range(ARTICLES):
        rows = {"article": pa.array([f"a{a:03d}"] * n), "section": pa.array([0] * n, pa.int64()),
                "block": pa.array([0] * n, pa.int64()), "block_kind": pa.array(["paragraph"] * n),
                "sentence": pa.array([i // 20 for i in range(n)], pa.int64()),
                "position": pa.array(range(n), pa.int64()),
                "start": pa.array([6 * i for i in range(n)], pa.int64()),
                "end": pa.array([6 * i + 4 for i in range(n)], pa.int64()),
                "token": pa.array([VOCABULARY[(7 * i + a) % 400] for i in range(n)])}
        rows["norm"] = rows["token"]
        path = folder / part_name(a)
        pq.write_table(pa.table(rows, schema=TOKEN_SCHEMA), path, compression="zstd")
        parts.append({"file": path.name, "rows": n, "bytes": path.stat().st_size,
                      "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "articles": 1})
    write_manifest(folder, "synthetic", "fast", [f"a{a:03d}" for a in range(ARTICLES)], parts)
    return open_token_dataset(folder)


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
    small = _probe(_dataset(tmp_path / "small", 5_000))     # 100,000 tokens
    large = _probe(_dataset(tmp_path / "large", 100_000))   # 2,000,000 tokens: 20 times more
    assert (small["tokens"], large["tokens"]) == (100_000, 2_000_000)
    # same vocabulary, same articles: the tables have the same number of rows (380 bigrams an
    # article: the 20 of the 400 successions that would span the end of a sentence never occur)
    assert small["rows"] == large["rows"] == [400, ARTICLES * 400, ARTICLES * 380]
    # a pandas token table of 2 million rows alone takes several hundred MB; the queries stay
    # within DuckDB's 256 MB limit whatever the length, and grow by far less than the table would
    assert large["growth_kb"] < 300 * 1024, large
    assert large["growth_kb"] - small["growth_kb"] < 150 * 1024, (small, large)


def test_dataset_tables_never_materialise_the_token_table(tmp_path, monkeypatch):
    ds = _dataset(tmp_path / "d", 200)

    def refuse(self):
        raise AssertionError("the whole token table was materialised")

    monkeypatch.setattr(TokenDataset, "token_table", refuse)
    freq = ct.frequency_table(ds)
    assert freq["count"].sum() == ARTICLES * 200 and len(freq) == 400
    assert ct.ngram_table(ds, n=3)["count"].sum() == ARTICLES * (200 // 20) * 18  # 18 trigrams per sentence of 20
