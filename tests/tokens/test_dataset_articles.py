"""The token dataset's article table and texts: document variables and text of every article, without the corpus."""

from __future__ import annotations

import datetime as dt
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import REUTERS

import corpus_tools as ct
import corpus_tools.tokens.dataset as dataset_module
from corpus_tools.scale import token_dataset
from corpus_tools.tokens.dataset import (
    ARTICLE_COLUMNS,
    ARTICLES_NAME,
    MANIFEST_NAME,
    TEXTS_NAME,
    TokenDatasetError,
    open_token_dataset,
)


def _mixed() -> ct.Corpus:
    """Variables of every kind: typed, mixed, missing, nested, and a meta key named like a fixed column."""
    rows = [("a", "2023-01-02", {"desk": "x", "n": 3, "r": 0.5, "ok": True, "mix": 1, "tags": ["p", "q"]}),
            ("b", None, {"desk": "y", "mix": "1b", "blocks": 7, "big": 2**70}),
            ("c", "2024-05-01", {"n": 4, "r": 2.0, "ok": False, "mix": 2.5, "title": "shadowed"})]
    return ct.Corpus([ct.Article.from_text(f"Heading {i}\n\nText of {i}. More text.", id=i, date=d, meta=m)
                      for i, d, m in rows])


def test_article_table_holds_every_variable_typed_by_the_documented_rule(tmp_path):
    corpus = _mixed()
    ds = token_dataset(corpus, tmp_path, n_jobs=1)
    table = pq.read_table(ds.folder / ARTICLES_NAME)
    frame = corpus.to_frame()
    assert table.column_names == [*ARTICLE_COLUMNS, "desk", "n", "r", "ok", "mix", "tags", "meta:blocks", "big"]
    types = {f.name: str(f.type) for f in table.schema}
    assert types["date"] == "date32[day]" and types["blocks"] == "int64"
    # one type, kept; mixed (int, str, float), nested or beyond int64: str(value), the group label
    assert [types[c] for c in ("desk", "n", "r", "ok", "mix", "tags", "meta:blocks", "big")] == \
        ["string", "int64", "double", "bool", "string", "string", "int64", "string"]
    assert ds.article_column("mix") == ["1", "1b", "2.5"]
    assert ds.article_column("tags") == ["['p', 'q']", None, None]
    assert ds.article_column("n") == [3, None, 4] and ds.article_column("big") == [None, str(2**70), None]
    assert ds.article_column("date") == [dt.date(2023, 1, 2), None, dt.date(2024, 5, 1)]
    # the fixed columns are Corpus.to_frame()'s (id named article); "title" in meta is shadowed, as in memory
    for column in ARTICLE_COLUMNS[1:]:
        assert ds.article_column(column) == frame[column].where(frame[column].notna(), None).tolist(), column
    assert ds.article_column("article") == frame["id"].tolist() == ds.articles
    assert ds.article_column("meta:blocks") == [None, 7, None] and ds.article_column("blocks") == [2, 2, 2]
    # every label equals the in-memory grouping, by name and by date period
    for name in ("desk", "n", "r", "ok", "mix", "tags", "blocks", "big", "title", "source", "id",
                 "date", "date:day", "date:week", "date:month", "date:year"):
        assert ct.stats.group_labels(ds, name) == ct.stats.group_labels(corpus, name), name
    with pytest.raises(KeyError, match="no document variable 'nope'; known: .*'desk'"):
        ct.stats.group_labels(ds, "nope")
    with pytest.raises(ValueError, match="period must be one of"):
        ct.stats.group_labels(ds, "date:decade")


def test_article_texts_read_only_the_row_groups_asked_for(tmp_path, monkeypatch):
    corpus = ct.load_corpus(REUTERS, warn=False)
    monkeypatch.setattr(dataset_module, "ROW_GROUP_CHARS", 3_000)  # many row groups of a few articles
    ds = token_dataset(corpus, tmp_path, n_jobs=2)
    pf = pq.ParquetFile(ds.folder / TEXTS_NAME)
    assert pf.num_row_groups > 10
    read = []
    original = pq.ParquetFile.read_row_groups
    monkeypatch.setattr(pq.ParquetFile, "read_row_groups",
                        lambda self, groups, *a, **k: read.append(list(groups)) or original(self, groups, *a, **k))
    wanted = [corpus[0].id, corpus[17].id, corpus[39].id]
    assert ds.article_texts(wanted) == {a.id: a.text for a in corpus if a.id in wanted}
    sizes = [pf.metadata.row_group(g).num_rows for g in range(pf.num_row_groups)]
    ends = [sum(sizes[: g + 1]) for g in range(len(sizes))]
    expected = sorted({next(g for g, e in enumerate(ends) if i < e) for i in (0, 17, 39)})
    assert read == [expected] and len(expected) == 3
    assert ds.article_texts([]) == {}
    with pytest.raises(KeyError, match="article 'nope' is not in the dataset"):
        ds.article_texts(["nope"])
    assert ds.article_texts(ds.articles) == {a.id: a.text for a in corpus}


def test_article_tables_are_hashed_in_the_manifest_and_rebuilt_when_damaged_or_missing(tmp_path):
    corpus = _mixed()
    ds = token_dataset(corpus, tmp_path, n_jobs=1)
    entry = ds.manifest["tables"]["articles"]
    assert entry["file"] == ARTICLES_NAME and entry["rows"] == 3 and ds.manifest["tables"]["texts"]["rows"] == 3
    path = ds.folder / TEXTS_NAME
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(TokenDatasetError, match="texts.parquet: content differs"):
        open_token_dataset(ds.folder)
    again = token_dataset(corpus, tmp_path, n_jobs=1)  # rebuilt
    assert again.article_texts(["c"]) == {"c": corpus["c"].text}
    # a dataset of an older version, without article tables: not used, rebuilt
    manifest = json.loads((again.folder / MANIFEST_NAME).read_text())
    del manifest["tables"]
    (again.folder / MANIFEST_NAME).write_text(json.dumps(manifest))
    older = open_token_dataset(again.folder)
    assert not older.has_article_tables
    with pytest.raises(TokenDatasetError, match="without article tables"):
        older.article_table()
    assert token_dataset(corpus, tmp_path, n_jobs=1).has_article_tables


def test_article_arrow_of_no_article_and_of_articles_without_variables():
    assert dataset_module.article_arrow([]).column_names == list(ARTICLE_COLUMNS)
    t = dataset_module.article_arrow(ct.Corpus.from_texts(["One.", "Two words."]))
    assert t.column("characters").to_pylist() == [4, 10] and t.column("article").to_pylist() == ["0", "1"]
    assert t.schema.field("title").type == pa.string()
