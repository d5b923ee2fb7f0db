"""Loading a corpus from files: ``.txt`` articles, JSONL and CSV.

One broken file never stops a load: it is recorded as a
:class:`~corpus_tools.model.corpus.LoadProblem` on the corpus and reported in one
:class:`CorpusLoadWarning`.  Only a path that does not exist, or a load that
finds no readable article at all, raises.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from corpus_tools.io.encoding import DecodeError, decode_bytes
from corpus_tools.io.metadata import attach_metadata, find_metadata
from corpus_tools.model.blocks import normalize_newlines, split_blocks
from corpus_tools.model.corpus import Article, Corpus, LoadProblem
from corpus_tools.model.dates import parse_date

__all__ = [
    "ACCEPTED_FORMATS",
    "CorpusLoadWarning",
    "CorpusNotFoundError",
    "EmptyCorpusError",
    "FieldNames",
    "load_corpus",
    "load_summary",
    "parse_txt_article",
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

# "date YYYY-MM-DD" at the very start (after optional white space); the
# first paragraph may follow on the same line.
_DATE_HEADER = re.compile(r"\A\s*date:?[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?=\s|\Z)[ \t]*", re.IGNORECASE)

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
    m = _DATE_HEADER.match(text)
    if m:
        try:
            date = parse_date(m.group(1))
        except ValueError as e:
            problems.append(LoadProblem(source or id, f"date header: {e}; loaded without a date", "warning"))
        text = text[m.end() :]
    blocks = tuple(split_blocks(text, paragraph_break=paragraph_break))
    article = Article(id=id, blocks=blocks, date=date, source=source, encoding=encoding)
    return article, problems


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
    for number, line in enumerate(text.split("\n"), start=1):
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


def _read_csv(text: str, delimiter: str, **kw) -> Iterator[tuple[Article | None, list[LoadProblem]]]:
    source, stem = kw.pop("source"), kw.pop("stem")
    fields: FieldNames = kw["fields"]
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = reader.fieldnames
    except csv.Error as e:
        yield None, [LoadProblem(source, f"malformed CSV header: {e}")]
        return
    if not header or fields.text not in header:
        yield None, [LoadProblem(source, f"no {fields.text!r} column (columns: {header})")]
        return
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            # The reader starts afresh on the next line: one bad row does not lose the rest
            # (an unterminated quote does, by swallowing it: the reason says so).
            # line_num still counts the lines of the rows read before this one
            reason = f"malformed CSV row starting at line {reader.line_num + 1}: {e}"
            yield None, [LoadProblem(source, reason, record=number)]
            continue
        surplus = row.pop(None, None)  # cells beyond the header of a ragged row
        article, problems = _record_to_article(row, default_id=f"{stem}-{number}", source=source,
                                               number=number, **kw)
        if surplus and article is not None:
            problems.append(LoadProblem(source, f"{len(surplus)} cell(s) more than the header; ignored",
                                        "warning", record=number))
        yield article, problems


def read_file_articles(
    path: Path,
    fmt: str,
    *,
    fields: FieldNames,
    paragraph_break: Literal["blank", "line"],
) -> Iterator[tuple[Article | None, list[LoadProblem]]]:
    source = display_path(str(path))
    try:
        data = path.read_bytes()
    except OSError as e:
        yield None, [LoadProblem(source, f"cannot read: {e.strerror or e}")]
        return
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


def walk_corpus_folder(root: Path, follow_symlinks: bool, problems: list[LoadProblem]) -> list[Path]:
    """Files under ``root``, recursively, sorted by relative path.

    Hidden files and folders (names starting with ``.``) are not part of a
    corpus.  Symbolic links are followed only while they stay inside
    ``root`` (or anywhere with ``follow_symlinks``); loops are detected.
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
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as e:
            problems.append(LoadProblem(str(folder), f"cannot list folder: {e.strerror or e}"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            rel_path = f"{rel}{entry.name}"
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
            if path.is_dir():
                visit(path, rel_path + "/")
            elif path.is_file():
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

    Examples
    --------
    >>> from corpus_tools import load_corpus
    >>> corpus = load_corpus("seeds")  # doctest: +SKIP
    >>> corpus[0].date  # doctest: +SKIP
    datetime.date(2023, 3, 22)
    """
    paths = [path] if isinstance(path, (str, os.PathLike)) else list(path)
    fields = FieldNames(text_field, id_field, date_field, title_field)
    sidecar = find_metadata(paths, metadata)  # document variables, never an article
    problems: list[LoadProblem] = []
    files: list[Path] = []
    for p in map(Path, paths):
        if not p.exists():
            raise CorpusNotFoundError(
                f"{p}: no such file or folder (a corpus is a folder, a file or a list of "
                f"them; accepted formats: {_ACCEPTED})"
            )
        if p.is_dir():
            for f in walk_corpus_folder(p, follow_symlinks, problems):
                if sidecar is not None and f.resolve() == sidecar.resolve():
                    continue
                if _format_of(f) is None:
                    problems.append(LoadProblem(str(f), f"unsupported file type (accepted: {_ACCEPTED})"))
                else:
                    files.append(f)
        elif not p.is_file():
            problems.append(LoadProblem(str(p), "not a regular file (a FIFO, socket or device)"))
        elif _format_of(p) is None:
            raise EmptyCorpusError(f"{p}: unsupported file type (accepted formats: {_ACCEPTED})")
        else:
            files.append(p)

    articles: list[Article] = []
    seen: dict[str, int] = {}
    for f in files:
        read = read_file_articles(f, _format_of(f), fields=fields, paragraph_break=paragraph_break)
        for article, file_problems in read:
            problems.extend(file_problems)
            if article is None:
                continue
            if article.id in seen:
                seen[article.id] += 1
                new_id = f"{article.id}~{seen[article.id]}"
                problems.append(LoadProblem(article.source or str(f),
                                            f"duplicate id {article.id!r}, renamed {new_id!r}", "warning"))
                article = _with_id(article, new_id)
            seen.setdefault(article.id, 1)
            articles.append(article)
    if sidecar is not None:
        articles = attach_metadata(articles, sidecar, problems)

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
