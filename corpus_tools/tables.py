"""Derived tables the report notebooks show, built from the core's tables.

Each function is one analysis step a notebook calls: distinctive terms per
article, a term-by-article matrix, the size of every block, section and
sentence, where terms occur, and (until the dedicated collocations module
offers more) association scores from NLTK's collocation finders.

All tables come in a stable order (documented per function), so that the
CSVs a report writes are byte-identical from run to run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from corpus_tools.corpus import Article, Corpus
from corpus_tools.tokenize import is_word, iter_tokens

__all__ = [
    "ASSOCIATION_MEASURES",
    "association_table",
    "block_lengths",
    "distinctive_terms",
    "heading_positions",
    "section_summary",
    "sentence_lengths",
    "term_article_matrix",
    "term_positions",
    "trace_terms",
]

#: NLTK association measures that exist for bigrams and trigrams alike.
ASSOCIATION_MEASURES = ("pmi", "likelihood_ratio", "student_t", "chi_sq", "poisson_stirling", "jaccard")


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


def section_summary(data: Corpus | Article | Iterable[Article]) -> pd.DataFrame:
    """One row per section: its heading, paragraphs, sentences, words.

    Section 0 is the lead (heading ``""``); a heading's own words count in its
    section.  ``mean_sentence_words`` = words / sentences.

    >>> from corpus_tools import Corpus
    >>> section_summary(Corpus.from_texts(["Lead one. Two.\\n\\nA Heading\\n\\nBody text here."]))[
    ...     ["section", "heading", "paragraphs", "sentences", "words"]].values.tolist()
    [[0, '', 1, 2, 3], [1, 'A Heading', 1, 2, 5]]
    """
    blocks = block_lengths(data)
    headings = {(a.id, s): h.text for a in _articles(data) for s, h in enumerate(a.headings, start=1)}
    rows = []
    for (art, section), g in blocks.groupby(["article", "section"], sort=False):
        n_sent, n_words = int(g["sentences"].sum()), int(g["words"].sum())
        rows.append((art, section, headings.get((art, section), ""), int((g["kind"] == "paragraph").sum()),
                     n_sent, n_words, n_words / n_sent if n_sent else float("nan")))
    return pd.DataFrame(rows, columns=["article", "section", "heading", "paragraphs", "sentences", "words",
                                       "mean_sentence_words"])


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


def heading_positions(article: Article) -> list[int]:
    """Token position of the first token of every heading of ``article``.

    >>> from corpus_tools import Article
    >>> heading_positions(Article.from_text("Lead here.\\n\\nA Heading\\n\\nBody.", id="a"))
    [3]
    """
    seen: dict[int, int] = {}
    for tok in iter_tokens(article):
        if tok.block_kind == "heading":
            seen.setdefault(tok.block, tok.position)
    return list(seen.values())


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


def association_table(toks: pd.DataFrame, n: int = 2, measure: str = "likelihood_ratio", window: int | None = None,
                      min_count: int = 2, column: str = "norm") -> pd.DataFrame:
    """Bigrams or trigrams scored by every NLTK association measure.

    NLTK's ``BigramCollocationFinder``/``TrigramCollocationFinder`` count the
    n-grams; each sentence is fed separately (padded with ``None``, which the
    finders skip) so no n-gram crosses a sentence boundary.  N-grams are
    counted over the kept tokens of a sentence: a token removed by filtering
    (a stopword) does not break them.

    Parameters
    ----------
    toks : token table
    n : {2, 3}
    measure : str
        One of :data:`ASSOCIATION_MEASURES`; sorts the table (descending, ties
        by n-gram ascending).
    window : int, optional
        Bigrams only: count pairs within ``window`` tokens (NLTK's
        ``window_size``); default adjacent pairs.
    min_count : int
        NLTK's ``apply_freq_filter``.

    Returns
    -------
    DataFrame
        ``ngram`` (words joined by spaces), ``count``, one column per measure.
    """
    from nltk.collocations import BigramCollocationFinder, TrigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures, TrigramAssocMeasures

    if n not in (2, 3):
        raise ValueError(f"n must be 2 or 3, not {n!r}")
    if measure not in ASSOCIATION_MEASURES:
        raise ValueError(f"unknown association measure {measure!r}; choose one of {', '.join(ASSOCIATION_MEASURES)}")
    size = n if window is None else window
    if size < n or (n == 3 and window is not None):
        raise ValueError(f"window must be >= 2 and applies to bigrams only, not {window!r} for n={n}")
    words: list[str | None] = []
    for _, sent in toks.groupby(["article", "sentence"], sort=False):
        words.extend(sent[column].tolist())
        words.extend([None] * (size - 1))  # a pad run as long as the window: nothing spans sentences
    finder_cls, measures = ((BigramCollocationFinder, BigramAssocMeasures) if n == 2
                            else (TrigramCollocationFinder, TrigramAssocMeasures))
    finder = finder_cls.from_words(words, size) if n == 2 else finder_cls.from_words(words)
    finder.apply_freq_filter(min_count)
    grams = sorted(finder.ngram_fd)
    table = pd.DataFrame({"ngram": [" ".join(g) for g in grams],
                          "count": [finder.ngram_fd[g] for g in grams]}, dtype=object).astype({"count": "int64"})
    for m in ASSOCIATION_MEASURES:
        scores = dict(finder.score_ngrams(getattr(measures, m)))
        table[m] = [float(scores[g]) for g in grams]
    return table.sort_values([measure, "ngram"], ascending=[False, True], kind="mergesort").reset_index(drop=True)
