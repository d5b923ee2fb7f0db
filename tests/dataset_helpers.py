"""A synthetic token dataset whose length grows while its vocabulary does not (the memory tests)."""

from __future__ import annotations

import hashlib

import pyarrow as pa
import pyarrow.parquet as pq

from corpus_tools.tokens.dataset import TOKEN_SCHEMA, TokenDataset, open_token_dataset, part_name, write_manifest

VOCABULARY = [f"w{i:03d}" for i in range(400)]
ARTICLES = 20


def synthetic_dataset(folder, tokens_per_article: int) -> TokenDataset:
    """ARTICLES articles over a fixed vocabulary and fixed pairs: only the corpus length varies.

    The rows are synthetic (written directly, not tokenised), so that a corpus of millions of
    tokens costs seconds; token i of article a is word (7 i + a) mod 400, sentences of 20 tokens:
    400 types, and the same 400 bigrams per article whatever its length.
    """
    folder.mkdir()
    parts = []
    n = tokens_per_article
    for a in range(ARTICLES):
        rows = {"article": pa.array([f"a{a:03d}"] * n), "section": pa.array([0] * n, pa.int64()),
                "block": pa.array([0] * n, pa.int64()), "block_kind": pa.array(["paragraph"] * n),
                "role": pa.array(["paragraph"] * n),
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
