"""Document variables from a metadata sidecar: a ``metadata.csv`` or ``metadata.jsonl`` beside the articles.

The layout of scraped archives and of readtext's ``docvarsfrom``: one row per
article (or per file), joined to the articles by file name or by id::

    corpus/
      metadata.csv        file,id,date,title,source
      a.txt               a.txt,reut-127,1987-02-26,"Diamond cuts prices",reuters
      b.txt               ...

Join key (:func:`attach_metadata`):

* a ``file`` column: the article's file path relative to the sidecar's folder
  (``a.txt``, ``2023/b.txt``), POSIX slashes; a row applies to every article
  of its file (all records of a JSONL/CSV corpus file).  When the rows also
  have an ``id``, it becomes the article's id (then a file must hold one
  article).
* else an ``id`` column: the article id.

``date`` and ``title`` fill the article's own when it has none (a different
value is kept out, with a warning); every other field becomes a document
variable in :attr:`Article.meta` (an empty CSV cell is no value).  A row no
article matches, or two rows with the same key, is a :class:`MetadataError`
naming the rows; an article without a row is loaded with a warning.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path, PurePath

from corpus_tools.io.encoding import DecodeError, decode_bytes
from corpus_tools.model.corpus import Article, LoadProblem
from corpus_tools.model.dates import parse_date

__all__ = ["METADATA_FILES", "MetadataError", "attach_folder_metadata", "attach_metadata", "find_metadata",
           "read_metadata"]

#: Sidecar names found beside the articles of a corpus folder (and never read as articles).
METADATA_FILES = ("metadata.csv", "metadata.jsonl")


class MetadataError(ValueError):
    """A metadata sidecar that cannot be joined: unreadable, no key column, unmatched or duplicate rows."""


def find_metadata(paths: Iterable[str | os.PathLike], metadata: str | os.PathLike | bool | None) -> Path | None:
    """The sidecar :func:`~corpus_tools.load_corpus` joins, or None.

    ``metadata=None``: a :data:`METADATA_FILES` file at the top of a folder
    given (two of them are an error).  A path: that file, looked up first in
    each folder given, then as given.  ``False``: none (a ``metadata.csv``
    is then read as any CSV corpus file).
    """
    if metadata is False:
        return None
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    if metadata is None or metadata is True:
        found = [f / name for f in folders for name in METADATA_FILES if (f / name).is_file()]
        if len(found) > 1:
            raise MetadataError(f"two metadata sidecars: {', '.join(map(str, found))}; pass metadata= to choose one")
        if metadata is True and not found:
            raise MetadataError(f"no {' or '.join(METADATA_FILES)} in {', '.join(map(str, folders)) or 'no folder'}")
        return found[0] if found else None
    given = Path(metadata)
    candidates = ([] if given.is_absolute() else [f / given for f in folders]) + [given]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise MetadataError(f"metadata file {os.fspath(metadata)!r} not found (looked for {[str(c) for c in candidates]})")


def read_metadata(path: str | os.PathLike) -> list[dict]:
    """The rows of a ``.csv`` (header row; cells are text, empty cells None) or ``.jsonl`` sidecar.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "metadata.csv"
    >>> _ = p.write_text("file,desk,pages\\na.txt,world,\\n")
    >>> read_metadata(p)
    [{'file': 'a.txt', 'desk': 'world', 'pages': None}]
    """
    path = Path(path)
    try:
        text = decode_bytes(path.read_bytes()).text.lstrip("\ufeff")
    except (OSError, DecodeError) as e:
        raise MetadataError(f"{path}: cannot read the metadata: {e}") from None
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        rows = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as e:
                raise MetadataError(f"{path}:{number}: malformed JSON: {e}") from None
            if not isinstance(row, dict):
                raise MetadataError(f"{path}:{number}: a metadata row must be a JSON object")
            rows.append(row)
        return rows
    if path.suffix.lower() not in (".csv", ".tsv"):
        raise MetadataError(f"{path}: metadata must be .csv, .tsv or .jsonl")
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
    try:
        rows = [{k: (v if v != "" else None) for k, v in row.items() if k is not None} for row in reader]
    except csv.Error as e:
        raise MetadataError(f"{path}:{reader.line_num}: malformed CSV: {e}") from None
    return rows


def _relative(source: str | None, root: Path) -> str | None:
    if source is None:
        return None
    try:
        return PurePath(os.path.relpath(Path(source).resolve(), root.resolve())).as_posix()
    except ValueError:  # another drive
        return None


def _key(value) -> str | None:
    return None if value is None or str(value).strip() == "" else str(value).strip()


def attach_metadata(articles: list[Article], sidecar: str | os.PathLike,
                    problems: list[LoadProblem]) -> list[Article]:
    """``articles`` with the sidecar's document variables; warnings are appended to ``problems``.

    See the module docstring for the join.  Raises :class:`MetadataError`
    for a sidecar without a ``file`` or ``id`` column, duplicate keys,
    rows that match no article, and an ``id`` that would name two articles.
    """
    sidecar = Path(sidecar)
    rows = read_metadata(sidecar)
    name = str(sidecar)
    columns = list(dict.fromkeys(k for row in rows for k in row))
    if "file" in columns:
        on = "file"
        keys = {id(a): _relative(a.source, sidecar.parent) for a in articles}
    elif "id" in columns:
        on = "id"
        keys = {id(a): a.id for a in articles}
    else:
        raise MetadataError(f"{name}: no 'file' or 'id' column to join the articles on (columns: {columns[:10]})")
    by_key: dict[str, tuple[int, dict]] = {}
    duplicates, missing_key = [], []
    for number, row in enumerate(rows, start=1):
        key = _key(row.get(on))
        if key is None:
            missing_key.append(number)
        elif key in by_key:
            duplicates.append(f"{key!r} (rows {by_key[key][0]} and {number})")
        else:
            by_key[key] = (number, row)
    if missing_key or duplicates:
        what = ([f"rows without a {on!r}: {missing_key[:10]}"] if missing_key else []) + (
            [f"duplicate {on} {', '.join(duplicates[:10])}"] if duplicates else [])
        raise MetadataError(f"{name}: {'; '.join(what)}")
    matched = {k: [a for a in articles if keys[id(a)] == k] for k in by_key}
    unmatched = [f"row {n} ({on} {k!r})" for k, (n, _) in by_key.items() if not matched[k]]
    if unmatched:
        raise MetadataError(f"{name}: {len(unmatched)} row(s) match no article: {', '.join(unmatched[:10])}"
                            + (" ..." if len(unmatched) > 10 else ""))
    renamed = [k for k, (_, row) in by_key.items() if on == "file" and _key(row.get("id")) and len(matched[k]) > 1]
    if renamed:
        raise MetadataError(f"{name}: the id of file {renamed[0]!r} would name its {len(matched[renamed[0]])} "
                            "articles; give ids in the corpus file, or join on 'id' without a 'file' column")
    out = []
    for article in articles:
        key = keys[id(article)]
        if key not in by_key:
            problems.append(LoadProblem(article.source or article.id, f"no row in {name} (joined on {on!r}); "
                                        "loaded without its document variables", "warning"))
            out.append(article)
            continue
        out.append(_joined(article, by_key[key], on, name, problems))
    return out


def _joined(article: Article, numbered: tuple[int, dict], on: str, name: str, problems: list[LoadProblem]) -> Article:
    number, row = numbered
    where = dict(path=name, record=number, severity="warning")
    changes: dict = {}
    if on == "file" and _key(row.get("id")):
        changes["id"] = _key(row["id"])
    date = row.get("date")
    if date is not None and str(date).strip():
        try:
            parsed = parse_date(date)
        except ValueError as e:
            problems.append(LoadProblem(reason=f"'date': {e}; not used", **where))
        else:
            if article.date is None:
                changes["date"] = parsed
            elif article.date != parsed:
                problems.append(LoadProblem(reason=f"date {parsed} differs from the article's {article.date}; "
                                            "the article's kept", **where))
    title = row.get("title")
    if title is not None and str(title).strip():
        if article.title is None:
            changes["title"] = str(title)
        elif article.title != str(title):
            problems.append(LoadProblem(reason="title differs from the article's; the article's kept", **where))
    meta = dict(article.meta)
    for key, value in row.items():
        if key in ("file", "id", "date", "title", "text") or value is None:
            continue
        if key in meta and meta[key] != value:
            problems.append(LoadProblem(reason=f"{key!r} differs from the article's own; the article's kept",
                                        **where))
            continue
        meta[key] = value
    return replace(article, meta=meta, **changes)


def attach_folder_metadata(articles: list[Article], sidecars: Iterable[str | os.PathLike],
                           problems: list[LoadProblem]) -> list[Article]:
    """``articles`` with the variables of sidecars found in sub-folders of a corpus.

    A scraped archive often keeps one folder per source, each with its own
    ``metadata.csv``: each such sidecar is joined (as :func:`attach_metadata`)
    to the articles read from its folder and the folders below it only.

    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp()); (root / "bbc").mkdir()
    >>> _ = (root / "bbc" / "a.txt").write_text("Text.")
    >>> _ = (root / "bbc" / "metadata.csv").write_text("file,desk\\na.txt,world\\n")
    >>> from corpus_tools.io.loading import load_corpus
    >>> load_corpus(root)[0].variable("desk")
    'world'
    """
    articles = list(articles)
    for sidecar in sidecars:
        folder = Path(sidecar).parent
        inside = [i for i, a in enumerate(articles)
                  if (rel := _relative(a.source, folder)) is not None and not rel.startswith("../")]
        joined = attach_metadata([articles[i] for i in inside], sidecar, problems)
        for i, article in zip(inside, joined, strict=True):
            articles[i] = article
    return articles
