"""Workers reading their articles from the saved copy (``SavedArticles``) build the same dataset as
workers given the articles, and refuse a copy that is not the corpus'."""

from __future__ import annotations

import json

import pytest

import corpus_tools as ct
from corpus_tools.scale import DatasetBuild, SavedArticles, prepare_token_dataset, registered_dataset, token_dataset


def _corpus() -> ct.Corpus:
    # what a round trip through JSONL could get wrong: headings, dates, titles, variables, non-ASCII,
    # U+2028 (legal unescaped inside a JSON string: a line reader splitting at it would cut a record)
    texts = [f"# Heading {i}\n\nCafé owners in Łódź said \u201cprices rose {i} %\u201d.\u2028Next line.\n\n"
             f"He added: \"it holds.\"\n\nMr. Ng of the U.S. firm agreed." for i in range(9)]
    corpus = ct.Corpus.from_texts(texts, ids=[f"a{i}" for i in range(9)], dates=[f"2024-03-0{i + 1}" for i in range(9)])
    return ct.Corpus([ct.Article.from_text(a.text, id=a.id, date=a.date, title=f"T{i}", meta={"desk": i % 2})
                      for i, a in enumerate(corpus)])


def _part_hashes(dataset) -> list[tuple]:
    parts = dataset.manifest["parts"]
    return [(p["sha256"], p["rows"], sorted((k, f["sha256"]) for k, f in p["files"].items())) for p in parts]


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_workers_reading_the_copy_write_the_same_parts(tmp_path, n_jobs):
    corpus = _corpus()
    copy = ct.io.save_jsonl(corpus, tmp_path / "corpus.jsonl")
    given = token_dataset(corpus, tmp_path / "given", n_jobs=n_jobs)
    build = prepare_token_dataset(corpus, tmp_path / "read", n_jobs=n_jobs, source=copy, source_is_copy=True)
    assert isinstance(build, DatasetBuild)
    assert all(isinstance(b, SavedArticles) for b in build.batches)
    # a run of lines of the copy per part, consecutive, covering the file, with the ids it must hold
    assert build.batches[0].start == 0 and build.batches[-1].stop == copy.stat().st_size
    assert all(a.stop == b.start for a, b in zip(build.batches, build.batches[1:], strict=False))
    assert [i for b in build.batches for i in b.ids] == [a.id for a in corpus]
    read = build.run(n_jobs=n_jobs)
    assert len(read.parts) == len(given.parts) == (1 if n_jobs == 1 else 8)
    assert _part_hashes(read) == _part_hashes(given)
    assert read.manifest["tables"] == given.manifest["tables"] and read.manifest["key"] == given.manifest["key"]
    # registered under the copy's bytes, as token_dataset(source=) registers it
    found, problems = registered_dataset(copy, tmp_path / "read")
    assert found.folder == read.folder and problems == []


def test_a_copy_changed_after_preparing_is_an_error_not_other_articles(tmp_path):
    corpus = _corpus()
    copy = ct.io.save_jsonl(corpus, tmp_path / "corpus.jsonl")
    build = prepare_token_dataset(corpus, tmp_path / "cache", n_jobs=1, source=copy, source_is_copy=True)
    lines = copy.read_text(encoding="utf-8").splitlines(keepends=True)
    record = json.loads(lines[0])
    record["id"] = "zz"  # same length: the byte spans still fall on line starts
    copy.write_text(json.dumps(record, ensure_ascii=False) + "\n" + "".join(lines[1:]), encoding="utf-8")
    with pytest.raises(ValueError, match="other articles than the corpus saved there"):
        build.run(n_jobs=1)
    assert not build.tmp.exists() and not (tmp_path / "cache" / build.folder.name).exists()  # nothing half-built


def test_a_file_that_is_not_the_corpus_copy_is_refused(tmp_path):
    corpus = _corpus()
    copy = ct.io.save_jsonl(list(corpus)[:5], tmp_path / "corpus.jsonl")
    with pytest.raises(ValueError, match="has 5 lines for 9 articles"):
        prepare_token_dataset(corpus, tmp_path / "cache", source=copy, source_is_copy=True)
    with pytest.raises(ValueError, match="needs the source"):
        prepare_token_dataset(corpus, tmp_path / "cache", source_is_copy=True)
    assert not list((tmp_path / "cache").glob(".tokens-*"))  # no temporary folder left by the refusal


def test_dask_workers_reading_the_copy_write_the_same_parts(tmp_path):
    # the report's path with --scheduler: the build prepared with the copy, run on a cluster whose workers
    # read their spans of corpus.jsonl themselves (they must see the run folder, as they must see the cache)
    distributed = pytest.importorskip("distributed")
    corpus = _corpus()
    copy = ct.io.save_jsonl(corpus, tmp_path / "corpus.jsonl")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=":0",
                                       processes=True)
    try:
        with distributed.Client(cluster) as client:
            given = token_dataset(corpus, tmp_path / "given", client=client)
            build = prepare_token_dataset(corpus, tmp_path / "read", client=client, source=copy, source_is_copy=True)
            assert all(isinstance(b, SavedArticles) for b in build.batches) and len(build.batches) == 8
            read = build.run(client=client)
    finally:
        cluster.close()
    assert _part_hashes(read) == _part_hashes(given) and len(read.parts) == 8
