"""A hostile corpus, generated (no committed binaries), with the outcome expected for each file.

Every case is one file (or link, or record) a scraped news archive really
contains, and the outcome :func:`corpus_tools.load_corpus` must give it:
``"loaded"`` (no problem recorded), ``"warning"`` (loaded, with a caveat on
``corpus.problems``) or ``"skipped"`` (nothing loaded, the reason recorded).
``tests/test_hostile.py`` asserts them all.  By hand, to try a report or the
CLI on it::

    python tests/hostile_corpus.py /tmp/hostile            # the light corpus
    python tests/hostile_corpus.py /tmp/hostile --heavy    # plus 50 MB and 10,000 files

The heavy cases (a 50 MB article, a folder of 10,000 tiny articles) are
built by their own functions, so tests can build them once per session.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = ["Case", "build_big_article", "build_hostile_corpus", "build_many_files", "BIG_PARAGRAPH"]

ACCEPTED = ".txt, .md, .jsonl, .ndjson, .csv, .tsv"
HTML_ARTICLE = (
    '<html><body><h1 class="x">Title</h1>\n\n<p>Text &amp; more.</p>\n\n'
    '<script>alert("pwned")</script>\n<img src=x onerror=alert(1)></body></html>'
)
BIG_PARAGRAPH = " ".join(["The talks in Kyiv ended on Monday, officials said."] * 10)


@dataclass(frozen=True)
class Case:
    """One hostile input and the outcome expected from loading it.

    ``path`` is relative to the corpus folder, as the loader displays it
    (``"café.txt"`` for a file whose name is the Latin-1 byte ``\\xe9``).
    ``reason`` is the exact recorded reason, or its start when ``exact`` is
    False (for a message that quotes Python's codec error).
    """

    path: str
    outcome: Literal["loaded", "warning", "skipped"]
    reason: str | None = None
    ids: tuple[str, ...] = ()
    record: int | None = None
    encoding: str | None = None
    exact: bool = True


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def build_hostile_corpus(base: Path) -> tuple[Path, list[Case]]:
    """Write the light hostile corpus into ``base/corpus`` (plus ``base/outside``).

    Returns the corpus folder and the expected outcome of every case.
    """
    root = base / "corpus"
    root.mkdir(parents=True)
    cases: list[Case] = []

    def add(rel: str, data: str | bytes | None, case: Case) -> None:
        if data is not None:
            _write(root / rel, data)
        cases.append(case)

    # -- empty, blank, binary ---------------------------------------------------
    add("empty.txt", b"", Case("empty.txt", "skipped", "empty file"))
    add("whitespace.txt", " \n\t\r\n \u3000\n", Case("whitespace.txt", "skipped", "no text (only white space)"))
    add("empty.jsonl", b"", Case("empty.jsonl", "skipped", "empty file"))
    add("only_header.txt", "date 2023-01-01\n\n", Case("only_header.txt", "skipped", "no text after the date header"))
    add("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        Case("binary.txt", "skipped", "looks binary (contains NUL bytes)"))
    add("controls.txt", bytes(range(1, 32)) * 20,
        Case("controls.txt", "skipped", "looks binary (too many control characters)"))
    add("bad_bom.txt", codecs.BOM_UTF16_LE + b"abc",
        Case("bad_bom.txt", "skipped", "declares utf-16 by its byte-order mark but is not", exact=False))
    add("notes.docx", b"PK\x03\x04", Case("notes.docx", "skipped", f"unsupported file type (accepted: {ACCEPTED})"))

    # -- encodings ----------------------------------------------------------------
    add("invalid_utf8.txt", "Xi’s visit ".encode() + b"\x93quoted\x94 ends.",
        Case("invalid_utf8.txt", "warning",
             "invalid UTF-8 from byte 13; the invalid bytes were read as Windows-1252",  # len("Xi’s visit ") in UTF-8
             ids=("invalid_utf8",), encoding="utf-8+cp1252"))
    text = "Café “quoted” text."
    add("enc/cp1252.txt", text.encode("cp1252"), Case("enc/cp1252.txt", "loaded", ids=("cp1252",), encoding="cp1252"))
    add("enc/utf16.txt", text.encode("utf-16"), Case("enc/utf16.txt", "loaded", ids=("utf16",), encoding="utf-16"))
    add("enc/utf32.txt", text.encode("utf-32"), Case("enc/utf32.txt", "loaded", ids=("utf32",), encoding="utf-32"))
    add("enc/utf8bom.txt", text.encode("utf-8-sig"),
        Case("enc/utf8bom.txt", "loaded", ids=("utf8bom",), encoding="utf-8-sig"))
    # 0x81 is undefined in Windows-1252: the last resort, Latin-1, reads every byte
    add("enc/latin1.txt", b"Caf\xe9 \x81 text.", Case("enc/latin1.txt", "loaded", ids=("latin1",), encoding="latin-1"))

    # -- dates, HTML ----------------------------------------------------------------
    add("bad_date.txt", "date 2023-02-30 Text starts here.",
        Case("bad_date.txt", "warning",
             "date header: not a valid date: '2023-02-30' (expected YYYY-MM-DD); loaded without a date",
             ids=("bad_date",)))
    add("html.txt", HTML_ARTICLE, Case("html.txt", "loaded", ids=("html",)))

    # -- names, nesting, links, special files ------------------------------------------
    add("with spaces.txt", "Spaces in the name.", Case("with spaces.txt", "loaded", ids=("with spaces",)))
    add("Zürich – 北京.txt", "Non-ASCII name.", Case("Zürich – 北京.txt", "loaded", ids=("Zürich – 北京",)))
    latin1_name = os.fsdecode(b"caf\xe9.txt")  # not UTF-8: Python keeps the byte as a surrogate
    add(latin1_name, "Latin-1 file name.",
        Case("café.txt", "warning", "file name is not valid UTF-8; its invalid bytes were read as Windows-1252 "
             "(in the id and source)", ids=("café",)))
    deep = "/".join(f"d{i:02d}" for i in range(100))
    add(f"{deep}/leaf.txt", "Deep down.", Case(f"{deep}/leaf.txt", "loaded", ids=("leaf",)))
    (root / "loop").mkdir()
    (root / "loop" / "again").symlink_to("..", target_is_directory=True)
    add("loop/again", None, Case("loop/again", "skipped", "symlink loop: folder already visited"))
    (root / "self.txt").symlink_to("self.txt")
    add("self.txt", None, Case("self.txt", "skipped", "broken symlink or symlink loop"))
    (root / "dangling.txt").symlink_to("nowhere.txt")
    add("dangling.txt", None, Case("dangling.txt", "skipped", "broken symlink or symlink loop"))
    _write(base / "outside" / "secret.txt", "Secret outside the corpus.")
    (root / "escape.txt").symlink_to(base / "outside" / "secret.txt")
    add("escape.txt", None, Case("escape.txt", "skipped",
                                 "symlink points outside the corpus folder; pass follow_symlinks=True to follow it"))
    os.mkfifo(root / "fifo.txt")
    add("fifo.txt", None, Case("fifo.txt", "skipped", "not a regular file (a FIFO, socket or device)"))

    # -- JSONL: one file, every kind of bad record -------------------------------------
    records = [
        '{"id": "j-good", "text": "Kept record.", "date": "2024-02-29"}',
        '{"id": "j-missing", "body": "Text under another name."}',
        '{"id": "j-int", "text": 42}',
        '{"id": "j-list", "text": ["a", "b"]}',
        '{"id": "j-null", "text": null}',
        '{"id": "j-blank", "text": "  \\n "}',
        '{"text": broken',
        "[1, 2]",
        '{"id": "j-baddate", "text": "Dated badly.", "date": "2023-02-30"}',
        json.dumps({"id": "j-html", "text": HTML_ARTICLE}),
    ]
    _write(root / "records.jsonl", "\n".join(records) + "\n")
    j = "records.jsonl"
    cases += [
        # "dup/j-good.txt" sorts first and keeps the id "j-good"
        Case(j, "warning", "duplicate id 'j-good', renamed 'j-good~2'", ids=("j-good~2",)),
        Case(j, "skipped", "no 'text' field (fields: ['body', 'id'])", record=2),
        Case(j, "skipped", "field 'text' is a int, expected a string", record=3),
        Case(j, "skipped", "field 'text' is a list, expected a string", record=4),
        Case(j, "skipped", "field 'text' has no value (null, NaN or a missing CSV cell)", record=5),
        Case(j, "skipped", "field 'text' is empty", record=6),
        Case(j, "skipped", "malformed JSON: Expecting value at column 10", record=7),
        Case(j, "skipped", "record is a list, expected an object", record=8),
        Case(j, "warning", "'date': not a valid date: '2023-02-30' (expected YYYY-MM-DD); loaded without a date",
             ids=("j-baddate",), record=9),
        Case(j, "loaded", ids=("j-html",)),
    ]
    add("dup/j-good.txt", "A text file whose name is a record's id.", Case("dup/j-good.txt", "loaded", ids=("j-good",)))

    # -- CSV with embedded newlines and quotes, and a malformed row ---------------------
    (root / "quotes.csv").parent.mkdir(exist_ok=True)
    with open(root / "quotes.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "text", "title"])
        w.writerow(["c1", 'He said "yes, really".\n\nSecond paragraph, with a comma.', 'A "quoted", title'])
        w.writerow(["c2", 'Line one\r\nline two "quoted".', ""])
    cases.append(Case("quotes.csv", "loaded", ids=("c1", "c2")))
    _write(root / "broken.csv", 'id,text\nb1,"fine"\nb2,"bad"quote"\nb3,"also fine"\n')
    cases += [
        Case("broken.csv", "loaded", ids=("b1", "b3")),
        Case("broken.csv", "skipped", "malformed CSV row starting at line 3: ',' expected after '\"'", record=2),
    ]
    return root, cases


def build_big_article(folder: Path, megabytes: int = 50) -> tuple[Path, int]:
    """One ``.txt`` article of about ``megabytes`` MB: a date header and paragraphs.

    Returns the file and its number of paragraphs.
    """
    n = megabytes * 2**20 // (len(BIG_PARAGRAPH) + 2) + 1
    path = folder / "big.txt"
    _write(path, "date 2024-01-02\n\n" + "\n\n".join([BIG_PARAGRAPH] * n) + "\n")
    return path, n


def build_many_files(folder: Path, n: int = 10_000) -> Path:
    """A folder of ``n`` tiny articles ``00000.txt``... each saying "Article <i>."."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        # os-level calls: pathlib's per-file overhead doubles the build time of 10,000 files
        fd = os.open(folder / f"{i:05d}.txt", os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        try:
            os.write(fd, f"Article {i}.".encode())
        finally:
            os.close(fd)
    return folder


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(f"usage: {sys.argv[0]} OUT_FOLDER [--heavy]")
    out = Path(sys.argv[1])
    corpus, expected = build_hostile_corpus(out)
    if "--heavy" in sys.argv[2:]:
        build_big_article(corpus / "heavy")
        build_many_files(corpus / "heavy" / "many")
    print(f"{corpus}: {len(expected)} cases")
