"""The token dataset: built once per content and settings, in parallel or on Dask, verified before use."""

from __future__ import annotations

import importlib.metadata
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

import corpus_tools as ct
import corpus_tools.tokens.dataset as dataset_module
from corpus_tools.scale import STRUCTURE_TABLES, dataset_folder, structure_table, token_dataset
from corpus_tools.tokens.dataset import TokenDatasetError, open_token_dataset

RAW = ct.tokens.RAW_TOKEN_OPTIONS


def _corpus(k: int = 12) -> ct.Corpus:
    texts = [f"Story {i}. Mr. Smith’s firm paid ${i} million, it said.\n\nThe U.S. deal held in Kyiv {i % 3}."
             for i in range(k)]
    return ct.Corpus.from_texts(texts, ids=[f"s{i:03d}" for i in range(k)])


@pytest.mark.parametrize("tokenizer", ["fast", "exact"])
def test_dataset_holds_the_token_table_whatever_the_workers(tmp_path, tokenizer, monkeypatch):
    corpus = _corpus()
    monkeypatch.setattr(dataset_module, "ROW_GROUP_CHARS", 300)  # several row groups per part
    one = token_dataset(corpus, tmp_path / "one", tokenizer=tokenizer, n_jobs=1)
    two = token_dataset(corpus, tmp_path / "two", tokenizer=tokenizer, n_jobs=2)
    fresh = ct.token_table(corpus, RAW) if tokenizer == "exact" else ct.tokens.fast_token_table(corpus, RAW)
    for ds in (one, two):
        pd.testing.assert_frame_equal(ds.with_options(RAW).token_table(), fresh)
        assert ds.n_rows == len(fresh) and ds.articles == [a.id for a in corpus]
    assert len(two.parts) == 8 and len(one.parts) == 1  # 2 workers x 4 batches; one process: one part
    # the structure tables, computed per run of articles (several per part here), read back as one
    for kind in STRUCTURE_TABLES:
        pd.testing.assert_frame_equal(structure_table(two, kind), structure_table(one, kind), check_exact=True)
    if tokenizer == "exact":
        pd.testing.assert_frame_equal(structure_table(one, "sections"), ct.section_table(corpus), check_exact=True)
    assert pq.ParquetFile(one.parts[0]).num_row_groups > 1
    assert json.loads((two.folder / "manifest.json").read_text())["tokenizer"] == tokenizer


def test_second_call_reuses_the_dataset_without_tokenising(tmp_path, monkeypatch):
    corpus = _corpus(3)
    first = token_dataset(corpus, tmp_path, n_jobs=1)

    def no_tokenising(*args, **kwargs):
        raise AssertionError("tokenised again")

    monkeypatch.setattr(dataset_module, "fast_token_arrow", no_tokenising)
    again = token_dataset(corpus, tmp_path, n_jobs=1)
    assert again.folder == first.folder and again.manifest == first.manifest
    assert [p.name for p in tmp_path.iterdir()] == [first.folder.name]  # no temporary folder left


def test_a_flipped_bit_is_detected_and_rebuilt(tmp_path):
    corpus = _corpus(3)
    ds = token_dataset(corpus, tmp_path, n_jobs=1)
    expected = ds.token_table()
    data = bytearray(ds.parts[0].read_bytes())
    data[len(data) // 2] ^= 0x01  # same size, different content
    ds.parts[0].write_bytes(bytes(data))
    with pytest.raises(TokenDatasetError, match="differs from the manifest's SHA-256"):
        open_token_dataset(ds.folder)
    rebuilt = token_dataset(corpus, tmp_path, n_jobs=1)
    pd.testing.assert_frame_equal(rebuilt.token_table(), expected)
    open_token_dataset(rebuilt.folder)  # verified again


def test_missing_manifest_part_or_key_are_errors(tmp_path):
    ds = token_dataset(_corpus(3), tmp_path, n_jobs=1)
    with pytest.raises(TokenDatasetError, match="another corpus or settings"):
        open_token_dataset(ds.folder, "0" * 64)
    ds.parts[0].unlink()
    with pytest.raises(TokenDatasetError, match="missing or of another size"):
        open_token_dataset(ds.folder)
    with pytest.raises(TokenDatasetError, match="no readable manifest.json"):
        open_token_dataset(tmp_path / "nowhere")
    with pytest.raises(ValueError, match="tokenizer must be 'exact' or 'fast', not 'nltk'"):
        token_dataset(_corpus(1), tmp_path, tokenizer="nltk")


def test_key_covers_text_ids_tokenizer_and_tokenizer_rules(tmp_path, monkeypatch):
    corpus = _corpus(2)
    base = dataset_folder(corpus, tmp_path)
    edited = ct.Corpus.from_texts([a.text for a in corpus][:1] + ["Story 1! changed"], ids=["s000", "s001"])
    renamed = ct.Corpus.from_texts([a.text for a in corpus], ids=["s000", "other"])
    assert len({base, dataset_folder(edited, tmp_path), dataset_folder(renamed, tmp_path),
                dataset_folder(corpus, tmp_path, "exact")}) == 4
    # another NLTK version or abbreviation list decides other tokens: another key
    ct.tokens.cache.tokenizer_fingerprint.cache_clear()
    real_version = importlib.metadata.version  # the fingerprint reads NLTK's version from its metadata
    monkeypatch.setattr(importlib.metadata, "version",
                        lambda name: "0.0-other" if name == "nltk" else real_version(name))
    try:
        assert dataset_folder(corpus, tmp_path) != base
        monkeypatch.undo()
        ct.tokens.cache.tokenizer_fingerprint.cache_clear()
        monkeypatch.setattr(ct.tokens.cache, "NEWS_ABBREVIATIONS", ct.tokens.NEWS_ABBREVIATIONS | {"zz"})
        assert dataset_folder(corpus, tmp_path) != base
    finally:
        monkeypatch.undo()
        ct.tokens.cache.tokenizer_fingerprint.cache_clear()
    assert dataset_folder(corpus, tmp_path) == base


def test_frequency_of_dataset_defaults_to_the_default_options(tmp_path):
    corpus = _corpus(4)
    ds = token_dataset(corpus, tmp_path, n_jobs=1)
    pd.testing.assert_frame_equal(ct.frequency_table(ds), ct.frequency_table(ct.tokens.fast_token_table(corpus)))


@pytest.mark.slow
def test_dask_workers_write_the_same_dataset(tmp_path):
    distributed = pytest.importorskip("distributed")
    corpus = _corpus()
    one = token_dataset(corpus, tmp_path / "one", n_jobs=1)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=":0",
                                       processes=True)
    try:
        with distributed.Client(cluster) as client:
            on_dask = token_dataset(corpus, tmp_path / "dask", client=client)
    finally:
        cluster.close()
    assert len(on_dask.parts) > 1
    pd.testing.assert_frame_equal(on_dask.with_options(RAW).token_table(), one.with_options(RAW).token_table())
    for kind in STRUCTURE_TABLES:  # written by the Dask workers beside their parts
        pd.testing.assert_frame_equal(structure_table(on_dask, kind), structure_table(one, kind), check_exact=True)
    pd.testing.assert_frame_equal(ct.ngram_table(on_dask, n=2, by_article=True), ct.ngram_table(one, n=2,
                                                                                                by_article=True))
