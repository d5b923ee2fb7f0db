"""Loading: formats, encodings, ids, and every bad input the core issue names."""

from __future__ import annotations

import datetime as dt
import json
import os
import warnings

import pandas as pd
import pytest

import corpus_tools as ct

ARTICLE = "date 2024-01-02 First paragraph, wrapped\nover two lines.\n\nA Heading\n\nSecond paragraph."


def write(path, data, mode="w"):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8", newline="")
    return path


def load_quiet(path, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ct.CorpusLoadWarning)
        return ct.load_corpus(path, **kw)


# -- .txt format ---------------------------------------------------------------

def test_txt_header_wrapping_and_headings(tmp_path):
    c = ct.load_corpus(write(tmp_path / "a1.txt", ARTICLE))
    a = c[0]
    assert a.id == "a1" and a.date == dt.date(2024, 1, 2)
    assert [(b.kind, b.text) for b in a.blocks] == [
        ("paragraph", "First paragraph, wrapped over two lines."),
        ("heading", "A Heading"),
        ("paragraph", "Second paragraph."),
    ]
    assert a.text == "First paragraph, wrapped over two lines.\n\nA Heading\n\nSecond paragraph."
    assert a.source == str(tmp_path / "a1.txt")


def test_header_on_own_line_and_leading_whitespace(tmp_path):
    a = ct.load_corpus(write(tmp_path / "x.txt", "\n  \n date 2023-03-22\n\nBody text here.\n"))[0]
    assert a.date == dt.date(2023, 3, 22)
    assert [b.text for b in a.blocks] == ["Body text here."]


def test_no_header_means_no_date(tmp_path):
    a = ct.load_corpus(write(tmp_path / "x.txt", "Updated on date night. Nothing else."))[0]
    assert a.date is None
    assert a.blocks[0].text == "Updated on date night. Nothing else."


def test_several_blank_lines_and_whitespace_lines_separate_paragraphs(tmp_path):
    a = ct.load_corpus(write(tmp_path / "x.txt", "One.\n\n\n \t \nTwo.\n\n\n\nThree."))[0]
    assert [b.text for b in a.blocks] == ["One.", "Two.", "Three."]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("date 2024-01-02 Xi’s “visit”.\n\nEnd.".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + "date 2024-01-02 Xi’s “visit”.\n\nEnd.".encode(), "utf-8-sig"),
        ("date 2024-01-02 Xi’s “visit”.\r\n\r\nEnd.".encode(), "utf-8"),
        ("date 2024-01-02 Xi’s “visit”.\r\rEnd.".encode(), "utf-8"),
        ("date 2024-01-02 Xi’s “visit”.\r\n\r\nEnd.".encode("cp1252"), "cp1252"),
        ("date 2024-01-02 Xi’s “visit”.\n\nEnd.".encode("utf-16"), "utf-16"),
    ],
    ids=["utf8", "bom", "crlf", "cr", "cp1252", "utf16"],
)
def test_encodings_and_line_ends(tmp_path, data, encoding):
    a = ct.load_corpus(write(tmp_path / "e.txt", data))[0]
    assert a.encoding == encoding
    assert a.date == dt.date(2024, 1, 2)
    assert [b.text for b in a.blocks] == ["Xi’s “visit”.", "End."]


def test_invalid_utf8_in_the_middle_is_read_and_warned(tmp_path):
    data = "Xi’s visit ".encode() + b"\x93quoted\x94" + b" ends."
    with pytest.warns(ct.CorpusLoadWarning, match="invalid UTF-8 from byte 13"):
        c = ct.load_corpus(write(tmp_path / "m.txt", data))
    assert c[0].text == "Xi’s visit “quoted” ends."
    assert c[0].encoding == "utf-8+cp1252"
    assert [(p.severity, p.path) for p in c.problems] == [("warning", str(tmp_path / "m.txt"))]


# -- JSONL and CSV -------------------------------------------------------------

def test_jsonl_fields_meta_and_default_ids(tmp_path):
    lines = [
        {"id": "n1", "text": "One.\n\nTwo.", "date": "2024-05-01T08:00:00", "title": "T1", "outlet": "X"},
        {"text": "No id here."},
    ]
    p = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    c = ct.load_corpus(p)
    assert c.ids == ["n1", "feed-2"]
    assert c["n1"].date == dt.date(2024, 5, 1) and c["n1"].title == "T1"
    assert c["n1"].meta == {"outlet": "X"}
    assert [b.text for b in c["n1"].blocks] == ["One.", "Two."]


def test_configurable_field_names(tmp_path):
    p = write(tmp_path / "f.jsonl", json.dumps({"body": "Hi.", "uid": 7, "published": "2020-02-29"}))
    a = ct.load_corpus(p, text_field="body", id_field="uid", date_field="published")[0]
    assert (a.id, a.date, a.text) == ("7", dt.date(2020, 2, 29), "Hi.")


def test_csv_with_embedded_newlines_and_quotes(tmp_path):
    df = pd.DataFrame({"id": ["c1", "c2"], "text": ['He said "yes".\n\nNext para.', "Plain."],
                       "date": ["2021-01-01", ""]})
    p = tmp_path / "t.csv"
    df.to_csv(p, index=False)
    c = ct.load_corpus(p)
    assert c.ids == ["c1", "c2"]
    assert [b.text for b in c["c1"].blocks] == ['He said "yes".', "Next para."]
    assert c["c2"].date is None and c.problems == []


def test_tsv(tmp_path):
    p = write(tmp_path / "t.tsv", "id\ttext\nq\tTab separated.\n")
    assert ct.load_corpus(p)["q"].text == "Tab separated."


# -- folders, lists, ordering, ids ---------------------------------------------

def test_folder_recursive_sorted_and_mixed_formats(tmp_path):
    write(tmp_path / "b.txt", "Bee.")
    write(tmp_path / "a" / "z.txt", "Zed.")
    write(tmp_path / "c.jsonl", json.dumps({"id": "j", "text": "Jay."}))
    write(tmp_path / ".hidden.txt", "Hidden.")
    c = ct.load_corpus(tmp_path)
    assert c.ids == ["z", "b", "j"]  # "a/z.txt" < "b.txt" < "c.jsonl"


def test_list_of_files(tmp_path):
    p1, p2 = write(tmp_path / "1.txt", "One."), write(tmp_path / "2.txt", "Two.")
    assert ct.load_corpus([p2, p1]).ids == ["2", "1"]


def test_duplicate_ids_are_renamed_with_a_warning(tmp_path):
    write(tmp_path / "x" / "same.txt", "One.")
    write(tmp_path / "y" / "same.txt", "Two.")
    with pytest.warns(ct.CorpusLoadWarning, match="duplicate id 'same'"):
        c = ct.load_corpus(tmp_path)
    assert c.ids == ["same", "same~2"]


def test_unsupported_files_in_a_folder_are_recorded(tmp_path):
    write(tmp_path / "a.txt", "Fine.")
    write(tmp_path / "notes.docx", b"PK\x03\x04")
    c = load_quiet(tmp_path)
    assert c.ids == ["a"]
    assert [(p.path, p.severity) for p in c.problems] == [(str(tmp_path / "notes.docx"), "skipped")]
    assert "unsupported file type" in c.problems[0].reason


# -- bad input -------------------------------------------------------------------

def test_missing_path_names_path_and_formats(tmp_path):
    missing = tmp_path / "nope"
    with pytest.raises(ct.CorpusNotFoundError) as err:
        ct.load_corpus(missing)
    assert str(missing) in str(err.value) and ".jsonl" in str(err.value)


def test_folder_without_readable_articles(tmp_path):
    write(tmp_path / "empty.txt", "")
    with pytest.raises(ct.EmptyCorpusError) as err:
        load_quiet(tmp_path)
    assert str(tmp_path) in str(err.value) and ".txt" in str(err.value)
    assert "empty file" in str(err.value)


def test_empty_folder(tmp_path):
    with pytest.raises(ct.EmptyCorpusError, match="no readable article"):
        ct.load_corpus(tmp_path)


def test_broken_files_do_not_stop_the_load(tmp_path):
    write(tmp_path / "good.txt", "Good article.")
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "blank.txt", "  \n\n \t ")
    write(tmp_path / "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path / "bad.jsonl", '{"text": "Kept."}\n{"text": broken\n[1, 2]\n{"text": 5}\n{"id": "x"}\n')
    write(tmp_path / "bad.csv", "id,body\n1,no text column\n")
    with pytest.warns(ct.CorpusLoadWarning) as record:
        c = ct.load_corpus(tmp_path)
    assert c.ids == ["bad-1", "good"]
    reasons = {(os.path.basename(p.path), p.record): p.reason for p in c.problems}
    assert reasons[("empty.txt", None)] == "empty file"
    assert reasons[("blank.txt", None)] == "no text (only white space)"
    assert "binary" in reasons[("binary.txt", None)]
    assert reasons[("bad.jsonl", 2)].startswith("malformed JSON")
    assert reasons[("bad.jsonl", 3)] == "record is a list, expected an object"
    assert reasons[("bad.jsonl", 4)] == "field 'text' is a int, expected a string"
    assert reasons[("bad.jsonl", 5)].startswith("no 'text' field")
    assert reasons[("bad.csv", None)].startswith("no 'text' column")
    assert all(p.severity == "skipped" for p in c.problems)
    assert len(c.problems) == 8
    assert len(record) == 1 and str(record[0].message).startswith("8 skipped, 0 loaded with warnings")
    assert list(c.problems_frame().columns) == ["path", "record", "severity", "reason"]


def test_impossible_header_date_loads_without_date(tmp_path):
    with pytest.warns(ct.CorpusLoadWarning, match="2023-02-30"):
        c = ct.load_corpus(write(tmp_path / "d.txt", "date 2023-02-30 Text starts here."))
    assert c[0].date is None and c[0].text == "Text starts here."
    assert c.problems[0].severity == "warning"


def test_symlink_out_of_corpus_is_not_followed(tmp_path):
    outside = write(tmp_path / "outside" / "secret.txt", "Secret.")
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", "Inside.")
    (corpus / "link.txt").symlink_to(outside)
    c = load_quiet(corpus)
    assert c.ids == ["a"]
    assert "outside the corpus folder" in c.problems[0].reason
    assert load_quiet(corpus, follow_symlinks=True).ids == ["a", "link"]


# -- Corpus API --------------------------------------------------------------------

def test_corpus_sequence_filter_and_frame():
    c = ct.Corpus.from_texts(
        ["Alpha one. Beta.", "Heading\n\nGamma two.", "Delta."],
        ids=["a", "b", "c"], dates=["2024-01-01", "2024-02-01", None],
    )
    assert len(c) == 3 and c[1].id == "b" and c["c"].id == "c" and "a" in c
    assert isinstance(c[0:2], ct.Corpus) and c[0:2].ids == ["a", "b"]
    assert c.filter_dates("2024-01-15").ids == ["b"]
    assert c.filter_dates(end=dt.date(2024, 1, 1), keep_undated=True).ids == ["a", "c"]
    df = c.to_frame()
    assert df["id"].tolist() == ["a", "b", "c"]
    assert df["paragraphs"].tolist() == [1, 1, 1] and df["headings"].tolist() == [0, 1, 0]
    assert df["words"].tolist() == [3, 3, 1]  # "Alpha one . Beta ." -> 3 words
    with pytest.raises(KeyError, match="no article with id 'zz'"):
        c["zz"]


def test_from_frame():
    df = pd.DataFrame({"key": ["k1", "k2"], "body": ["One.", "Two."],
                       "when": [pd.Timestamp("2024-03-04"), None]})
    c = ct.Corpus.from_frame(df, text="body", id="key", date="when")
    assert c.ids == ["k1", "k2"] and c["k1"].date == dt.date(2024, 3, 4) and c["k2"].date is None
    with pytest.raises(KeyError, match="text column 'text'"):
        ct.Corpus.from_frame(df)


def test_duplicate_ids_rejected_in_memory():
    with pytest.raises(ValueError, match="duplicated"):
        ct.Corpus.from_texts(["a", "b"], ids=["x", "x"])
