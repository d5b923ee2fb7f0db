"""The in-memory data model: blocks, articles, load problems and corpora.

A :class:`Corpus` is what every other step consumes.  It is a plain, ordered,
immutable-by-convention collection of :class:`Article` objects, each holding
its ordered :class:`Block` s (paragraphs and headings) and the full text the
blocks were cut from, so that every token can point back into it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, overload

import pandas as pd

from corpus_tools.model.blocks import BLOCK_SEPARATOR, Block, split_blocks
from corpus_tools.model.checks import reject_text
from corpus_tools.model.dates import parse_date

__all__ = ["ARTICLE_FIELDS", "Article", "Corpus", "LoadProblem", "PERIODS", "as_articles", "period_label"]

#: Date periods a document variable ``"date:<period>"`` names (:func:`period_label`).
PERIODS = ("day", "week", "month", "year")

#: Article attributes that are document variables too (``Article.variable``); any other name is a ``meta`` key.
ARTICLE_FIELDS = ("id", "date", "title", "source")


def period_label(date: _dt.date | None, period: str) -> str | None:
    """The period of ``date`` as a label that sorts as time does (None for no date).

    ``"2023-03-22"`` (day), ``"2023-W12"`` (ISO 8601 week, Monday first),
    ``"2023-03"`` (month), ``"2023"`` (year).

    >>> d = _dt.date(2023, 1, 1)
    >>> [period_label(d, p) for p in PERIODS]
    ['2023-01-01', '2022-W52', '2023-01', '2023']
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {list(PERIODS)}, not {period!r}")
    if date is None:
        return None
    if period == "day":
        return date.isoformat()
    if period == "week":
        year, week, _ = date.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{date.year}-{date.month:02d}" if period == "month" else str(date.year)

@dataclass(frozen=True, slots=True)
class LoadProblem:
    """Something that went wrong while loading one file or record.

    Attributes
    ----------
    path : str
        The file concerned.
    reason : str
        What went wrong, in words a user can act on.
    severity : {"skipped", "warning"}
        ``"skipped"``: nothing from this file/record was loaded.
        ``"warning"``: it was loaded, but with a caveat (e.g. a bad date).
    record : int or None
        1-based line (JSONL) or row (CSV) number, when the problem concerns
        one record of a multi-record file.
    """

    path: str
    reason: str
    severity: Literal["skipped", "warning"] = "skipped"
    record: int | None = None

    def __str__(self) -> str:
        where = self.path if self.record is None else f"{self.path}:{self.record}"
        return f"{where}: {self.severity}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Article:
    """A news article: metadata plus ordered blocks.

    Attributes
    ----------
    id : str
        Unique within its corpus (a ``.txt`` file's stem, a record's ``id``).
    blocks : tuple of Block
        Paragraphs and headings in reading order.
    date : datetime.date or None
        Publication date, when known.
    title : str or None
        Title, when the source gives one.
    source : str or None
        File the article came from.
    encoding : str or None
        Encoding the file was decoded with (``"utf-8"``, ``"utf-8-sig"``,
        ``"cp1252"``...).
    meta : dict
        Any further fields of the source record.

    Examples
    --------
    >>> from corpus_tools import Article
    >>> a = Article.from_text("Headline here\\n\\nFirst paragraph. Second sentence.", id="a1")
    >>> [b.kind for b in a.blocks]
    ['heading', 'paragraph']
    """

    id: str
    blocks: tuple[Block, ...]
    date: _dt.date | None = None
    title: str | None = None
    source: str | None = None
    encoding: str | None = None
    meta: dict = field(default_factory=dict, compare=False, hash=False)

    def variable(self, name: str):
        """A document variable: ``id``, ``date``, ``title``, ``source``, a ``meta`` key, or ``"date:<period>"``.

        ``"date:month"`` is the article's month (:func:`period_label`);
        a variable the article lacks is None.

        >>> a = Article.from_text("Text.", id="a", date="2023-03-22", meta={"desk": "world"})
        >>> a.variable("desk"), a.variable("date:month"), a.variable("section")
        ('world', '2023-03', None)
        """
        if name.startswith("date:"):
            return period_label(self.date, name.removeprefix("date:"))
        if name in ARTICLE_FIELDS:
            return getattr(self, name)
        return self.meta.get(name)

    @property
    def text(self) -> str:
        """The full text: the blocks joined by a blank line."""
        return BLOCK_SEPARATOR.join(b.text for b in self.blocks)

    @property
    def paragraphs(self) -> list[Block]:
        """The blocks that are paragraphs (not headings)."""
        return [b for b in self.blocks if b.kind == "paragraph"]

    @property
    def headings(self) -> list[Block]:
        """The blocks that are headings."""
        return [b for b in self.blocks if b.kind == "heading"]

    @classmethod
    def from_text(
        cls,
        text: str,
        id: str,
        *,
        date: _dt.date | str | None = None,
        title: str | None = None,
        source: str | None = None,
        paragraph_break: Literal["blank", "line"] = "blank",
        meta: dict | None = None,
    ) -> Article:
        """Build an article from raw text, splitting it into blocks.

        Parameters
        ----------
        text : str
            Article body.  Paragraphs are separated by blank lines
            (``paragraph_break="blank"``, the default; lines inside a
            paragraph are joined) or by every line break
            (``paragraph_break="line"``).
        id : str
            The article id.
        date : date or ISO string, optional
        title, source : str, optional
        paragraph_break : {"blank", "line"}
        meta : dict, optional
        """

        if isinstance(date, str):
            date = parse_date(date)
        return cls(
            id=id,
            blocks=tuple(split_blocks(text, paragraph_break=paragraph_break)),
            date=date,
            title=title,
            source=source,
            meta=dict(meta or {}),
        )


_FRAME_COLUMNS = ("id", "date", "title", "source", "encoding", "blocks", "headings", "paragraphs", "characters",
                  "text")


class Corpus(Sequence[Article]):
    """An ordered collection of articles plus the problems met loading them.

    A corpus is sized, iterable and sliceable: ``corpus[0]`` is an
    :class:`Article`, ``corpus["id"]`` looks an article up by id and
    ``corpus[1:3]`` is a new :class:`Corpus`.

    Parameters
    ----------
    articles : iterable of Article
    problems : iterable of LoadProblem, optional

    Examples
    --------
    >>> from corpus_tools import Corpus
    >>> c = Corpus.from_texts(["One text.", "Another text."], ids=["a", "b"])
    >>> len(c), c[1].id, [a.id for a in c[:1]]
    (2, 'b', ['a'])
    """

    def __init__(
        self,
        articles: Iterable[Article] = (),
        problems: Iterable[LoadProblem] = (),
    ) -> None:
        self._articles: tuple[Article, ...] = tuple(articles)
        self.problems: list[LoadProblem] = list(problems)
        self._by_id = {a.id: a for a in self._articles}
        if len(self._by_id) != len(self._articles):
            seen: set[str] = set()
            dupes = sorted({a.id for a in self._articles if a.id in seen or seen.add(a.id)})
            raise ValueError(f"article ids must be unique; duplicated: {dupes[:10]}")

    # -- Sequence protocol -------------------------------------------------
    def __len__(self) -> int:
        return len(self._articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self._articles)

    @overload
    def __getitem__(self, key: int) -> Article: ...
    @overload
    def __getitem__(self, key: str) -> Article: ...
    @overload
    def __getitem__(self, key: slice) -> Corpus: ...

    def __getitem__(self, key):
        if isinstance(key, slice):
            return Corpus(self._articles[key], self.problems)
        if isinstance(key, str):
            try:
                return self._by_id[key]
            except KeyError:
                raise KeyError(f"no article with id {key!r} in this corpus") from None
        return self._articles[key]

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return item in self._articles

    def __repr__(self) -> str:
        return f"<Corpus: {len(self)} articles, {len(self.problems)} problems>"

    @property
    def ids(self) -> list[str]:
        """Article ids in corpus order."""
        return [a.id for a in self._articles]

    # -- Selection ---------------------------------------------------------
    def filter_dates(
        self,
        start: _dt.date | str | None = None,
        end: _dt.date | str | None = None,
        *,
        keep_undated: bool = False,
    ) -> Corpus:
        """Articles dated within ``[start, end]`` (both inclusive).

        Parameters
        ----------
        start, end : date or ISO string, optional
            Open-ended when None.
        keep_undated : bool
            Keep articles without a date (default: drop them).

        Examples
        --------
        >>> from corpus_tools import Corpus
        >>> c = Corpus.from_texts(["a.", "b."], dates=["2023-01-01", "2023-02-01"])
        >>> len(c.filter_dates("2023-01-15"))
        1
        """

        lo = parse_date(start) if isinstance(start, str) else start
        hi = parse_date(end) if isinstance(end, str) else end

        def keep(a: Article) -> bool:
            if a.date is None:
                return keep_undated
            return (lo is None or a.date >= lo) and (hi is None or a.date <= hi)

        return Corpus([a for a in self._articles if keep(a)], self.problems)

    @property
    def variables(self) -> list[str]:
        """The ``meta`` document variables of the articles, in first-seen order (quanteda's docvars names)."""
        return list(dict.fromkeys(k for a in self._articles for k in a.meta))

    def filter(self, **variables) -> Corpus:
        """Articles whose document variables equal the given values (a list or set: any of them).

        Names are :meth:`Article.variable`'s (``source``, a ``meta`` key);
        ``date:month`` and friends are written ``**{"date:month": "2023-03"}``.

        >>> c = Corpus([Article.from_text("A.", id="a", meta={"desk": "world"}),
        ...             Article.from_text("B.", id="b", meta={"desk": "sport"})])
        >>> c.filter(desk="world").ids, c.filter(desk=["world", "sport"]).ids
        (['a'], ['a', 'b'])
        """
        self._check_variables(variables)

        def keep(a: Article) -> bool:
            for name, wanted in variables.items():
                value = a.variable(name)
                if isinstance(wanted, (list, tuple, set, frozenset)):
                    if value not in wanted:
                        return False
                elif value != wanted:
                    return False
            return True

        return Corpus([a for a in self._articles if keep(a)], self.problems)

    def groups(self, name: str) -> dict:
        """The articles by the value of one document variable: value -> Corpus.

        Groups in sorted order of their value (as text); articles without
        the variable (None) are in no group.

        >>> c = Corpus.from_texts(["a.", "b.", "c."], dates=["2023-02-01", "2023-01-09", "2023-02-11"])
        >>> {k: v.ids for k, v in c.groups("date:month").items()}
        {'2023-01': ['1'], '2023-02': ['0', '2']}
        """
        self._check_variables({name: None})
        out: dict = {}
        for a in self._articles:
            value = a.variable(name)
            if value is not None:
                out.setdefault(value, []).append(a)
        return {k: Corpus(out[k], self.problems) for k in sorted(out, key=str)}

    def _check_variables(self, variables) -> None:
        known = set(ARTICLE_FIELDS) | set(self.variables)
        unknown = [n for n in variables if not n.startswith("date:") and n not in known]
        if unknown and self._articles:
            raise KeyError(f"no document variable {unknown[0]!r}; known: {sorted(known)}")

    # -- Tables ------------------------------------------------------------
    def to_frame(self) -> pd.DataFrame:
        """One row per article.

        Columns: ``id``, ``date``, ``title``, ``source``, ``encoding``,
        ``blocks``, ``headings``, ``paragraphs``, ``characters``, then one
        column per document variable (:attr:`variables`, None where an
        article lacks it), then ``text``.  Token counts need a
        tokenisation, which the data model does not do: they are in the
        token dataset's per-article table.
        """
        variables = [v for v in self.variables if v not in _FRAME_COLUMNS]

        rows = []
        for a in self._articles:
            text = a.text
            rows.append(
                {
                    "id": a.id,
                    "date": a.date,
                    "title": a.title,
                    "source": a.source,
                    "encoding": a.encoding,
                    "blocks": len(a.blocks),
                    "headings": len(a.headings),
                    "paragraphs": len(a.paragraphs),
                    "characters": len(text),
                    **{v: a.meta.get(v) for v in variables},
                    "text": text,
                }
            )
        return pd.DataFrame(rows, columns=[*_FRAME_COLUMNS[:-1], *variables, "text"])

    def problems_frame(self) -> pd.DataFrame:
        """The load problems as a table: path, record, severity, reason."""
        return pd.DataFrame(
            [(p.path, p.record, p.severity, p.reason) for p in self.problems],
            columns=["path", "record", "severity", "reason"],
        )

    # -- Constructors ------------------------------------------------------
    @classmethod
    def from_texts(
        cls,
        texts: Iterable[str],
        ids: Iterable[str] | None = None,
        dates: Iterable[_dt.date | str | None] | None = None,
        titles: Iterable[str | None] | None = None,
        *,
        paragraph_break: Literal["blank", "line"] = "blank",
    ) -> Corpus:
        """Build a corpus from texts already in memory.

        Parameters
        ----------
        texts : iterable of str
        ids : iterable of str, optional
            Default: ``"0"``, ``"1"``, ...
        dates, titles : iterables, optional
            Parallel to ``texts``.
        paragraph_break : {"blank", "line"}
            See :meth:`Article.from_text`.
        """
        texts = list(texts)
        n = len(texts)
        ids = [str(i) for i in range(n)] if ids is None else [str(i) for i in ids]
        dates = [None] * n if dates is None else list(dates)
        titles = [None] * n if titles is None else list(titles)
        if not (len(ids) == len(dates) == len(titles) == n):
            raise ValueError("texts, ids, dates and titles must have the same length")
        return cls(
            Article.from_text(t, id=i, date=d, title=ti, paragraph_break=paragraph_break)
            for t, i, d, ti in zip(texts, ids, dates, titles, strict=True)
        )

    @classmethod
    def from_frame(
        cls,
        df: pd.DataFrame,
        text: str = "text",
        id: str | None = "id",
        date: str | None = "date",
        title: str | None = "title",
        *,
        paragraph_break: Literal["blank", "line"] = "blank",
    ) -> Corpus:
        """Build a corpus from a DataFrame with one article per row.

        Parameters
        ----------
        df : pandas.DataFrame
        text : str
            Column holding the article text (required).
        id, date, title : str or None
            Column names; a missing column is ignored (ids then default to
            the row's position).
        paragraph_break : {"blank", "line"}
            See :meth:`Article.from_text`.

        Examples
        --------
        >>> import pandas as pd
        >>> from corpus_tools import Corpus
        >>> df = pd.DataFrame({"id": ["x"], "text": ["Hello world."], "date": ["2024-05-01"]})
        >>> Corpus.from_frame(df)[0].date
        datetime.date(2024, 5, 1)
        """
        if text not in df.columns:
            raise KeyError(f"text column {text!r} not in DataFrame columns {list(df.columns)}")

        def col(name: str | None) -> list | None:
            if name is None or name not in df.columns:
                return None
            return [None if pd.isna(v) else v for v in df[name].tolist()]

        ids = col(id)
        dates = col(date)
        return cls.from_texts(
            ["" if pd.isna(t) else str(t) for t in df[text].tolist()],
            ids=None if ids is None else [str(i) for i in ids],
            dates=None if dates is None else [
                d.date() if isinstance(d, _dt.datetime) else d for d in dates
            ],
            titles=col(title),
            paragraph_break=paragraph_break,
        )

    def summary_table(self) -> pd.DataFrame:
        """:meth:`summary` as a one-row table."""
        return pd.DataFrame([self.summary()])

    def summary(self) -> dict:
        """Counts a user wants first: articles, blocks, problems, date range."""
        dates = sorted(a.date for a in self._articles if a.date is not None)
        return {
            "articles": len(self),
            "blocks": sum(len(a.blocks) for a in self._articles),
            "headings": sum(len(a.headings) for a in self._articles),
            "paragraphs": sum(len(a.paragraphs) for a in self._articles),
            "first_date": dates[0].isoformat() if dates else None,
            "last_date": dates[-1].isoformat() if dates else None,
            "problems": len(self.problems),
            "skipped": sum(p.severity == "skipped" for p in self.problems),
        }


def as_articles(data) -> list[Article]:
    """A Corpus, an Article or an iterable of Articles, as a list; anything else is a TypeError.

    >>> [a.id for a in as_articles(Corpus.from_texts(["One.", "Two."]))]
    ['0', '1']
    """
    reject_text(data)
    if isinstance(data, Article):
        return [data]
    if not isinstance(data, (str, bytes, pd.DataFrame)) and isinstance(data, Iterable):
        items = list(data)
        if all(isinstance(a, Article) for a in items):
            return items
    raise TypeError(f"expected a Corpus, an Article or Articles, not {type(data).__name__}")
