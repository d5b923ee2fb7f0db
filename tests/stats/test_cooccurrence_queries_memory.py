"""Collocation, collocate and KWIC queries never make the token table; their memory grows with the vocabulary."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from dataset_helpers import ARTICLES, VOCABULARY, synthetic_dataset

import corpus_tools as ct
from corpus_tools.stats.cooccurrence_queries import article_token_counts
from corpus_tools.tokens.dataset import TokenDataset


def test_the_collocations_notebook_calls_never_materialise_the_token_table(tmp_path, monkeypatch):
    ds = synthetic_dataset(tmp_path / "d", 200)

    def refuse(self):
        raise AssertionError("the whole token table was materialised")

    monkeypatch.setattr(TokenDataset, "token_table", refuse)
    # sentences of 20: 19 adjacent pairs each, 10 sentences an article
    assert ct.collocation_table(ds, n=2, boundary="sentence")["count"].sum() == ARTICLES * 10 * 19
    assert ct.collocation_table(ds, n=3, boundary="sentence")["count"].sum() == ARTICLES * 10 * 18
    assert ct.collocation_table(ds, n=2)["count"].sum() == ARTICLES * 199  # one block: no sentence ends
    # w000 is token i of article a when 7 i + a = 0 (mod 400); recounted here in plain Python
    hits = [(a, i) for a in range(ARTICLES) for i in range(200) if (7 * i + a) % 400 == 0]
    span = [(a, j) for a, i in hits for j in range(i - 2, i + 3) if j != i and 0 <= j < 200 and j // 20 == i // 20]
    expected = {}
    for a, j in span:
        expected[VOCABULARY[(7 * j + a) % 400]] = expected.get(VOCABULARY[(7 * j + a) % 400], 0) + 1
    coll = ct.collocate_table(ds, "w000", span=2, min_count=1, boundary="sentence", repelled=True)
    assert dict(zip(coll["collocate"], coll["count"], strict=True)) == expected and len(expected) >= 4
    assert set(coll["span_tokens"]) == {len(span)} and set(coll["f_node"]) == {len(hits)}
    lines = ct.kwic_table(ds, "w000", context=2, boundary="sentence")
    assert lines[["article", "position"]].values.tolist() == [[f"a{a:03d}", i] for a, i in hits]
    assert lines["left"].iloc[0] == "" and lines["right"].iloc[0] == "w007 w014"  # a000, position 0
    assert set(lines["date"]) == {""}
    assert article_token_counts(ds).tolist() == [200] * ARTICLES


# Runs in a fresh interpreter: peak RSS (ru_maxrss) after a warm-up and after the queries.
PROBE = textwrap.dedent("""
    import json, resource, sys
    import corpus_tools as ct
    from corpus_tools.tokens.dataset import open_token_dataset
    ds = open_token_dataset(sys.argv[1], verify=False)
    ct.frequency_table(ds.with_options({}))  # warm-up: DuckDB's own start-up allocations
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    bigrams = ct.collocation_table(ds, n=2, span=4, boundary="article", min_count=2)
    trigrams = ct.collocation_table(ds, n=3, boundary="article", min_count=2)
    coll = ct.collocate_table(ds, "w001", span=5, boundary="article", min_count=2, repelled=True)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"growth_kb": after - before, "rows": [len(bigrams), len(trigrams), len(coll)],
                      "f_node": int(coll["f_node"].iloc[0])}))
""")


LIMIT_MB = 128  # DuckDB's memory limit in the probe: it spills past it


def _probe(ds: TokenDataset) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, str(ds.folder)], capture_output=True, text=True, check=True,
                         env={"CORPUS_TOOLS_DUCKDB_MEMORY": f"{LIMIT_MB}MB", "PATH": "/usr/bin:/bin"})
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_collocation_query_memory_does_not_grow_with_the_corpus(tmp_path):
    small = _probe(synthetic_dataset(tmp_path / "small", 5_000))     # 100,000 tokens
    large = _probe(synthetic_dataset(tmp_path / "large", 100_000))   # 2,000,000 tokens: 20 times more
    # the same vocabulary and successions: the same collocations and collocates, whatever the length
    assert small["rows"] == large["rows"], (small, large)
    assert large["f_node"] == 20 * small["f_node"]  # w001 occurs 20 times as often in the large corpus
    assert small["rows"][0] > 0 and small["rows"][2] > 0
    # a pandas token table of 2 million rows alone takes several hundred MB; the queries grow by at
    # most DuckDB's limit (its working memory, spilled beyond) and Python's share of the results
    assert large["growth_kb"] < (LIMIT_MB + 48) * 1024, (small, large)
