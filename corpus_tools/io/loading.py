"""Loading a corpus from files: ``.txt`` articles, JSONL and CSV.

One broken file never stops a load: it is recorded as a
:class:`~corpus_tools.model.corpus.LoadProblem` on the corpus and reported in one
:class:`CorpusLoadWarning`.  Only a path that does not exist, or a load that
finds no readable article at all, raises.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import io
import itertools
import json
import os
import re
import stat
import sys
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from corpus_tools.io.encoding import DecodeError, decode_bytes
from corpus_tools.io.metadata import METADATA_FILES, attach_folder_metadata, attach_metadata, find_metadata
from corpus_tools.model.blocks import normalize_newlines, split_blocks
from corpus_tools.model.corpus import Article, Corpus, LoadProblem
from corpus_tools.model.dates import parse_date

__all__ = [
    "ACCEPTED_FORMATS",
    "CorpusLoadWarning",
    "CorpusNotFoundError",
    "EmptyCorpusError",
    "FieldNames",
    "LOAD_PROBLEMS_SUFFIX",
    "is_report_folder",
    "load_corpus",
    "load_summary",
    "parse_txt_article",
    "read_jsonl_span",
]

#: File endings read by :func:`load_corpus`, and the format each means.
ACCEPTED_FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".md": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
}
_ACCEPTED = ", ".join(ACCEPTED_FORMATS)

# "date YYYY-MM-DD" at the very start (after optional white space), also "Date:", slashes or dots
# between the parts and a time of day after it; the first paragraph may follow on the same line.
_DATE_HEADER = re.compile(
    r"\A\s*date:?[ \t]+(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"(?:[T \t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[ \t]?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?)(?=\s|\Z)[ \t]*",
    re.IGNORECASE)
# Markdown/Jekyll front matter: "---" on the first line, "key: value" lines, "---" (bounded: a
# stray "---" rule deep in an article is not front matter).
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n((?:[^\n]*\n){0,100}?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FRONT_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)")

#: A JSONL file saved by the report runner may carry the load problems of the corpus it was saved
#: from in ``<file>`` + this suffix; :func:`load_corpus` gives them back (see :func:`save_jsonl`).
LOAD_PROBLEMS_SUFFIX = ".load-problems.json"

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # news articles exceed the 128 KiB default


class CorpusNotFoundError(FileNotFoundError):
    """A path given to :func:`load_corpus` does not exist."""


class EmptyCorpusError(ValueError):
    """A load found no readable article."""


class CorpusLoadWarning(UserWarning):
    """Some files or records were skipped or loaded with a caveat."""


@dataclass(frozen=True)
class FieldNames:
    """Names of the JSONL/CSV fields that hold each article attribute."""

    text: str = "text"
    id: str = "id"
    date: str = "date"
    title: str = "title"


def parse_txt_article(
    text: str,
    id: str,
    *,
    source: str | None = None,
    encoding: str | None = None,
    paragraph_break: Literal["blank", "line"] = "blank",
) -> tuple[Article, list[LoadProblem]]:
    """Parse the text of a ``.txt`` article (header + blocks).

    An optional ``date YYYY-MM-DD`` header may open the file, after leading
    white space, with the first paragraph possibly on the same line.  An
    impossible date (``2023-02-30``) is removed from the text all the same,
    the article gets no date and a warning is returned.

    Examples
    --------
    >>> a, problems = parse_txt_article(" date 2023-03-22 First paragraph.", id="x")
    >>> a.date, a.blocks[0].text, problems
    (datetime.date(2023, 3, 22), 'First paragraph.', [])
    """
    problems: list[LoadProblem] = []
    date = None
    text = normalize_newlines(text)
    meta, title, text = _front_matter(text)
    raw_date = meta.pop("date", None)
    m = _DATE_HEADER.match(text) if raw_date is None else None
    if m:
        raw_date = m.group(1)
        text = text[m.end() :]
    if raw_date is not None:
        try:
            date = parse_date(raw_date)
        except ValueError as e:
            problems.append(LoadProblem(source or id, f"date header: {e}; loaded without a date", "warning"))
    blocks = tuple(split_blocks(text, paragraph_break=paragraph_break))
    article = Article(id=id, blocks=blocks, date=date, title=title, source=source, encoding=encoding, meta=meta)
    return article, problems


def _front_matter(text: str) -> tuple[dict, str | None, str]:
    """``(meta, title, rest)``: a Markdown front matter block's ``key: value`` fields, removed from ``text``.

    Only plain ``key: value`` lines are read (no YAML: a front matter is
    metadata, not a place for anchors and tags); a block with any other
    line is not front matter and stays text.
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, None, text
    meta: dict = {}
    for line in m.group(1).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        field = _FRONT_KEY.fullmatch(line.strip())
        if not field:
            return {}, None, text
        value = field.group(2).strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta[field.group(1).lower()] = value
    if not meta:
        return {}, None, text
    title = meta.pop("title", None)
    return meta, title or None, text[m.end():]


def _field_value(record: dict, name: str):
    value = record.get(name)
    if value is None or (isinstance(value, float) and value != value):  # NaN
        return None
    return value


def _record_to_article(
    record: dict,
    *,
    fields: FieldNames,
    default_id: str,
    source: str,
    encoding: str,
    number: int,
    paragraph_break: Literal["blank", "line"],
) -> tuple[Article | None, list[LoadProblem]]:
    where = dict(path=source, record=number)
    if not isinstance(record, dict):
        return None, [LoadProblem(reason=f"record is a {type(record).__name__}, expected an object", **where)]
    text = _field_value(record, fields.text)
    if text is None and fields.text in record:
        return None, [LoadProblem(reason=f"field {fields.text!r} has no value (null, NaN or a missing CSV cell)",
                                  **where)]
    if text is None:
        return None, [LoadProblem(reason=f"no {fields.text!r} field (fields: {sorted(record)[:10]})", **where)]
    if not isinstance(text, str):
        kind = type(text).__name__
        return None, [LoadProblem(reason=f"field {fields.text!r} is a {kind}, expected a string", **where)]
    if not text.strip():
        return None, [LoadProblem(reason=f"field {fields.text!r} is empty", **where)]
    blocks = tuple(split_blocks(text, paragraph_break=paragraph_break))
    if not blocks:  # e.g. only Markdown hashes: an article without blocks has nothing to count
        return None, [LoadProblem(reason=f"field {fields.text!r} holds no paragraph or heading text", **where)]
    problems: list[LoadProblem] = []
    raw_id = _field_value(record, fields.id)
    if isinstance(raw_id, float) and raw_id.is_integer():
        raw_id = int(raw_id)  # a JSON id written from a float column (1.0) is the id 1
    article_id = default_id if raw_id is None or str(raw_id).strip() == "" else str(raw_id)
    date = None
    raw_date = _field_value(record, fields.date)
    if raw_date is not None and str(raw_date).strip():
        try:
            date = parse_date(raw_date)
        except ValueError as e:
            reason = f"{fields.date!r}: {e}; loaded without a date"
            problems.append(LoadProblem(reason=reason, severity="warning", **where))
    title = _field_value(record, fields.title)
    special = {fields.text, fields.id, fields.date, fields.title}
    meta = {k: v for k, v in record.items() if k not in special}
    article = Article(
        id=article_id,
        blocks=blocks,
        date=date,
        title=None if title is None else str(title),
        source=source,
        encoding=encoding,
        meta=meta,
    )
    return article, problems


_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_END = re.compile(r"\r\n|\r|\n")


def _replace_surrogates(value):
    """``value`` with lone UTF-16 surrogates (in strings, keys, nested) replaced by U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_replace_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_replace_surrogates(k): _replace_surrogates(v) for k, v in value.items()}
    return value


def _read_jsonl(text: str, **kw) -> Iterator[tuple[Article | None, list[LoadProblem]]]:
    source, stem = kw.pop("source"), kw.pop("stem")
    # CR-only (old Mac) and CRLF line ends too; not str.splitlines, which would also cut at U+2028
    # and U+0085, both legal unescaped inside a JSON string.
    for number, line in enumerate(_LINE_END.split(text), start=1):
        if not line.strip():
            continue
        caveats = []
        try:
            record = json.loads(line)
            # JSON may escape a lone surrogate ("\ud800"), which json.loads turns
            # into a str no UTF-8 writer (reports, save_jsonl) can encode.
            if "\\u" in line and _SURROGATE.search(json.dumps(record, ensure_ascii=False)):
                record = _replace_surrogates(record)
                caveats.append(LoadProblem(source, "lone UTF-16 surrogate escapes replaced by U+FFFD", "warning",
                                           record=number))
        except json.JSONDecodeError as e:
            yield None, [LoadProblem(source, f"malformed JSON: {e.msg} at column {e.colno}", record=number)]
            continue
        except RecursionError:
            yield None, [LoadProblem(source, "malformed JSON: nested too deeply", record=number)]
            continue
        except ValueError as e:  # e.g. an integer of more than 4300 digits
            yield None, [LoadProblem(source, f"malformed JSON: {e}", record=number)]
            continue
        article, problems = _record_to_article(record, default_id=f"{stem}-{number}", source=source,
                                               number=number, **kw)
        yield article, (caveats if article is not None else []) + problems


#: After this many malformed CSV rows in one file the rest of it is reported, not re-read
#: (each recovery from an unterminated quote re-reads the rest of the file).
MAX_CSV_RECOVERIES = 100


def _read_csv(text: str, delimiter: str, **kw) -> Iterator[tuple[Article | None, list[LoadProblem]]]:
    source, stem = kw.pop("source"), kw.pop("stem")
    fields: FieldNames = kw["fields"]
    lines = io.StringIO(text, newline="").readlines()

    # TSV (IANA text/tab-separated-values) has no quoting: a cell's quotes are its text
    # ('"Hello," he said' must not lose them); CSV quotes as RFC 4180.
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL

    def reader_from(line: int):
        return csv.reader(itertools.islice(lines, line, None), delimiter=delimiter, strict=True, quoting=quoting)

    reader = reader_from(0)
    try:
        header = next(reader, None)
    except csv.Error as e:
        yield None, [LoadProblem(source, f"malformed CSV header: {e}")]
        return
    if not header or fields.text not in header:
        yield None, [LoadProblem(source, f"no {fields.text!r} column (columns: {header})")]
        return
    start, number, recoveries = reader.line_num, 0, 0  # start: the line index the reader began at
    reader = reader_from(start)
    while True:
        row_line = start + reader.line_num  # 0-based index of the first line of the next row
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            number += 1
            recoveries += 1
            consumed = start + reader.line_num
            # Only this row's first line is given up: an unterminated or stray quote makes the csv
            # module swallow the lines after it (to the end of the file), which are real rows, so
            # reading resumes on the next line and recovers them.
            resume = row_line + 1
            reason = f"malformed CSV row starting at line {row_line + 1}: {e}"
            if consumed > resume:
                reason += (f" (a quote opened there runs on to line {consumed}); this row is skipped and "
                           f"reading resumes at line {resume + 1}")
            yield None, [LoadProblem(source, reason, record=number)]
            if recoveries >= MAX_CSV_RECOVERIES and resume < len(lines):
                yield None, [LoadProblem(source, f"{MAX_CSV_RECOVERIES} malformed rows: lines {resume + 1} to "
                                         f"{len(lines)} not read")]
                return
            start = resume
            reader = reader_from(start)
            continue
        if not row:  # a blank line is no record (as csv.DictReader)
            continue
        number += 1
        record = dict(zip(header, row, strict=False))  # a ragged row: handled below
        for name in header[len(row):]:  # a short row: the missing cells have no value
            record.setdefault(name, None)
        surplus = row[len(header):]  # cells beyond the header of a ragged row
        article, problems = _record_to_article(record, default_id=f"{stem}-{number}", source=source,
                                               number=number, **kw)
        if surplus and article is not None:
            problems.append(LoadProblem(source, f"{len(surplus)} cell(s) more than the header; ignored",
                                        "warning", record=number))
        yield article, problems


def _read_regular_file(path: Path, root: Path | None) -> bytes:
    """The bytes of ``path``, opened without following a link and only if it is a regular file.

    The folder walk checked ``path`` when it listed it; a file swapped since
    for a FIFO (reading would block forever), a device, or a symlink out of
    ``root`` is refused here, on the open file itself.  ``root`` None (an
    explicitly named file, or ``follow_symlinks``): links are followed.

    Raises
    ------
    OSError
        With a reason a user can act on.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    target = path
    if root is not None:
        try:
            fd = os.open(path, flags | os.O_NOFOLLOW)
        except OSError as e:
            if e.errno != errno.ELOOP:
                raise
            # a symlink now: allowed only while it still resolves inside the corpus folder
            target = path.resolve(strict=True)
            if target != root and root not in target.parents:
                raise OSError(errno.EPERM, "became a symlink pointing outside the corpus folder after it was "
                              "listed; not read") from None
            fd = os.open(target, flags | os.O_NOFOLLOW)
    else:
        fd = os.open(path, flags)  # O_NONBLOCK: opening a FIFO does not wait for a writer
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a FIFO, socket or device)")
        return f.read()


def read_file_articles(
    path: Path,
    fmt: str,
    *,
    fields: FieldNames,
    paragraph_break: Literal["blank", "line"],
    root: Path | None = None,
    inventory: list[dict] | None = None,
) -> Iterator[tuple[Article | None, list[LoadProblem]]]:
    """The articles (or None) and problems of one file, read once.

    ``root``: the resolved corpus folder the file was listed in (links out of
    it are not followed); ``inventory``: gets ``{"path", "bytes", "sha256"}``
    of the exact bytes parsed.
    """
    source = display_path(str(path))
    try:
        data = _read_regular_file(path, root)
    except OSError as e:
        yield None, [LoadProblem(source, f"cannot read: {e.strerror or e}")]
        return
    if inventory is not None:
        inventory.append({"path": path, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()})
    caveats = []
    if source != str(path):
        caveats.append(LoadProblem(source, "file name is not valid UTF-8; its invalid bytes were read as "
                                   "Windows-1252 (in the id and source)", "warning"))
    yield from _parse_bytes(data, fmt, source=source, stem=display_path(path.stem), fields=fields,
                            paragraph_break=paragraph_break, caveats=caveats)


def _parse_bytes(
    data: bytes,
    fmt: str,
    *,
    source: str,
    stem: str,
    fields: FieldNames,
    paragraph_break: Literal["blank", "line"],
    caveats: list[LoadProblem] = (),
) -> Iterator[tuple[Article | None, list[LoadProblem]]]:
    """The articles (or None) and problems of one file's bytes, in order (the fuzz target)."""
    try:
        decoded = decode_bytes(data)
    except DecodeError as e:
        yield None, [LoadProblem(source, str(e))]
        return
    first = [LoadProblem(source, decoded.warning, "warning")] if decoded.warning else []
    first += caveats
    text = decoded.text.lstrip("\ufeff")
    if fmt == "txt":
        if not text.strip():
            yield None, first + [LoadProblem(source, "no text (only white space)")]
            return
        article, problems = parse_txt_article(
            text, stem, source=source, encoding=decoded.encoding, paragraph_break=paragraph_break
        )
        if not article.blocks:
            yield None, first + problems + [LoadProblem(source, "no text after the date header")]
        else:
            yield article, first + problems
        return
    kw = dict(fields=fields, source=source, stem=stem, encoding=decoded.encoding,
              paragraph_break=paragraph_break)
    records = _read_jsonl(text, **kw) if fmt == "jsonl" else _read_csv(
        text, "\t" if fmt == "tsv" else ",", **kw
    )
    any_record = False
    for article, problems in records:
        any_record = True
        yield article, first + problems
        first = []
    if not any_record:
        yield None, first + [LoadProblem(source, f"no records in this {fmt.upper()} file")]


def read_jsonl_span(path: str | os.PathLike, start: int, stop: int) -> list[Article]:
    """The articles of the JSONL lines in bytes ``[start, stop)`` of ``path``, read as :func:`load_corpus` reads them.

    For a worker that needs a few thousand articles of a large file it did
    not load (:func:`corpus_tools.scale.token_dataset` reads the report's
    ``corpus.jsonl`` this way): ``start`` and ``stop`` are line starts.

    Raises
    ------
    ValueError
        A line of the span is no article (malformed, no text): the span is
        not one of a file :func:`~corpus_tools.io.writing.save_jsonl` wrote.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "c.jsonl"
    >>> _ = p.write_text('{"id": "a", "text": "One."}\\n{"id": "b", "text": "Two."}\\n', encoding="utf-8")
    >>> [a.id for a in read_jsonl_span(p, 27, p.stat().st_size)]
    ['b']
    """
    path = Path(path)
    with path.open("rb") as f:
        f.seek(start)
        data = f.read(stop - start)
    articles = []
    for article, problems in _parse_bytes(data, "jsonl", source=display_path(str(path)), stem=path.stem,
                                          fields=FieldNames(), paragraph_break="blank"):
        if article is None:
            raise ValueError(f"{path}, bytes {start}-{stop}: not an article: {problems[0].reason if problems else '?'}")
        articles.append(article)
    return articles


#: The marker the report runner writes into every report's and run folder's ``manifest.json``.
REPORT_MARKER = "corpus-tools report"
_RUN_FOLDER_NAME = re.compile(r".+\.failed-\d{8}T\d{6}Z.*")


def is_report_folder(folder: str | os.PathLike) -> bool:
    """Whether ``folder`` is a corpus-tools report, or a failed or partial run of one.

    Recognised by the runner's marker in its ``manifest.json`` (every run
    folder gets it when the run starts), or by a failed run's name
    (``OUT.failed-<timestamp>``).  The loader never reads such a folder as
    corpus: a report written inside its corpus folder would otherwise be
    read back as articles by the next run.
    """
    folder = Path(folder)
    if _RUN_FOLDER_NAME.fullmatch(folder.name):
        return True
    manifest = folder / "manifest.json"
    try:
        if manifest.is_symlink() or not manifest.is_file() or manifest.stat().st_size > 64 * 2**20:
            return False
        data = json.loads(manifest.read_bytes())
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("tool") == REPORT_MARKER


def walk_corpus_folder(root: Path, follow_symlinks: bool, problems: list[LoadProblem]) -> list[Path]:
    """Files under ``root``, recursively, sorted by relative path.

    Hidden files and folders (names starting with ``.``) are not part of a
    corpus, nor are corpus-tools report folders (:func:`is_report_folder`).
    Symbolic links are followed only while they stay inside ``root`` (or
    anywhere with ``follow_symlinks``); loops are detected.  A folder that
    cannot be listed or entered is recorded in ``problems``, not fatal.
    """
    root_real = root.resolve()
    found: list[tuple[str, Path]] = []
    seen_dirs: set[Path] = set()

    def inside(target: Path) -> bool:
        return target == root_real or root_real in target.parents

    def visit(folder: Path, rel: str) -> None:
        real = folder.resolve()
        if real in seen_dirs:
            problems.append(LoadProblem(str(folder), "symlink loop: folder already visited"))
            return
        seen_dirs.add(real)
        if is_report_folder(folder):
            problems.append(LoadProblem(str(folder), "a corpus-tools report (or run) folder; not read as corpus"))
            return
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            problems.append(LoadProblem(str(folder), f"cannot list folder: {e.strerror or e}"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            rel_path = f"{rel}{entry.name}"
            try:
                if entry.is_symlink():
                    try:
                        target = path.resolve(strict=True)
                    except (OSError, RuntimeError):
                        problems.append(LoadProblem(str(path), "broken symlink or symlink loop"))
                        continue
                    if not follow_symlinks and not inside(target):
                        problems.append(LoadProblem(
                            str(path), "symlink points outside the corpus folder; "
                            "pass follow_symlinks=True to follow it"))
                        continue
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError as e:  # e.g. a folder listed but not entered (no x permission), a name too long
                problems.append(LoadProblem(str(path), f"cannot read: {e.strerror or e}"))
                continue
            if is_dir:
                visit(path, rel_path + "/")
            elif is_file:
                found.append((rel_path, path))
            else:  # reading a FIFO would block forever; a device is no article
                problems.append(LoadProblem(str(path), "not a regular file (a FIFO, socket or device)"))

    visit(root, "")
    return [p for _, p in sorted(found, key=lambda t: t[0])]


def _format_of(path: Path) -> str | None:
    return ACCEPTED_FORMATS.get(path.suffix.lower())


def load_corpus(
    path: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    text_field: str = "text",
    id_field: str = "id",
    date_field: str = "date",
    title_field: str = "title",
    metadata: str | os.PathLike | bool | None = None,
    paragraph_break: Literal["blank", "line"] = "blank",
    follow_symlinks: bool = False,
    warn: bool = True,
    inventory: list[dict] | None = None,
) -> Corpus:
    """Load articles from a folder, a file, or a list of files and folders.

    Parameters
    ----------
    path : path or iterable of paths
        A folder is read recursively, files in sorted order of their path
        relative to it.  Formats are chosen by file ending: ``.txt``/``.md``
        articles (see :func:`parse_txt_article`), ``.jsonl``/``.ndjson``
        (one JSON object per line) and ``.csv``/``.tsv`` (a header row).
    text_field, id_field, date_field, title_field : str
        JSONL/CSV field names.  Only ``text_field`` is required; other
        fields are kept in :attr:`Article.meta`.
    metadata : path, bool or None
        A sidecar of document variables joined to the articles by file name
        or id (:mod:`corpus_tools.io.metadata`).  None: a ``metadata.csv``
        or ``metadata.jsonl`` at the top of a folder given, if any; a
        path: that file (looked up in the folder first); False: none.  The
        sidecar is never read as articles.
    paragraph_break : {"blank", "line"}
        How paragraphs are separated in the text (see
        :meth:`Article.from_text`).
    follow_symlinks : bool
        Follow symbolic links that lead out of a corpus folder.
    warn : bool
        Issue a :class:`CorpusLoadWarning` summarising load problems.
    inventory : list, optional
        Receives one ``{"path", "bytes", "sha256"}`` dict per file read, for
        the exact bytes parsed (the report runner's manifest: what was
        hashed is what was analysed, even if a file changes meanwhile).

    Returns
    -------
    Corpus
        With ``problems`` listing every skipped file or record and every
        caveat.  Ids are a ``.txt`` file's stem, a record's id field, or
        ``"<file stem>-<record number>"``; a repeated id gets a ``~2``,
        ``~3``... suffix (with a warning).

    Raises
    ------
    CorpusNotFoundError
        A path does not exist.
    EmptyCorpusError
        No readable article was found.
    TypeError, ValueError
        ``path`` is None or an empty string (never the working directory by accident).

    Examples
    --------
    >>> from corpus_tools import load_corpus
    >>> corpus = load_corpus("seeds")  # doctest: +SKIP
    >>> corpus[0].date  # doctest: +SKIP
    datetime.date(2023, 3, 22)
    """
    if path is None:
        raise TypeError("load_corpus(None): give a folder, a file or a list of them (the shipped corpus is "
                        "corpus_tools.io.default_corpus())")
    paths = [path] if isinstance(path, (str, os.PathLike)) else list(path)
    if not paths:
        raise ValueError("load_corpus: an empty list of paths")
    for p in paths:
        if not isinstance(p, (str, os.PathLike)):
            raise TypeError(f"load_corpus: a path must be a str or path, not {type(p).__name__}")
        if os.fspath(p) == "":
            # Path("") is ".": an empty string would silently load the working directory
            raise ValueError("load_corpus(''): an empty path; give a folder or file (use '.' for the working "
                             "directory)")
    fields = FieldNames(text_field, id_field, date_field, title_field)
    sidecar = find_metadata(paths, metadata)  # document variables, never an article
    problems: list[LoadProblem] = []
    files: list[tuple[Path, Path | None]] = []  # (file, the corpus folder it was listed in)
    nested: list[Path] = []  # metadata sidecars of sub-folders (metadata=None: found, never articles)
    for p in map(Path, paths):
        if not p.exists():
            raise CorpusNotFoundError(
                f"{p}: no such file or folder (a corpus is a folder, a file or a list of "
                f"them; accepted formats: {_ACCEPTED})"
            )
        if p.is_dir():
            root = None if follow_symlinks else p.resolve()
            for f in walk_corpus_folder(p, follow_symlinks, problems):
                if sidecar is not None and f.resolve() == sidecar.resolve():
                    continue
                if metadata is None and f.name in METADATA_FILES and f.parent.resolve() != p.resolve():
                    nested.append(f)
                    continue
                if _format_of(f) is None:
                    problems.append(LoadProblem(str(f), f"unsupported file type (accepted: {_ACCEPTED})"))
                else:
                    files.append((f, root))
        elif not p.is_file():
            problems.append(LoadProblem(str(p), "not a regular file (a FIFO, socket or device)"))
        elif _format_of(p) is None:
            raise EmptyCorpusError(f"{p}: unsupported file type (accepted formats: {_ACCEPTED})")
        else:
            files.append((p, None))
            problems.extend(_saved_load_problems(p))

    articles: list[Article] = []
    seen: dict[str, int] = {}  # id -> the last ~N suffix given for it
    for f, root in files:
        read = read_file_articles(f, _format_of(f), fields=fields, paragraph_break=paragraph_break, root=root,
                                  inventory=inventory)
        for article, file_problems in read:
            problems.extend(file_problems)
            if article is None:
                continue
            if article.id in seen:
                # the next free suffix: "a", "a~2", "a" must not make a second "a~2"
                k = seen[article.id]
                while f"{article.id}~{k}" in seen or k == 1:
                    k += 1
                seen[article.id] = k
                new_id = f"{article.id}~{k}"
                problems.append(LoadProblem(article.source or str(f),
                                            f"duplicate id {article.id!r}, renamed {new_id!r}", "warning"))
                article = _with_id(article, new_id)
            seen.setdefault(article.id, 1)
            articles.append(article)
    if sidecar is not None:
        articles = attach_metadata(articles, sidecar, problems)
    if nested:
        articles = attach_folder_metadata(articles, nested, problems)

    problems = [p if display_path(p.path) == p.path else replace(p, path=display_path(p.path))
                for p in problems]
    if warn and problems:
        _warn(problems)
    if not articles:
        shown = "; ".join(str(p) for p in problems[:5]) or "no files"
        raise EmptyCorpusError(
            f"{', '.join(map(str, paths))}: no readable article (accepted formats: {_ACCEPTED}). "
            f"Problems: {shown}"
        )
    return Corpus(articles, problems)


def _saved_load_problems(path: Path) -> list[LoadProblem]:
    """The original load's problems saved beside a runner's JSONL copy of a corpus (``LOAD_PROBLEMS_SUFFIX``)."""
    sidecar = path.with_name(path.name + LOAD_PROBLEMS_SUFFIX)
    if _format_of(path) != "jsonl" or not sidecar.is_file() or sidecar.is_symlink():
        return []
    try:
        saved = json.loads(sidecar.read_text(encoding="utf-8"))
        return [LoadProblem(str(p["path"]), str(p["reason"]), p["severity"], p.get("record")) for p in saved]
    except (OSError, ValueError, TypeError, KeyError) as e:
        return [LoadProblem(str(sidecar), f"unreadable saved load problems ({e}); not shown", "warning")]


def _with_id(article: Article, new_id: str) -> Article:
    return replace(article, id=new_id)


def display_path(name: str) -> str:
    """``name`` with the undecodable bytes of a non-UTF-8 file name read as Windows-1252.

    Python keeps such bytes as lone surrogates ("caf\\udce9"), which no UTF-8
    writer (reports, :func:`~corpus_tools.io.writing.save_jsonl`) can encode.
    """
    if not _SURROGATE.search(name):
        return name
    return os.fsencode(name).decode("utf-8", errors="corpus_tools.cp1252")


def _problem_lines(problems: list[LoadProblem], limit: int) -> str:
    skipped = sum(p.severity == "skipped" for p in problems)
    lines = [str(p) for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"... and {len(problems) - limit} more (see corpus.problems)")
    return f"{skipped} skipped, {len(problems) - skipped} loaded with warnings:\n" + "\n".join(lines)


def _warn(problems: list[LoadProblem], limit: int = 20) -> None:
    warnings.warn(_problem_lines(problems, limit), CorpusLoadWarning, stacklevel=3)


def load_summary(corpus: Corpus, limit: int = 20) -> str:
    """What a load found, for the top of a report: articles, then skipped files and caveats.

    Examples
    --------
    >>> from corpus_tools import Corpus, LoadProblem
    >>> print(load_summary(Corpus.from_texts(["Fine."])))
    1 articles loaded; no load problems.
    >>> c = Corpus(Corpus.from_texts(["Fine."]), [LoadProblem("b.txt", "empty file")])
    >>> print(load_summary(c))
    1 articles loaded; 1 skipped, 0 loaded with warnings:
    b.txt: skipped: empty file
    """
    if not corpus.problems:
        return f"{len(corpus)} articles loaded; no load problems."
    return f"{len(corpus)} articles loaded; " + _problem_lines(corpus.problems, limit)
