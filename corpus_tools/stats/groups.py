"""Groups of articles by a document variable or a date period, for grouped tables and keyness.

A grouping (the ``groups=`` parameter, after quanteda's ``textstat_frequency(groups=)``) is one of:

* a document variable name (:meth:`corpus_tools.model.corpus.Article.variable`): ``"source"``,
  a ``meta`` key such as ``"topic"``, or a date period ``"date:day"``, ``"date:week"``,
  ``"date:month"``, ``"date:year"``;
* a function of an :class:`~corpus_tools.model.corpus.Article` returning its group;
* a mapping article id -> group (the only form a bare token table can take, as it
  carries no document variables: build it once with :func:`group_labels` from the corpus).

A :class:`~corpus_tools.tokens.dataset.TokenDataset` takes a variable name or a date
period too: its article table (``articles.parquet``, written with the parts) holds every
article's variables, and only the named column is read
(:func:`~corpus_tools.stats.grouping.dataset_group_labels`), giving the labels the corpus
gives.  The grouped tables are then computed from aggregates: the
labels are registered as a small DuckDB table joined on ``article``
(:func:`corpus_tools.stats.word_queries.query_group_counts`), or, for
lexical diversity, the parts are streamed once forward and once backward
with one accumulator per group; the tables equal those of the token table.

Group labels are text (``str(value)``); an article whose value is None is in no group.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from corpus_tools.model.checks import check_counts
from corpus_tools.model.corpus import Article
from corpus_tools.stats.diversity import diversity_table
from corpus_tools.stats.frequency import frequency_table, ngram_table
from corpus_tools.stats.grouping import group_labels
from corpus_tools.tokens.tokenize import TokenOptions

__all__ = ["group_diversity_table", "group_frequency_table", "group_labels", "group_ngram_table"]


def group_frequency_table(
    data,
    groups: str | Callable[[Article], object] | Mapping[str, object],
    *,
    min_count: int = 1,
    column: str = "norm",
    options: TokenOptions | Mapping[str, object] | None = None,
) -> pd.DataFrame:
    """Word frequencies within each group of articles (quanteda's ``textstat_frequency(groups=)``).

    One :func:`~corpus_tools.frequency_table` per group, on that group's
    tokens: ``per_10k`` is per 10,000 tokens of the group, ``rank`` restarts
    at 1 in every group, ``doc_freq`` counts the group's articles.

    Returns
    -------
    pandas.DataFrame
        ``group``, ``articles`` (articles in the group), then the
        frequency table's columns; groups in sorted order of their label,
        each sorted as :func:`~corpus_tools.frequency_table` is (count
        descending, then term by code point).

    >>> from corpus_tools import Corpus
    >>> c = Corpus.from_texts(["oil oil gas", "oil", "shares"], dates=["2023-01-03", "2023-01-09", "2023-02-01"])
    >>> group_frequency_table(c, "date:month")[["group", "articles", "term", "count", "rank"]].values.tolist()
    [['2023-01', 2, 'oil', 3, 1], ['2023-01', 2, 'gas', 1, 2], ['2023-02', 1, 'shares', 1, 1]]
    """
    check_counts(min_count=min_count)
    return frequency_table(data, groups=groups, min_count=min_count, column=column, options=options)


def group_ngram_table(
    data,
    groups: str | Callable[[Article], object] | Mapping[str, object],
    n: int = 2,
    *,
    min_count: int = 1,
    column: str = "norm",
    options: TokenOptions | Mapping[str, object] | None = None,
) -> pd.DataFrame:
    """N-gram frequencies within each group: :func:`~corpus_tools.ngram_table` per group (see group_frequency_table).

    >>> from corpus_tools import Corpus
    >>> c = Corpus([Article.from_text("Crude oil fell. Crude oil rose.", id="a", meta={"topic": "crude"}),
    ...             Article.from_text("Shares rose.", id="b", meta={"topic": "acq"})])
    >>> group_ngram_table(c, "topic")[["group", "term", "count"]].values.tolist()
    [['acq', 'shares rose', 1], ['crude', 'crude oil', 2], ['crude', 'oil fell', 1], ['crude', 'oil rose', 1]]
    """
    check_counts(n=n, min_count=min_count)
    return ngram_table(data, n, groups=groups, min_count=min_count, column=column, options=options)


def group_diversity_table(
    data,
    groups: str | Callable[[Article], object] | Mapping[str, object],
    *,
    mattr_window: int = 50,
    threshold: float = 0.72,
    column: str = "norm",
    options: TokenOptions | Mapping[str, object] | None = None,
) -> pd.DataFrame:
    """Lexical diversity of each group: one :func:`~corpus_tools.diversity_table` row per group.

    A group's word sequence is its articles' tokens one after the other (as
    for the corpus row of :func:`~corpus_tools.diversity_table`); groups in
    sorted order of their label.

    >>> from corpus_tools import Corpus
    >>> c = Corpus([Article.from_text("a rose is a rose", id="a", meta={"desk": "x"}),
    ...             Article.from_text("one two three", id="b", meta={"desk": "y"})])
    >>> group_diversity_table(c, "desk")[["group", "articles", "tokens", "types"]].values.tolist()
    [['x', 1, 5, 3], ['y', 1, 3, 3]]
    """
    return diversity_table(data, groups=groups, mattr_window=mattr_window, threshold=threshold, column=column,
                           options=options)
