"""save_jsonl writes line by line, yet an article that does not serialise still leaves nothing written."""

from __future__ import annotations

import pytest

import corpus_tools as ct
from corpus_tools.io.loading import LOAD_PROBLEMS_SUFFIX


def test_an_unserialisable_article_leaves_the_previous_file_and_no_sidecar(tmp_path):
    path = tmp_path / "c.jsonl"
    first = ct.Corpus.from_texts(["One."], ids=["a"])
    ct.io.save_jsonl(first, path)
    before = path.read_bytes()
    bad = ct.Corpus([ct.Article.from_text("Two.", id="b"), ct.Article.from_text("Three.", id="c", meta={"x": {1, 2}})])
    with pytest.raises(TypeError, match="article 'c': cannot write as JSON"):
        ct.io.save_jsonl(bad, path, load_problems=True)
    # the second article was written to the temporary file before the third failed: none of it shows
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl"]  # no sidecar, no temporary file
    assert not (tmp_path / ("c.jsonl" + LOAD_PROBLEMS_SUFFIX)).exists()


def test_lines_and_sidecar_are_written_and_read_back(tmp_path):
    corpus = ct.Corpus.from_texts([f"Text {i}.\n\nMore \u2028 text." for i in range(3)], ids=["x", "y", "z"])
    path = ct.io.save_jsonl(corpus, tmp_path / "c.jsonl", load_problems=True)
    assert path.read_bytes().count(b"\n") == 3  # one line per article (U+2028 stays inside its string)
    assert (tmp_path / ("c.jsonl" + LOAD_PROBLEMS_SUFFIX)).read_text(encoding="utf-8") == "[]\n"
    again = ct.load_corpus(path, warn=False)
    assert [(a.id, a.text) for a in again] == [(a.id, a.text) for a in corpus]
