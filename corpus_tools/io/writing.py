"""Writing a corpus back to JSONL, so that loading it again gives it back.

One JSON object per line, in corpus order, with the fields ``id``, ``date``
(ISO 8601, omitted when unknown), ``title`` (omitted when unknown), ``text``
and then the article's :attr:`~corpus_tools.model.corpus.Article.meta` fields.
``text`` is the article's blocks joined by blank lines, written so that
:func:`corpus_tools.model.blocks.split_blocks` cuts exactly the same blocks of the
same kinds out of it again: a heading that would not read as one on its own
(``is_heading`` rejects it, e.g. it ends with a full stop) is written as a
Markdown heading (``# ...``).  The file is written atomically (a temporary
file in the same folder, then renamed), so an interrupted write never
leaves half a corpus behind.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from corpus_tools.io.atomic import atomic_write
from corpus_tools.io.loading import LOAD_PROBLEMS_SUFFIX
from corpus_tools.model.blocks import BLOCK_SEPARATOR, is_heading
from corpus_tools.model.corpus import Article

__all__ = ["article_to_record", "save_jsonl"]


def _block_source(kind: str, text: str) -> str:
    if kind != "heading" or is_heading(text):
        return text
    # A closing run of "#" after white space would be read as Markdown's
    # optional closing sequence and dropped: close the heading explicitly.
    return f"# {text} #" if text.endswith("#") else f"# {text}"


def article_to_record(article: Article) -> dict:
    """The JSON-ready record of one article (see the module docstring).

    Raises
    ------
    ValueError
        When a meta field has the name of a core field (``id``, ``date``,
        ``title``, ``text``).

    Examples
    --------
    >>> from corpus_tools import Article
    >>> a = Article.from_text("# The end.\\n\\nBody.", id="a1", date="2024-01-02")
    >>> article_to_record(a)
    {'id': 'a1', 'date': '2024-01-02', 'text': '# The end.\\n\\nBody.'}
    """
    record: dict = {"id": article.id}
    if article.date is not None:
        record["date"] = article.date.isoformat()
    if article.title is not None:
        record["title"] = article.title
    record["text"] = BLOCK_SEPARATOR.join(_block_source(b.kind, b.text) for b in article.blocks)
    clash = sorted(set(article.meta) & {"id", "date", "title", "text"})
    if clash:
        raise ValueError(f"article {article.id!r}: meta fields {clash} clash with the core fields")
    record.update(article.meta)
    return record


def save_jsonl(articles: Iterable[Article], path: str | os.PathLike, *, load_problems: bool = False) -> Path:
    """Write articles to a JSONL file, atomically, as UTF-8.

    Parameters
    ----------
    articles : Corpus or iterable of Article
    path : path
        The file to (over)write; its folder must exist.
    load_problems : bool
        Also write the corpus' load problems to ``path`` +
        :data:`~corpus_tools.io.loading.LOAD_PROBLEMS_SUFFIX`, which
        :func:`~corpus_tools.io.loading.load_corpus` reads back with the file:
        a report over the copy says what the original load skipped.

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    TypeError
        When a meta value is not JSON-serialisable (the article and the
        error are named); nothing is written then.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from corpus_tools import Corpus, load_corpus
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> c = Corpus.from_texts(["One.\\n\\nTwo."], ids=["a"], dates=["2024-01-02"])
    >>> p = save_jsonl(c, folder / "c.jsonl")
    >>> p.read_text(encoding="utf-8")
    '{"id": "a", "date": "2024-01-02", "text": "One.\\\\n\\\\nTwo."}\\n'
    >>> [b.text for b in load_corpus(p)["a"].blocks]
    ['One.', 'Two.']
    """
    path = Path(path)

    def write(tmp: Path) -> None:
        # line by line: a list of every line first held a second copy of the corpus' text (300 MB at
        # 300 MB of text, on top of the corpus); a TypeError still leaves nothing written (atomic_write)
        with tmp.open("w", encoding="utf-8", newline="\n") as f:
            for article in articles:
                try:
                    # Non-ASCII written as is (UTF-8): readable, and what the loader expects.
                    line = json.dumps(article_to_record(article), ensure_ascii=False)
                except TypeError as e:
                    raise TypeError(f"article {article.id!r}: cannot write as JSON: {e}") from None
                f.write(line + "\n")
        if load_problems:  # once every line is written, before the file appears: it is read with the file
            saved = [{"path": p.path, "reason": p.reason, "severity": p.severity, "record": p.record}
                     for p in getattr(articles, "problems", [])]
            atomic_write(path.with_name(path.name + LOAD_PROBLEMS_SUFFIX), lambda p: p.write_text(
                json.dumps(saved, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"))

    atomic_write(path, write)
    return path
