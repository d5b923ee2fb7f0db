"""The structure tables in pieces, one article's rows, and the DuckDB counts equal what the whole tables give."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import REPO

import corpus_tools as ct
from corpus_tools.io.outputs import save_table, save_table_pieces
from corpus_tools.report import article_rows_table
from corpus_tools.scale import (
    STRUCTURE_TABLES,
    block_role_count_table,
    iter_structure_table,
    section_count_table,
    sentence_length_count_table,
    structure_article_count,
    structure_article_table,
    structure_table,
    token_dataset,
)
from corpus_tools.tokens.dataset import TokenDataset


@pytest.fixture(scope="module")
def dataset(reuters, tmp_path_factory):
    # Reuters wire copy and the structure fixtures' news (headings, links, quotations, speakers), on two
    # workers: several part files, so the pieces cross parts
    news = ct.load_corpus(REPO / "tests" / "data" / "structure" / "news")
    corpus = ct.Corpus(list(reuters) + list(news))
    ds = token_dataset(corpus, tmp_path_factory.mktemp("ds"), n_jobs=2)
    assert len(ds.parts) > 1 and len(ds.articles) == 75
    return ds


@pytest.mark.parametrize("kind", list(STRUCTURE_TABLES))
def test_pieces_are_the_whole_table(dataset, kind, tmp_path):
    whole = structure_table(dataset, kind)
    assert len(whole) > 0, kind
    pieces = list(iter_structure_table(dataset, kind, batch_rows=7))
    assert all(0 < len(p) <= 7 for p in pieces) and len(pieces) >= len(whole) / 7
    pd.testing.assert_frame_equal(pd.concat(pieces, ignore_index=True), whole)
    written = save_table_pieces(iter_structure_table(dataset, kind, batch_rows=7), tmp_path / "new", kind)
    assert written.path.read_bytes() == save_table(whole, tmp_path / "old", kind).read_bytes()
    assert written.rows == len(whole)


def test_a_text_column_takes_the_whole_tables_dtype_in_every_piece(dataset, reuters, tmp_path):
    # body sections' heading: the Reuters articles (first) have none, the news articles have some, so the
    # whole table's column is text with gaps (NaN), and so is the first piece's, without any value itself
    first = next(iter_structure_table(dataset, "body_sections", batch_rows=3))
    whole = structure_table(dataset, "body_sections")
    assert first["heading"].dtype == whole["heading"].dtype and first["heading"].isna().all()
    assert whole["heading"].notna().any()
    # without the news articles the column has no value at all: None in the whole table, and in every piece
    wire = token_dataset(reuters, tmp_path, n_jobs=1)
    assert structure_table(wire, "body_sections")["heading"].tolist() == [None] * 40
    pieces = list(iter_structure_table(wire, "body_sections", batch_rows=3))
    assert [h for p in pieces for h in p["heading"].tolist()] == [None] * 40
    assert all(p["heading"].dtype == object for p in pieces)


def test_an_integer_column_with_a_gap_is_float_in_every_piece(dataset, tmp_path):
    # a stored file with a missing integer (pandas makes the whole column float: "3.0" in the CSV) in the
    # last part only: the pieces of the first parts, without a gap, must be float too
    folder = tmp_path / "gap"
    shutil.copytree(dataset.folder, folder)
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    last = folder / manifest["parts"][-1]["files"]["blocks"]["file"]
    table = pq.read_table(last)
    words = table.column("words").to_pylist()
    words[0] = None
    pq.write_table(table.set_column(table.schema.get_field_index("words"), "words", pa.array(words, pa.int64())),
                   last)
    gapped = TokenDataset(folder, manifest)
    whole = structure_table(gapped, "blocks")
    assert whole["words"].dtype == "float64"
    pieces = list(iter_structure_table(gapped, "blocks", batch_rows=50))
    assert all(p["words"].dtype == "float64" for p in pieces)
    written = save_table_pieces(pieces, tmp_path, "blocks").path.read_text("utf-8")
    assert written == save_table(whole, tmp_path / "old", "blocks").read_text("utf-8")
    assert written.splitlines()[1].endswith(".0,1")  # a float, as the whole table writes it


def test_an_empty_table_keeps_its_header(dataset, tmp_path):
    speakers = list(iter_structure_table(dataset, "speakers"))
    assert speakers
    empty = TokenDataset(tmp_path, {**dataset.manifest, "parts": [], "articles": []})
    pieces = list(iter_structure_table(empty, "speakers"))
    assert len(pieces) == 1 and pieces[0].empty
    assert save_table_pieces(pieces, tmp_path, "s").path.read_text() == "article,speaker,quotations,quoted_words\n"


@pytest.mark.parametrize("kind", ["blocks", "sections", "headings", "block_roles", "quotations"])
def test_one_articles_rows(dataset, kind):
    whole = structure_table(dataset, kind)
    # the first article, one in the middle and the last (in other parts), and one with headings
    for article in (dataset.articles[0], dataset.articles[40], dataset.articles[-1], "web-flood-barrier"):
        expected = article_rows_table(whole, article).reset_index(drop=True)
        pd.testing.assert_frame_equal(structure_article_table(dataset, kind, article), expected)
    assert len(structure_article_table(dataset, "headings", "web-flood-barrier")) == 10
    with pytest.raises(KeyError, match="nope"):
        structure_article_table(dataset, kind, "nope")


def test_counts_equal_the_whole_tables(dataset):
    roles = structure_table(dataset, "block_roles")
    pd.testing.assert_frame_equal(block_role_count_table(dataset),
                                  roles.groupby("role").size().rename("blocks").reset_index())
    assert block_role_count_table(dataset)["blocks"].sum() == len(roles)
    for kind in ("body_sections", "sections"):
        per = structure_table(dataset, kind).groupby("article").size()
        expected = per.value_counts().sort_index()
        counts = section_count_table(dataset, kind)
        assert counts["sections"].tolist() == expected.index.tolist()
        assert counts["articles"].tolist() == expected.tolist()
        assert counts["articles"].sum() == 75
    words = structure_table(dataset, "sentences")["words"].to_numpy()
    lengths = sentence_length_count_table(dataset)
    distinct, n = np.unique(words, return_counts=True)
    assert lengths["words"].tolist() == distinct.tolist() and lengths["sentences"].tolist() == n.tolist()
    assert structure_article_count(dataset, "block_roles") == roles["article"].nunique() == 75
    assert structure_article_count(dataset, "quotations") == structure_table(dataset, "quotations")["article"].nunique()
    with pytest.raises(ValueError, match="kind"):
        section_count_table(dataset, "blocks")
