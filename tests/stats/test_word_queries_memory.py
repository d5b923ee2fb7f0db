"""The word tables of a token dataset hold aggregates, not tokens: Python's peak does not grow with the corpus.

Measured with tracemalloc, in this process: every allocation Python and numpy make (the
streamed batches of diversity, the DuckDB results as pandas frames, the scoring arrays of the
keywords).  It does NOT measure DuckDB's own memory (its hash tables and sorts live outside
Python's allocator; they are bounded by ``connect_duckdb``'s ``memory_limit`` and spill to
disk beyond it) nor Arrow's buffers (one row group of a part file at a time); the peak RSS of
a subprocess is checked by ``test_queries_memory.py``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tracemalloc

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import corpus_tools as ct
from corpus_tools import stats
from corpus_tools.stats import word_queries
from corpus_tools.tokens.dataset import TOKEN_SCHEMA, TokenDataset, open_token_dataset, part_name, write_manifest

VOCABULARY = [f"w{i:03d}" for i in range(400)]
ARTICLES = 20
IDS = [f"a{a:03d}" for a in range(ARTICLES)]
LABELS = {a: f"g{i % 4}" for i, a in enumerate(IDS)}
DATES = {a: dt.date(2023, 1 + i % 6, 1 + i) for i, a in enumerate(IDS)}


def _words(a: int, n: int) -> list[str]:
    return [VOCABULARY[(17 * a if i % 10 == 0 else 7 * i + a) % 400] for i in range(n)]


def _dataset(folder, tokens_per_article: int) -> TokenDataset:
    """ARTICLES articles over a fixed vocabulary of 400 words: only their length varies.

    Written directly (not tokenised), one part per article, in row groups of 20,000 tokens as
    the tokeniser writes them; token i of article a is word (7 i + a) mod 400, sentences of 20,
    but every tenth token is the article's own word (17 a) mod 400: its keyword.
    """
    folder.mkdir()
    parts = []
    n = tokens_per_article
    for a in range(ARTICLES):
        rows = {"article": pa.array([IDS[a]] * n), "section": pa.array([0] * n, pa.int64()),
                "block": pa.array([i // 100 for i in range(n)], pa.int64()),
                "block_kind": pa.array(["paragraph"] * n), "role": pa.array(["paragraph"] * n),
                "sentence": pa.array([i // 20 for i in range(n)], pa.int64()),
                "position": pa.array(range(n), pa.int64()),
                "start": pa.array([6 * i for i in range(n)], pa.int64()),
                "end": pa.array([6 * i + 4 for i in range(n)], pa.int64()),
                "token": pa.array(_words(a, n))}
        rows["norm"] = rows["token"]
        path = folder / part_name(a)
        pq.write_table(pa.table(rows, schema=TOKEN_SCHEMA), path, compression="zstd", row_group_size=20_000)
        parts.append({"file": path.name, "rows": n, "bytes": path.stat().st_size,
                      "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "articles": 1})
    write_manifest(folder, "synthetic", "fast", IDS, parts)
    return open_token_dataset(folder)


STEPS = {
    "frequency": lambda ds: ct.frequency_table(ds),
    "frequency by article": lambda ds: ct.frequency_table(ds, by_article=True),
    "keywords": lambda ds: stats.keyword_table(ds, top=10),
    "diversity": lambda ds: ct.diversity_table(ds),
    "diversity by article": lambda ds: ct.diversity_table(ds, by_article=True),
    "frequency by group": lambda ds: ct.frequency_table(ds, groups=LABELS),
    "bigrams by group": lambda ds: stats.group_ngram_table(ds, LABELS, n=2),
    "diversity by group": lambda ds: stats.group_diversity_table(ds, LABELS),
    "trends": lambda ds: stats.trend_table(ds, None, period="month", dates=DATES),
    "trends of phrases": lambda ds: stats.trend_table(ds, ["w000", "w007 w014"], period="week", dates=DATES),
    "keyness of a group": lambda ds: ct.keyness_table(ds, "g1", groups=LABELS),
}


def _peaks(ds: TokenDataset) -> tuple[dict[str, int], dict[str, int]]:
    peaks, rows = {}, {}
    for name, step in STEPS.items():
        tracemalloc.start()
        try:
            table = step(ds)
            peaks[name] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        rows[name] = len(table)
    return peaks, rows


@pytest.mark.slow
def test_python_peak_of_the_word_tables_does_not_grow_with_the_corpus(tmp_path, monkeypatch):
    # the streamed batch (STREAM_BATCH_ROWS, 65,536 token rows by default) is made smaller than one
    # article of either corpus, so both are read in full batches: with the default the short
    # articles would fill a smaller batch, and the small corpus would peak lower for that alone
    monkeypatch.setattr(word_queries, "STREAM_BATCH_ROWS", 2_000)
    small = _dataset(tmp_path / "small", 2_500)    # 50,000 tokens
    large = _dataset(tmp_path / "large", 20_000)   # 400,000 tokens: 8 times more, the same 400 words
    ct.frequency_table(small)  # warm-up: first-use allocations (DuckDB, imports) are not the tables'
    small_peaks, small_rows = _peaks(small)
    large_peaks, large_rows = _peaks(large)
    assert ct.frequency_table(large)["count"].sum() == 8 * ct.frequency_table(small)["count"].sum() == 400_000
    # the same vocabulary, articles, groups and periods: tables of the same size (the keywords
    # apart: the large articles use their other words exactly evenly, so only their own word is key)
    assert {k: v for k, v in small_rows.items() if k != "keywords"} == {
        k: v for k, v in large_rows.items() if k != "keywords"}
    assert large_rows["frequency by article"] == sum(len(set(_words(a, 20_000))) for a in range(ARTICLES))
    for ds in (small, large):
        first = stats.keyword_table(ds).groupby("article").head(1)
        assert first["term"].tolist() == [VOCABULARY[17 * a % 400] for a in range(ARTICLES)]
    # a token table of the large corpus alone is about 400,000 rows x 10 columns (over 100 MB in
    # pandas); each step's Python peak stays within 1.5 times its peak on a corpus 8 times smaller
    for name in STEPS:
        assert large_peaks[name] <= 1.5 * small_peaks[name], (name, small_peaks[name], large_peaks[name])
