"""Derived tables the report notebooks show, built from the core's tables.

Each function is one analysis step a notebook calls: distinctive terms per
article, keywords of each article against the rest, a term-by-article
matrix, the size of every block and sentence, where terms occur, and
concordance lines for several queries at once.  (Sections, quotations and
dispersion come from :mod:`corpus_tools.structure` and its neighbours.)

All tables come in a stable order (documented per function), so that the
CSVs a report writes are byte-identical from run to run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from corpus_tools.concordance import KWIC_COLUMNS, kwic
from corpus_tools.corpus import Article, Corpus, as_articles
from corpus_tools.frequency import as_token_table
from corpus_tools.keyness import keyness
from corpus_tools.tokenize import is_word, iter_tokens

__all__ = [
    "block_lengths",
    "distinctive_terms",
    "keywords_by_article",
    "kwic_lines",
    "sentence_lengths",
    "term_article_matrix",
    "term_positions",
    "trace_terms",
]

def _articles(data: Corpus | Article | Iterable[Article]) -> list[Article]:
    return [data] if isinstance(data, Article) else list(data)


def distinctive_terms(freq_by_article: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The ``n`` terms with the highest tf-idf in each article.

    ``freq_by_article`` is ``frequency_table(..., by_article=True)``.  Rows are
    in article order (as in the input), then tf-idf descending, then term
    ascending; ``rank`` restarts at 1 for every article.

    Examples
    --------
    >>> from corpus_tools import Corpus, frequency_table
    >>> f = frequency_table(Corpus.from_texts(["cat cat dog", "dog eel"]), by_article=True)
    >>> distinctive_terms(f, n=1)[["article", "term"]].values.tolist()
    [['0', 'cat'], ['1', 'eel']]
    """
    if n < 1:
        raise ValueError(f"n must be >= 1, not {n}")
    order = {a: i for i, a in enumerate(dict.fromkeys(freq_by_article["article"]))}
    df = freq_by_article.assign(_order=freq_by_article["article"].map(order))
    df = df.sort_values(["_order", "tfidf", "term"], ascending=[True, False, True], kind="mergesort")
    df = df.groupby("_order", sort=False).head(n).drop(columns=["_order", "rank"]).reset_index(drop=True)
    df["rank"] = df.groupby("article", sort=False).cumcount() + 1
    return df[["article", "rank", "term", "count", "tfidf"]]


def term_article_matrix(freq_by_article: pd.DataFrame, terms: Sequence[str] | None = None,
                        value: str = "tfidf") -> pd.DataFrame:
    """Terms (rows) by articles (columns) of ``value``; 0 where a term is absent.

    ``terms`` default: every term of ``freq_by_article``, in first-seen
    order.  Columns keep the article order of the input.

    >>> from corpus_tools import Corpus, frequency_table
    >>> f = frequency_table(Corpus.from_texts(["cat cat dog", "dog"]), by_article=True)
    >>> term_article_matrix(f, ["cat", "dog"], value="count").values.tolist()
    [[2, 0], [1, 1]]
    """
    articles = list(dict.fromkeys(freq_by_article["article"]))
    terms = list(dict.fromkeys(freq_by_article["term"])) if terms is None else list(terms)
    wide = freq_by_article.pivot(index="term", columns="article", values=value)
    return wide.reindex(index=terms, columns=articles).fillna(0).astype(freq_by_article[value].dtype)


def block_lengths(data: Corpus | Article | Iterable[Article]) -> pd.DataFrame:
    """One row per block: article, block, kind, section, words, sentences.

    ``words`` counts word tokens (see :func:`~corpus_tools.is_word`),
    ``section`` follows :class:`~corpus_tools.Token` (a heading opens the next
    section; the lead is 0).

    >>> from corpus_tools import Corpus
    >>> block_lengths(Corpus.from_texts(["Lead one. Two.\\n\\nA Heading\\n\\nBody text here."]))[
    ...     ["kind", "section", "words", "sentences"]].values.tolist()
    [['paragraph', 0, 3, 2], ['heading', 1, 2, 1], ['paragraph', 1, 3, 1]]
    """
    rows = []
    for article in _articles(data):
        words: dict[int, int] = {}
        sentences: dict[int, set[int]] = {}
        for tok in iter_tokens(article):
            words[tok.block] = words.get(tok.block, 0) + is_word(tok.text)
            sentences.setdefault(tok.block, set()).add(tok.sentence)
        section = 0
        for b in article.blocks:
            section += b.kind == "heading"
            rows.append((article.id, b.index, b.kind, section, words.get(b.index, 0), len(sentences.get(b.index, ()))))
    return pd.DataFrame(rows, columns=["article", "block", "kind", "section", "words", "sentences"])


def sentence_lengths(data: Corpus | Article | Iterable[Article]) -> pd.DataFrame:
    """One row per sentence: article, section, block, sentence, words.

    >>> from corpus_tools import Corpus
    >>> sentence_lengths(Corpus.from_texts(["One two. Three."]))["words"].tolist()
    [2, 1]
    """
    rows: dict[tuple, int] = {}
    for article in _articles(data):
        for tok in iter_tokens(article):
            key = (article.id, tok.section, tok.block, tok.sentence)
            rows[key] = rows.get(key, 0) + is_word(tok.text)
    return pd.DataFrame([(*k, v) for k, v in rows.items()],
                        columns=["article", "section", "block", "sentence", "words"])


def term_positions(toks: pd.DataFrame, terms: Sequence[str], column: str = "norm") -> pd.DataFrame:
    """Rows of a token table whose ``column`` is one of ``terms``.

    Columns: article, term, position, section, block; in token order.
    """
    hits = toks[toks[column].isin(list(terms))]
    return pd.DataFrame({"article": hits["article"].to_numpy(), "term": hits[column].to_numpy(),
                         "position": hits["position"].to_numpy(), "section": hits["section"].to_numpy(),
                         "block": hits["block"].to_numpy()})


def trace_terms(toks: pd.DataFrame, terms: str | Sequence[str] | None = None, n: int = 5,
                lowercase: bool = True, column: str = "norm") -> list[str]:
    """The terms to trace through a text: ``terms`` as given, or the top ``n``.

    ``terms`` may be a list or one comma-separated string (handy on a command
    line); they are lower-cased when the token table was (``lowercase``).
    With ``terms`` None, the ``n`` most frequent terms of ``toks`` (count
    descending, then alphabetical) are taken.

    >>> from corpus_tools import Corpus, tokens
    >>> t = tokens(Corpus.from_texts(["b a b c"]))
    >>> trace_terms(t, n=2), trace_terms(t, "B, c")
    (['b', 'a'], ['b', 'c'])
    """
    from corpus_tools.frequency import frequency_table

    if terms is None:
        return frequency_table(toks, column=column)["term"].head(n).tolist()
    if isinstance(terms, str):
        terms = terms.split(",")
    cleaned = [str(t).strip() for t in terms if str(t).strip()]
    return list(dict.fromkeys(t.lower() if lowercase else t for t in cleaned))


def keywords_by_article(toks: pd.DataFrame, n: int = 10, measure: str = "g2", min_freq: int = 1) -> pd.DataFrame:
    """The ``n`` most over-used words of each article against the rest of the corpus.

    One :func:`~corpus_tools.keyness` call per article (target: the article,
    reference: all other articles), keeping over-used words only, in
    keyness order; an ``article`` column first, articles in corpus order.
    Needs two or more articles.

    >>> from corpus_tools import Corpus, tokens
    >>> t = tokens(Corpus.from_texts(["war war war peace", "peace peace talks"], ids=["a", "b"]))
    >>> keywords_by_article(t, n=1)[["article", "term", "freq_target", "direction"]].values.tolist()
    [['a', 'war', 3, 'over'], ['b', 'talks', 1, 'over']]
    """
    articles = list(dict.fromkeys(toks["article"].tolist()))
    if len(articles) < 2:
        raise ValueError(f"keywords need at least two articles to compare, not {len(articles)}")
    parts = [keyness(toks, art, measure=measure, min_freq=min_freq, direction="over").head(n)
             .assign(article=art) for art in articles]
    table = pd.concat(parts, ignore_index=True)
    return table[["article", *[c for c in table.columns if c != "article"]]]


def kwic_lines(data, queries: Sequence[str], window: int = 5, **options) -> pd.DataFrame:
    """:func:`~corpus_tools.kwic` lines of several queries, one table.

    A ``query`` column comes first; queries in the given order, each query's
    lines in text order.  ``options`` go to :func:`~corpus_tools.kwic`.

    >>> from corpus_tools import Corpus
    >>> lines = kwic_lines(Corpus.from_texts(["New York is big. I like York."]), ["new york", "york"], window=2)
    >>> lines[["query", "left", "match", "right"]].values.tolist()
    [['new york', '', 'New York', 'is big'], ['york', 'New', 'York', 'is big'], ['york', 'I like', 'York', '.']]
    """
    if not isinstance(data, pd.DataFrame) and "tokens" not in options:
        data = as_articles(data)  # an iterator would be used up by the first query
        options["tokens"] = as_token_table(data, words_only=False)  # one tokenisation for all queries
    parts = [kwic(data, q, window, **options).assign(query=q) for q in queries]
    if not parts:
        return pd.DataFrame(columns=["query", *KWIC_COLUMNS])
    return pd.concat(parts, ignore_index=True)[["query", *KWIC_COLUMNS]]
