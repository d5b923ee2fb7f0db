"""Loader faults from issue 15: lost CSV rows, CR-only JSONL, files swapped after listing, id collisions,
unreadable folders, report folders inside a corpus, bad paths, legacy encodings, date headers, front matter."""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import warnings

import pytest

from corpus_tools.io import loading
from corpus_tools.io.encoding import decode_bytes
from corpus_tools.io.loading import is_report_folder, load_corpus, parse_txt_article
from corpus_tools.io.writing import save_jsonl


def load_quiet(path, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(path, **kw)


def test_unterminated_quote_in_row_2_of_1000_loses_only_that_row(tmp_path):
    rows = [f'{i},"article number {i} text"' for i in range(1, 1001)]
    rows[1] = '2,"article two never closes its quote'
    p = tmp_path / "big.csv"
    p.write_text("id,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    c = load_quiet(p)
    assert len(c) == 999 and "2" not in c.ids and c.ids[:2] == ["1", "3"] and c.ids[-1] == "1000"
    (problem,) = c.problems
    assert problem.severity == "skipped" and problem.record == 2
    assert problem.reason.startswith("malformed CSV row starting at line 3: ")  # the header is line 1
    assert "resumes at line 4" in problem.reason


def test_unterminated_quote_at_the_end_loses_only_that_row(tmp_path):
    p = tmp_path / "end.csv"
    p.write_text('id,text\n1,"one"\n2,"two never closes\n3,"three"\n4,four\n', encoding="utf-8")
    c = load_quiet(p)
    assert c.ids == ["1", "3", "4"] and [x.record for x in c.problems] == [2]


def test_many_malformed_rows_stop_after_a_bound_and_say_which_lines(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("id,text\n" + "".join(f'{i},"a"b\n' for i in range(300)), encoding="utf-8")
    problems = []
    for _, ps in loading._read_csv(p.read_text(), ",", fields=loading.FieldNames(), source="bad.csv",
                                   stem="bad", encoding="utf-8", paragraph_break="blank"):
        problems += ps
    assert len(problems) == loading.MAX_CSV_RECOVERIES + 1
    assert problems[-1].reason == f"{loading.MAX_CSV_RECOVERIES} malformed rows: lines 102 to 301 not read"


def test_jsonl_with_cr_only_line_ends_loads_every_record(tmp_path):
    p = tmp_path / "mac.jsonl"
    p.write_bytes(b'{"id": "a", "text": "First."}\r{"id": "b", "text": "Second."}\r\r{"id": "c", "text": "Third."}\r')
    c = load_quiet(p)
    assert c.ids == ["a", "b", "c"] and not c.problems


def test_jsonl_keeps_u2028_inside_a_string(tmp_path):
    p = tmp_path / "sep.jsonl"
    p.write_text('{"id": "a", "text": "one\u2028two"}\n', encoding="utf-8")
    c = load_quiet(p)
    assert c.ids == ["a"] and c["a"].text.split() == ["one", "two"]  # one record, not cut in two


def test_duplicate_id_renaming_never_collides(tmp_path):
    p = tmp_path / "d.jsonl"
    p.write_text("".join(json.dumps({"id": i, "text": f"Text {n}."}) + "\n"
                         for n, i in enumerate(["a", "a~2", "a", "a", "a~2"])), encoding="utf-8")
    c = load_quiet(p)
    assert len(set(c.ids)) == 5 and c.ids == ["a", "a~2", "a~3", "a~4", "a~2~2"]


def test_symlink_swapped_in_after_listing_is_not_read(tmp_path, monkeypatch):
    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir(), outside.mkdir()
    (outside / "secret.txt").write_text("Secret words only.", "utf-8")
    (corpus / "a.txt").write_text("Fine words here.", "utf-8")
    (corpus / "b.txt").write_text("Swapped later.", "utf-8")
    real_walk = loading.walk_corpus_folder

    def walk_then_swap(*args):
        listed = real_walk(*args)
        (corpus / "b.txt").unlink()
        (corpus / "b.txt").symlink_to(outside / "secret.txt")
        return listed

    monkeypatch.setattr(loading, "walk_corpus_folder", walk_then_swap)
    c = load_quiet(corpus)
    assert c.ids == ["a"]
    assert any("b.txt" in p.path and "outside the corpus folder" in p.reason for p in c.problems)


def test_fifo_swapped_in_after_listing_does_not_hang(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Fine words here.", "utf-8")
    (corpus / "b.txt").write_text("Swapped later.", "utf-8")
    real_walk = loading.walk_corpus_folder

    def walk_then_swap(*args):
        listed = real_walk(*args)
        (corpus / "b.txt").unlink()
        os.mkfifo(corpus / "b.txt")
        return listed

    monkeypatch.setattr(loading, "walk_corpus_folder", walk_then_swap)
    result = {}
    t = threading.Thread(target=lambda: result.setdefault("c", load_quiet(corpus)), daemon=True)
    t.start()
    t.join(10)
    assert not t.is_alive(), "reading a FIFO blocked the load"
    c = result["c"]
    assert c.ids == ["a"] and any("not a regular file" in p.reason for p in c.problems)


def test_symlink_inside_the_corpus_is_still_read(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "real.txt").write_text("Real words.", "utf-8")
    (corpus / "link.txt").symlink_to(corpus / "sub" / "real.txt")
    assert sorted(load_quiet(corpus).ids) == ["link", "real"]


def test_folder_listed_but_not_entered_is_recorded_not_fatal(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "locked" / "x.txt").write_text("Hidden behind permissions.", "utf-8")
    (corpus / "ok.txt").write_text("Readable words.", "utf-8")
    real_scandir = os.scandir

    def scandir(path):  # the tests run as root, where chmod 000 does not stop reading
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(loading.os, "scandir", scandir)
    c = load_quiet(corpus)
    assert c.ids == ["ok"]
    assert any(p.path.endswith("locked") and "Permission denied" in p.reason for p in c.problems)


def test_a_file_that_cannot_be_opened_is_recorded(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Readable words.", "utf-8")
    (corpus / ("n" * 200 + ".txt")).write_text("Long name.", "utf-8")
    real_open = os.open

    def open_(path, *args, **kw):
        if len(os.path.basename(os.fspath(path))) > 100:
            raise OSError(36, "File name too long", os.fspath(path))
        return real_open(path, *args, **kw)

    monkeypatch.setattr(loading.os, "open", open_)
    c = load_quiet(corpus)
    assert c.ids == ["a"] and any("File name too long" in p.reason for p in c.problems)


@pytest.mark.parametrize("bad, error", [(None, TypeError), ("", ValueError), ([], ValueError), ([3], TypeError)])
def test_bad_paths_are_clear_errors(bad, error, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "here.txt").write_text("Would be loaded by accident.", "utf-8")
    with pytest.raises(error, match="load_corpus"):
        load_corpus(bad)


def test_report_inside_its_corpus_is_never_read_as_articles(tmp_path):
    corpus = tmp_path / "C"
    (corpus / "report" / "word_frequency").mkdir(parents=True)
    (corpus / "a.txt").write_text("The one real article.", "utf-8")
    (corpus / "report" / "manifest.json").write_text(json.dumps({"tool": "corpus-tools report"}), "utf-8")
    (corpus / "report" / "word_frequency" / "quotations.csv").write_text("id,text\n1,Not an article.\n", "utf-8")
    (corpus / "report.failed-20260101T000000Z" / "x").mkdir(parents=True)  # a failed run, killed early
    (corpus / "report.failed-20260101T000000Z" / "x" / "t.csv").write_text("id,text\n1,Nor this.\n", "utf-8")
    c = load_quiet(corpus)
    assert c.ids == ["a"]
    assert sum("corpus-tools report" in p.reason for p in c.problems) == 2
    assert is_report_folder(corpus / "report") and not is_report_folder(corpus)


def test_a_users_manifest_does_not_hide_a_folder(tmp_path):
    corpus = tmp_path / "C"
    corpus.mkdir()
    (corpus / "manifest.json").write_text('{"name": "my app"}', "utf-8")
    (corpus / "a.txt").write_text("Still an article.", "utf-8")
    assert load_quiet(corpus).ids == ["a"]


@pytest.mark.parametrize("codec, text", [("cp1251", "Москва сегодня объявила новый бюджет"),
                                         ("cp1250", "Zażółć gęślą jaźń, powiedział minister"),
                                         ("koi8_r", "Правительство приняло решение")])
def test_other_single_byte_encodings_are_warned_about(codec, text):
    decoded = decode_bytes(text.encode(codec))
    assert decoded.encoding == "cp1252" and decoded.warning and "convert the file to UTF-8" in decoded.warning


@pytest.mark.parametrize("text", ["Un café crème à Paris, naïve.", "The £5 fee, ¼ of the 1990s ¿why?"])
def test_western_text_in_windows_1252_is_not_warned_about(text):
    assert decode_bytes(text.encode("cp1252")).warning is None


@pytest.mark.parametrize("header", ["date 2023-03-22 10:00", "date 2023-03-22T10:00:00Z", "Date: 2023/03/22",
                                    "DATE: 2023.3.22 09:15 UTC", "date: 2023-03-22 10:00:00+01:00"])
def test_date_headers_with_a_time_slashes_or_a_label_become_the_date(header):
    a, problems = parse_txt_article(f"{header}\n\nThe council met.", id="x")
    assert a.date == dt.date(2023, 3, 22) and problems == []
    assert a.text == "The council met."


def test_front_matter_becomes_metadata_not_words():
    text = '---\ntitle: "Budget day"\ndate: 2023-03-22\nauthor: A. Writer\n---\n\nThe council met.\n'
    a, problems = parse_txt_article(text, id="x")
    assert (a.date, a.title, a.meta, a.text, problems) == (
        dt.date(2023, 3, 22), "Budget day", {"author": "A. Writer"}, "The council met.", [])


def test_a_horizontal_rule_is_not_front_matter():
    a, _ = parse_txt_article("---\nJust a rule, then prose.\n---\n\nMore.", id="x")
    assert "Just a rule" in a.text and a.meta == {}


def test_load_problems_survive_a_saved_copy(tmp_path):
    corpus = tmp_path / "C"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Words here.", "utf-8")
    (corpus / "empty.txt").write_text("", "utf-8")
    original = load_quiet(corpus)
    copy = save_jsonl(original, tmp_path / "copy.jsonl", load_problems=True)
    again = load_quiet(copy)
    assert again.ids == original.ids and [str(p) for p in again.problems] == [str(p) for p in original.problems]


def test_inventory_hashes_the_bytes_that_were_parsed(tmp_path):
    import hashlib
    corpus = tmp_path / "C"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(b"First version.")
    inventory = []
    real = loading._parse_bytes

    def parse_then_change(data, *args, **kw):  # the file changes after it was read
        (corpus / "a.txt").write_bytes(b"Second version, longer.")
        return real(data, *args, **kw)

    loading._parse_bytes, saved = parse_then_change, loading._parse_bytes
    try:
        c = load_corpus(corpus, inventory=inventory)
    finally:
        loading._parse_bytes = saved
    assert c["a"].text == "First version."
    assert inventory == [{"path": corpus / "a.txt", "bytes": 14,
                          "sha256": hashlib.sha256(b"First version.").hexdigest()}]


def test_tsv_keeps_its_quotes(tmp_path):
    p = tmp_path / "q.tsv"
    p.write_text('id\ttext\n1\t"Hello," he said. "Bye."\n2\tPlain.\n', encoding="utf-8")
    c = load_quiet(p)
    assert c.ids == ["1", "2"] and c["1"].text == '"Hello," he said. "Bye."' and not c.problems


@pytest.mark.parametrize("raw, expected", [(None, "f-1"), (1.0, "1"), (2.5, "2.5"), ("", "f-1"), (7, "7")])
def test_missing_or_float_ids(tmp_path, raw, expected):
    p = tmp_path / "f.jsonl"
    p.write_text(json.dumps({"id": raw, "text": "Words."}) + "\n", encoding="utf-8")
    assert load_quiet(p).ids == [expected]
