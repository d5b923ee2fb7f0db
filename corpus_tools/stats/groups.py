"""Groups of articles by a document variable or a date period, for grouped tables and keyness.

A grouping (the ``groups=`` parameter, after quanteda's ``textstat_frequency(groups=)``) is one of:

* a document variable name (:meth:`corpus_tools.model.corpus.Article.variable`): ``"source"``,
  a ``meta`` key such as ``"topic"``, or a date period ``"date:day"``, ``"date:week"``,
  ``"date:month"``, ``"date:year"``;
* a function of an :class:`~corpus_tools.model.corpus.Article` returning its group;
* a mapping article id -> group (the only form a bare token table can take, as it
  carries no document variables: build it once with :func:`group_labels` from the corpus).

Group labels are text (``str(value)``); an article whose value is None is in no group.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from corpus_tools.model.corpus import ARTICLE_FIELDS, Article, as_articles

__all__ = ["group_labels"]


def group_labels(data, groups: str | Callable[[Article], object] | Mapping[str, object]) -> dict[str, str]:
    """Article id -> group label, for the articles that have a group (in corpus order).

    ``data`` is a Corpus or Article(s); with a mapping ``groups`` it may also
    be a token table (the ids are then its ``article`` values).

    >>> from corpus_tools import Corpus
    >>> c = Corpus.from_texts(["a.", "b.", "c."], ids=["x", "y", "z"], dates=["2023-01-02", None, "2024-05-01"])
    >>> group_labels(c, "date:year")
    {'x': '2023', 'z': '2024'}
    """
    if isinstance(groups, Mapping):
        ids = (list(dict.fromkeys(data["article"].tolist())) if isinstance(data, pd.DataFrame)
               else [a.id for a in as_articles(data)])
        return {i: str(groups[i]) for i in ids if groups.get(i) is not None}
    if isinstance(data, pd.DataFrame):
        raise TypeError("a token table carries no document variables: give groups as a mapping article id -> "
                        "group, e.g. group_labels(corpus, 'source')")
    articles = as_articles(data)
    if isinstance(groups, str):
        known = {*ARTICLE_FIELDS, *(k for a in articles for k in a.meta)}
        if articles and not groups.startswith("date:") and groups not in known:
            raise KeyError(f"no document variable {groups!r}; known: {sorted(known)}")
        values = {a.id: a.variable(groups) for a in articles}
    elif callable(groups):
        values = {a.id: groups(a) for a in articles}
    else:
        raise TypeError(f"groups must be a variable name, a function of an Article or a mapping, "
                        f"not {type(groups).__name__}")
    return {i: str(v) for i, v in values.items() if v is not None}
