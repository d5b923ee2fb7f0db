"""Metadata sidecars: found beside the texts, never an article, joined by file or id, clear errors."""

from __future__ import annotations

import datetime as dt
import json
import warnings

import pytest
from conftest import REUTERS

import corpus_tools as ct
from corpus_tools.io.metadata import MetadataError, read_metadata


def _folder(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def _load(path, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ct.CorpusLoadWarning)
        return ct.load_corpus(path, **kw)


def test_a_csv_sidecar_beside_the_texts_is_joined_by_file_and_never_an_article(tmp_path):
    root = _folder(tmp_path, {
        "a.txt": "Oil prices fell.", "sub/b.txt": "date 2023-05-02\n\nShares rose.", "c.txt": "No row here.",
        "metadata.csv": "file,date,title,source_name,pages\na.txt,2023-05-01,Oil falls,reuters,3\n"
                        "sub/b.txt,2023-05-02,,ap,\n",
    })
    c = _load(root)
    assert c.ids == ["a", "c", "b"]  # files in path order; metadata.csv is no article
    a, b = c["a"], c["b"]
    assert (a.date, a.title, a.meta) == (dt.date(2023, 5, 1), "Oil falls", {"source_name": "reuters", "pages": "3"})
    assert b.date == dt.date(2023, 5, 2) and b.title is None and b.meta == {"source_name": "ap"}  # empty cells: none
    assert c["c"].meta == {}
    assert [(p.path.endswith("c.txt"), p.severity) for p in c.problems] == [(True, "warning")]
    assert "no row in" in c.problems[0].reason
    assert c.variables == ["source_name", "pages"]
    assert c.to_frame()["source_name"].tolist()[::2] == ["reuters", "ap"]  # a, c, b
    assert c.to_frame()["source_name"].isna().tolist() == [False, True, False]
    assert c.filter(source_name="ap").ids == ["b"]
    plain = _load(root, metadata=False)  # read as a CSV corpus file: it has no text column
    assert "a" in plain and plain["a"].meta == {}
    assert any("metadata.csv" in p.path and "no 'text' column" in p.reason for p in plain.problems)


def test_a_jsonl_sidecar_joined_by_id_keeps_its_fields_and_types(tmp_path):
    records = [{"id": "x", "text": "First story."}, {"id": "y", "text": "Second story."}]
    rows = [{"id": "x", "desk": "world", "tags": ["oil", "opec"], "pages": 3}, {"id": "y", "desk": "sport"}]
    root = _folder(tmp_path, {"news.jsonl": "\n".join(map(json.dumps, records)),
                              "metadata.jsonl": "\n".join(map(json.dumps, rows))})
    c = _load(root)
    assert c.ids == ["x", "y"] and not c.problems
    assert c["x"].meta == {"desk": "world", "tags": ["oil", "opec"], "pages": 3}
    assert {k: v.ids for k, v in c.groups("desk").items()} == {"sport": ["y"], "world": ["x"]}


def test_a_named_sidecar_file_and_ids_from_the_file_rows(tmp_path):
    root = _folder(tmp_path, {"a.txt": "Alpha.", "b.txt": "Beta.",
                              "docvars.tsv": "file\tid\tdesk\na.txt\tart-1\tworld\nb.txt\tart-2\tsport\n"})
    c = _load(root, metadata="docvars.tsv")
    assert c.ids == ["art-1", "art-2"] and c["art-2"].meta == {"desk": "sport"}
    assert _load(root).ids == ["a", "b"]  # docvars.tsv is no default sidecar name (and no corpus format)
    with pytest.raises(MetadataError, match="metadata file 'nope.csv' not found"):
        _load(root, metadata="nope.csv")


@pytest.mark.parametrize(("sidecar", "message"), [
    ("file,desk\na.txt,world\nzz.txt,sport\nyy.txt,x\n",
     r"2 row\(s\) match no article: row 2 \(file 'zz.txt'\), row 3 \(file 'yy.txt'\)"),
    ("file,desk\na.txt,world\na.txt,sport\n", r"duplicate file 'a.txt' \(rows 1 and 2\)"),
    ("file,desk\na.txt,world\n,sport\n", r"rows without a 'file': \[2\]"),
    ("name,desk\na.txt,world\n", r"no 'file' or 'id' column to join the articles on \(columns: \['name', 'desk'\]\)"),
    ("id,desk\na,world\nb,sport\nb,x\n", r"duplicate id 'b' \(rows 2 and 3\)"),
])
def test_unmatched_and_duplicate_rows_are_an_error_naming_them(tmp_path, sidecar, message):
    root = _folder(tmp_path, {"a.txt": "Alpha.", "b.txt": "Beta.", "metadata.csv": sidecar})
    with pytest.raises(MetadataError, match=message):
        _load(root)


def test_conflicting_dates_keep_the_articles_own_with_a_warning(tmp_path):
    root = _folder(tmp_path, {"a.txt": "date 2023-01-01\n\nAlpha.", "b.txt": "Beta.",
                              "metadata.csv": "id,date\na,2023-02-02\nb,2023-02-30\n"})
    c = _load(root)
    assert c["a"].date == dt.date(2023, 1, 1) and c["b"].date is None
    reasons = [p.reason for p in c.problems]
    assert any("differs from the article's" in r for r in reasons) and any("2023-02-30" in r for r in reasons)
    with pytest.raises(MetadataError, match="two metadata sidecars"):
        _load(_folder(tmp_path, {"metadata.jsonl": '{"id": "a"}\n'}))


def test_the_reuters_sidecar():
    c = ct.load_corpus(REUTERS)
    assert len(c) == 40 and not c.problems and c.variables == ["topic", "places"]
    assert {k: len(v) for k, v in c.groups("topic").items()} == {"acq": 20, "crude": 20}
    first = c["reut-127"]
    assert first.date == dt.date(1987, 2, 26) and first.title == "DIAMOND SHAMROCK (DIA) CUTS CRUDE PRICES"
    assert first.source.endswith("crude-00001.txt") and first.meta == {"topic": "crude", "places": "usa"}
    assert read_metadata(REUTERS / "metadata.csv")[0]["file"] == "crude-00001.txt"


def test_a_sidecar_in_a_sub_folder_describes_that_folder_only(tmp_path):
    # a scraped archive: one folder per source, each with its own metadata.csv, plus loose articles
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "a.txt").write_text("Oil rose today.", "utf-8")
    (tmp_path / "wire" / "b.txt").write_text("Gas fell today.", "utf-8")
    (tmp_path / "wire" / "metadata.csv").write_text("file,id,desk\na.txt,w1,energy\nb.txt,w2,markets\n", "utf-8")
    (tmp_path / "loose.txt").write_text("No sidecar here.", "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the sidecar is not an article and not a load problem
        corpus = ct.load_corpus(tmp_path)
    assert sorted(corpus.ids) == ["loose", "w1", "w2"]
    assert corpus["w1"].variable("desk") == "energy" and corpus["w2"].variable("desk") == "markets"
    assert corpus["loose"].variable("desk") is None
    assert corpus.problems == []
