"""Collocations (n = 2, 3) and AntConc-style collocates of a node, scored by association measures.

Counting is :func:`corpus_tools.stats.counts.count_ngrams`; scoring
(:func:`ngram_score_table`) turns any :class:`~corpus_tools.stats.counts.NgramCounts`
into a table, with NLTK's measure functions (and those of
:mod:`corpus_tools.stats.measures`) applied to NLTK's marginals.

Tables are sorted by the chosen measure (descending), then raw count
(descending), then the n-gram / collocate (ascending, by code point); NaN
scores come last.  Two runs give byte-identical tables.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

import pandas as pd

from corpus_tools.model.checks import check_counts
from corpus_tools.stats.concordance import phrase_hits, query_tokens
from corpus_tools.stats.cooccurrence_queries import query_collocate_counts, query_ngram_counts
from corpus_tools.stats.counts import BOUNDARIES, CollocateCounts, NgramCounts, count_ngrams, counts_by_article
from corpus_tools.stats.measures import BIGRAM_MEASURES, TRIGRAM_MEASURES, log_dice, resolve_measure, score_marginals
from corpus_tools.tokens.dataset import TokenDataset
from corpus_tools.tokens.table import as_token_table
from corpus_tools.tokens.tokenize import TokenOptions, is_word

__all__ = ["DIRECTIONS", "RYCHLY_MEASURES", "collocate_table", "collocation_table", "ngram_score_table"]

_WORD_COLS = {2: ["w1", "w2"], 3: ["w1", "w2", "w3"]}
_MARGINAL_COLS = {2: ["f_w1", "f_w2"], 3: ["f_w1", "f_w2", "f_w3", "f_w1w2", "f_w1_w3", "f_w2w3"]}


def _measure_names(n: int, measure: str, measures) -> tuple[str, list[str]]:
    table = BIGRAM_MEASURES if n == 2 else TRIGRAM_MEASURES
    key = resolve_measure(measure, n)
    chosen = list(table) if measures is None else [resolve_measure(m, n) for m in measures]
    if key not in chosen:
        chosen.append(key)
    return key, chosen


def _check_min(name: str, value) -> None:
    if not isinstance(value, int) or value < 1:
        raise ValueError(f"{name} must be an integer >= 1, not {value!r}")


def _score(fn, marginals) -> float:
    """One measure; NaN where it is undefined for this table.

    With windows (and in tiny texts) the marginals of NLTK's finders can
    imply a negative "neither word" cell (``N - f(x) - f(y) + n_ii < 0``,
    e.g. "war war war"), where NLTK's log-likelihood raises a math domain
    error; such a score is reported as NaN instead of stopping the run.
    """
    try:
        return fn(*marginals)
    except (ValueError, ZeroDivisionError):
        return math.nan


def _sort(df: pd.DataFrame, measure: str, key: str) -> pd.DataFrame:
    return df.sort_values([measure, "count", key], ascending=[False, False, True], kind="mergesort",
                          na_position="last").reset_index(drop=True)


def ngram_score_table(
    counts: NgramCounts,
    measure: str = "g2",
    *,
    measures: list[str] | None = None,
    min_count: int = 1,
    min_word_count: int = 1,
) -> pd.DataFrame:
    """Score every n-gram of ``counts`` by association measures.

    The marginals are NLTK's (``score_ngram`` of its finders): for pairs,
    ``n_ii = count / (window_size - 1)`` (Church & Hanks 1990 scaling;
    the raw count when adjacent), ``n_ix = f(w1)``, ``n_xi = f(w2)``,
    ``n_xx = N``; for trigrams the count itself, ``(f(w1 w2), f(w1 * w3),
    f(w2 w3))`` and ``(f(w1), f(w2), f(w3))``, where ``f(w1 * w3)`` sums the
    trigrams ``w1 ? w3``.

    Parameters
    ----------
    counts : NgramCounts
    measure : str
        Column to sort by (see :data:`corpus_tools.stats.measures.BIGRAM_MEASURES`
        / ``TRIGRAM_MEASURES``; aliases such as ``"G2"``, ``"MI"``,
        ``"logDice"`` are accepted).
    measures : list of str, optional
        Measures to compute (default: all for this n).
    min_count : int
        Drop n-grams seen fewer times (raw count; NLTK's
        ``apply_freq_filter``).
    min_word_count : int
        Drop n-grams with a word seen fewer times in all.

    Returns
    -------
    pandas.DataFrame
        ``ngram`` (words joined by a space), ``w1``, ``w2`` (, ``w3``),
        ``count`` (raw), ``observed`` (the ``n_ii`` above), ``expected``
        (``prod(f(w)) / N**(n - 1)``), the marginals ``f_w1``, ``f_w2``
        (trigrams: also ``f_w3``, ``f_w1w2``, ``f_w1_w3``, ``f_w2w3``), then
        one column per measure.

    Examples
    --------
    >>> from corpus_tools import Corpus
    >>> from corpus_tools.stats import count_ngrams
    >>> from corpus_tools.tokens import token_table
    >>> c = count_ngrams(token_table(Corpus.from_texts(["New York. New York. Old York. New shoes."])))
    >>> ngram_score_table(c, "pmi", measures=["pmi"])[["ngram", "count", "expected", "pmi"]].round(3).values.tolist()
    [['new shoes', 1, 0.375, 1.415], ['old york', 1, 0.375, 1.415], ['new york', 2, 1.125, 0.83]]
    """
    check_counts(min_count=min_count, min_word_count=min_word_count)
    n = counts.n
    key, names = _measure_names(n, measure, measures)
    _check_min("min_count", min_count)
    _check_min("min_word_count", min_word_count)
    if min_count < counts.min_count or min_word_count < counts.min_word_count:
        raise ValueError(f"the counts were pruned at min_count={counts.min_count}, min_word_count="
                         f"{counts.min_word_count}: they cannot be scored with min_count={min_count}, "
                         f"min_word_count={min_word_count}")
    words, n_all = counts.words, counts.n_words
    scale = counts.window_size - 1 if n == 2 else 1
    gapped: Mapping = counts.gapped
    if n == 3 and not counts.pruned:  # complete counts: f(w1 * w3) sums the trigrams w1 ? w3
        gapped = Counter()
        for (w1, _, w3), c in counts.ngrams.items():
            gapped[w1, w3] += c
    rows = []
    for gram, count in counts.ngrams.items():
        if count < min_count or any(words.get(w, 0) < min_word_count for w in gram):
            continue
        unigrams = tuple(words.get(w, 0) for w in gram)
        observed = count / scale
        if n == 2:
            marginals = (observed, unigrams, n_all)
            extra = unigrams
        else:
            pairs = (counts.pairs.get(gram[:2], 0), gapped.get((gram[0], gram[2]), 0), counts.pairs.get(gram[1:], 0))
            marginals = (observed, pairs, unigrams, n_all)
            extra = unigrams + pairs
        expected = math.prod(unigrams) / n_all ** (n - 1)
        rows.append((" ".join(gram), *gram, count, observed, expected, *extra, *score_marginals(n, names, marginals)))
    columns = ["ngram", *_WORD_COLS[n], "count", "observed", "expected", *_MARGINAL_COLS[n], *names]
    df = pd.DataFrame(rows, columns=columns)
    df = df.astype({c: "int64" for c in ["count", *_MARGINAL_COLS[n]]} |
                   {c: "float64" for c in ["observed", "expected", *names]} |
                   {c: object for c in ["ngram", *_WORD_COLS[n]]})
    return _sort(df, key, "ngram")


def collocation_table(
    data,
    n: int = 2,
    *,
    span: int | None = None,
    boundary: str = "paragraph",
    measure: str = "g2",
    measures: list[str] | None = None,
    min_count: int = 1,
    min_word_count: int = 1,
    by_article: bool = False,
    column: str = "norm",
    options: TokenOptions | Mapping[str, object] | None = None,
) -> pd.DataFrame:
    """Collocations of a corpus: pairs within a window, or trigrams, scored.

    :func:`count_ngrams` then :func:`ngram_score_table`.  Stopword and
    punctuation filtering and case folding are token options
    (``stopwords="english"``, ``words_only``, ``lowercase``); filtered
    tokens keep their positions, so a pair never jumps over them.

    Parameters
    ----------
    data : token table, Corpus, Article or TokenDataset
        A :class:`~corpus_tools.tokens.dataset.TokenDataset` is counted by
        DuckDB (:func:`~corpus_tools.stats.cooccurrence_queries.query_ngram_counts`),
        n-grams below ``min_count`` / ``min_word_count`` pruned in the query;
        the table is the same.
    n : {2, 3}
    span : int, optional
        Pairs (x, y) with y at most ``span`` token positions after x
        (default 1: adjacent; NLTK's ``window_size`` is ``span + 1``).
        Trigrams: adjacent only.
    boundary : {"paragraph", "sentence", "article"}
        The unit pairs never cross (default: paragraph, i.e. block).
    measure, measures, min_count, min_word_count
        See :func:`ngram_score_table`.
    by_article : bool
        Count and score each article on its own (its own N); an ``article``
        column comes first, articles in corpus order.  An article's rows
        are the same whichever corpus it is in.
    column : str
        Token-table column (``"norm"`` or ``"token"``).
    options : TokenOptions or mapping, optional
        Token options when ``data`` is a corpus or a dataset
        (:meth:`TokenOptions.coerce`; for a dataset, None keeps its own options).

    Examples
    --------
    >>> from corpus_tools import Corpus
    >>> c = Corpus.from_texts(["The White House said. The White House denied it."])
    >>> t = collocation_table(c, measure="logDice", options={"stopwords": "english"})
    >>> t[["ngram", "count", "log_dice"]].values.tolist()[0]
    ['white house', 2, 14.0]
    """
    check_counts(min_count=min_count, min_word_count=min_word_count)
    if span is not None and (not isinstance(span, int) or isinstance(span, bool) or span < 1):
        raise ValueError(f"span must be an integer >= 1, not {span!r}")
    window_size = n if span is None else span + 1  # NLTK's name, kept by the counting layer
    if isinstance(data, TokenDataset):
        _measure_names(n, measure, measures)  # an unknown measure fails before the query runs
        _check_min("min_count", min_count)
        _check_min("min_word_count", min_word_count)
        found = query_ngram_counts(data if options is None else data.with_options(options), n, window_size,
                                   boundary, column, min_count=min_count, min_word_count=min_word_count,
                                   by_article=by_article)
        return _scored(found, by_article, n, window_size, boundary, column, measure, measures, min_count,
                       min_word_count)
    toks = as_token_table(data, options)
    if not by_article:
        counts = count_ngrams(toks, n, window_size, boundary, column)
        return ngram_score_table(counts, measure, measures=measures, min_count=min_count, min_word_count=min_word_count)
    count_ngrams(toks.iloc[:0], n, window_size, boundary, column)  # validate settings even when empty
    return _scored(counts_by_article(toks, n, window_size, boundary, column), True, n, window_size, boundary,
                   column, measure, measures, min_count, min_word_count)


def _scored(counts, by_article: bool, n, window_size, boundary, column, measure, measures, min_count,
            min_word_count) -> pd.DataFrame:
    """The collocation table of ``counts`` (one NgramCounts, or article -> NgramCounts): both paths end here."""
    if not by_article:
        return ngram_score_table(counts, measure, measures=measures, min_count=min_count,
                                 min_word_count=min_word_count)
    tables = [ngram_score_table(c, measure, measures=measures, min_count=min_count, min_word_count=min_word_count)
              .assign(article=art)
              for art, c in counts.items()]
    if not tables:
        empty = NgramCounts(n, window_size, boundary, column)
        tables = [ngram_score_table(empty, measure, measures=measures).assign(article=pd.Series(dtype=object))]
    df = pd.concat(tables, ignore_index=True)
    return df[["article", *[c for c in df.columns if c != "article"]]]


#: The order of :func:`collocate_table`'s ``direction`` blocks: attracted words first.
DIRECTIONS = ("attracted", "independent", "repelled")


def collocate_table(
    data,
    node: str | list[str],
    *,
    span: int | tuple[int, int] = 5,
    boundary: str = "paragraph",
    measure: str = "g2",
    measures: list[str] | None = None,
    min_count: int = 3,
    min_word_count: int = 1,
    repelled: bool = False,
    column: str = "norm",
    options: TokenOptions | Mapping[str, object] | None = None,
) -> pd.DataFrame:
    """Collocates of a node word or phrase in a span (L left, R right), ranked by attraction.

    Counting (Evert 2008, surface co-occurrence; the L/R window of
    Brezina et al. 2015's #LancsBox): a node occurrence is the node's
    tokens at consecutive positions of one boundary unit.  Its window is
    every kept token of the same unit at most ``left`` positions before its
    first token or ``right`` positions after its last (positions count
    filtered tokens too).  The *span* is the union of all windows without
    the node occurrences themselves, so a token within reach of two
    occurrences counts once.  Each collocate ``c`` then has the real
    co-occurrence contingency table of span tokens against the rest::

                         c           not c
        in the span      O11         R1 - O11        R1 = span tokens
        elsewhere        C1 - O11    ...             N - R1
                         C1 = f(c)                   N  = kept tokens

    Scoring: every measure is NLTK's (or :mod:`corpus_tools.stats.measures`')
    on the marginals ``(O11, (R1, C1), N)`` of that table, so ``g2`` and
    ``g2_p`` are Dunning's log-likelihood test of it (1 degree of freedom)
    and ``expected`` is ``E11 = R1 C1 / N``; no count is scaled by the span
    width.  Two exceptions follow their authors: ``dice`` and ``log_dice``
    are Rychlý's (2008) ``2 O11 / (f(node) + C1)`` with the node's
    frequency, as Sketch Engine and #LancsBox compute them.

    Ranking is one-sided (Evert 2008 on one-sided association): a collocate
    is ``"attracted"`` when ``O11 > E11``, ``"repelled"`` when ``O11 <
    E11``.  Only attracted collocates are kept unless ``repelled=True``;
    then the rows come in ``direction`` blocks (attracted, independent,
    repelled), each sorted by the measure (descending, NaN last), then
    ``count`` (descending), then the collocate (ascending, by code point).

    Evert, S. (2008). Corpora and collocations. In A. Lüdeling & M. Kytö
    (eds.), *Corpus Linguistics. An International Handbook*, art. 58,
    1212-1248. Mouton de Gruyter.  Brezina, V., McEnery, T. & Wattam, S.
    (2015). Collocations in context: a new perspective on collocation
    networks. *International Journal of Corpus Linguistics* 20(2), 139-173.
    Rychlý, P. (2008). A lexicographer-friendly association score. *Proc.
    RASLAN 2008*, 6-9.

    Parameters
    ----------
    data : token table, Corpus, Article or TokenDataset
        A :class:`~corpus_tools.tokens.dataset.TokenDataset` is counted by
        DuckDB (:func:`~corpus_tools.stats.cooccurrence_queries.query_collocate_counts`,
        collocates below ``min_count`` / ``min_word_count`` pruned in the
        query); the table is the same.
    node : str or list of str
        A word or a phrase, tokenised as running text
        (:func:`~corpus_tools.stats.concordance.query_tokens`: ``"U.S."``,
        ``"can't"``, ``"$15.6"`` match the tokens the text gives) and
        normalised by the token options (default lower-cased).  With
        ``words_only`` (the default) its punctuation tokens are left out,
        as they are of the table (``"$15.6"`` is the node ``15.6``).
    span : int or (int, int)
        How far a collocate may be from the node, in token positions: one
        number for both sides, or ``(left, right)`` (>= 0, not both 0).
    boundary : {"paragraph", "sentence", "article"}
        The unit windows never cross.
    measure, measures
        Sort measure and measures to compute (see
        :data:`corpus_tools.stats.measures.BIGRAM_MEASURES`; aliases accepted).
    min_count : int
        Smallest co-occurrence count ``O11`` kept (default 3: one or two
        co-occurrences are no evidence of attraction).
    min_word_count : int
        Smallest collocate frequency ``C1`` kept.
    repelled : bool
        Keep the repelled (and independent) collocates too, after the
        attracted ones.
    column : str
        Token-table column (``"norm"`` or ``"token"``).
    options : TokenOptions or mapping, optional
        Token options when ``data`` is a corpus or a dataset (``{"stopwords": "english"}``
        drops function words from the collocates; for a dataset, None keeps its own).  With a token table
        they only normalise the node (give those the table was made with).

    Returns
    -------
    pandas.DataFrame
        ``collocate``, ``count`` (O11), ``count_left``, ``count_right``
        (span tokens of ``c`` before / after an occurrence; a token on both
        sides of two occurrences is in both), ``expected`` (E11),
        ``f_collocate`` (C1), ``span_tokens`` (R1), ``tokens`` (N),
        ``f_node`` (node occurrences), one column per measure, then
        ``direction``.  No hit: no rows, same columns.

    Examples
    --------
    >>> from corpus_tools import Corpus
    >>> c = Corpus.from_texts(["Prime minister Rishi Sunak met the prime minister of Japan."])
    >>> t = collocate_table(c, "prime minister", span=1, measure="pmi", min_count=1)
    >>> t[["collocate", "count_left", "count_right", "span_tokens", "tokens", "direction"]].values.tolist()
    [['of', 0, 1, 3, 10, 'attracted'], ['rishi', 0, 1, 3, 10, 'attracted'], ['the', 1, 0, 3, 10, 'attracted']]
    """
    check_counts(span=span, min_count=min_count, min_word_count=min_word_count)
    is_dataset = isinstance(data, TokenDataset)
    if is_dataset and options is not None:
        data = data.with_options(options)
    opts = data.options if is_dataset else TokenOptions.coerce(options)
    left, right = (span, span) if isinstance(span, int) else tuple(span)
    for name, value in (("left", left), ("right", right)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"{name} must be an integer >= 0, not {value!r}")
    if left + right == 0:
        raise ValueError("span must reach at least one token on one side (it is (0, 0))")
    if boundary not in BOUNDARIES:
        raise ValueError(f"boundary must be one of {sorted(BOUNDARIES)}, not {boundary!r}")
    key, names = _measure_names(2, measure, measures)
    _check_min("min_count", min_count)
    _check_min("min_word_count", min_word_count)
    phrase = _node_tokens(node, opts)
    if is_dataset:
        counts = query_collocate_counts(data, phrase, left, right, boundary, column, min_count=min_count,
                                        min_word_count=min_word_count)
    else:
        toks = as_token_table(data, opts if not isinstance(data, pd.DataFrame) else None)
        counts = _collocate_counts(toks, phrase, left, right, boundary, column)
    return _collocate_scores(counts, key, names, min_count, min_word_count, repelled)


def _collocate_counts(toks: pd.DataFrame, phrase: list[str], left: int, right: int, boundary: str,
                      column: str) -> CollocateCounts:
    """The span counts of ``phrase`` in a token table (the in-memory counting of :func:`collocate_table`)."""
    unit = BOUNDARIES[boundary]
    toks = toks.sort_values(["article", "position"], kind="mergesort")
    keys = list(zip(toks["article"], toks[unit] if unit else [0] * len(toks), strict=True))
    pos, words = toks["position"].tolist(), toks[column].tolist()
    hits = phrase_hits(words, keys, pos, [lambda t, w=w: t == w for w in phrase])
    k = len(phrase)
    node_at = {i + m for i in hits for m in range(k)}
    before: set[int] = set()
    after: set[int] = set()
    for i in hits:
        j = i - 1
        while j >= 0 and keys[j] == keys[i] and pos[i] - pos[j] <= left:
            before.add(j)
            j -= 1
        j, last = i + k, pos[i + k - 1]
        while j < len(words) and keys[j] == keys[i] and pos[j] - last <= right:
            after.add(j)
            j += 1
    before, after = before - node_at, after - node_at
    in_span = Counter(words[j] for j in before | after)
    n_left, n_right = Counter(words[j] for j in before), Counter(words[j] for j in after)
    freq = Counter(words)
    return CollocateCounts({w: (o11, n_left[w], n_right[w], freq[w]) for w, o11 in in_span.items()},
                           span_tokens=len(before | after), tokens=len(words), f_node=len(hits))


def _collocate_scores(counts: CollocateCounts, key: str, names: list[str], min_count: int, min_word_count: int,
                      repelled: bool) -> pd.DataFrame:
    """The collocate table of span counts: the one place its scores, directions and order are made."""
    n_all, r1, f_node = counts.tokens, counts.span_tokens, counts.f_node
    fns = [(m, BIGRAM_MEASURES[m]) for m in names]
    rows = []
    for word, (o11, n_left, n_right, c1) in counts.span.items():
        if o11 < min_count or c1 < min_word_count:
            continue
        marginals = (o11, (r1, c1), n_all)
        expected = r1 * c1 / n_all
        scores = [_score(RYCHLY_MEASURES[m], (o11, (f_node, c1), n_all)) if m in RYCHLY_MEASURES
                  else _score(f, marginals) for m, f in fns]
        direction = DIRECTIONS[0] if o11 > expected else DIRECTIONS[2] if o11 < expected else DIRECTIONS[1]
        if direction != DIRECTIONS[0] and not repelled:
            continue
        rows.append((word, o11, n_left, n_right, expected, c1, r1, n_all, f_node, *scores, direction))
    columns = ["collocate", "count", "count_left", "count_right", "expected", "f_collocate", "span_tokens",
               "tokens", "f_node", *names, "direction"]
    df = pd.DataFrame(rows, columns=columns)
    df = df.astype({c: "int64" for c in ["count", "count_left", "count_right", "f_collocate", "span_tokens",
                                         "tokens", "f_node"]} |
                   {c: "float64" for c in ["expected", *names]} | {"collocate": object, "direction": object})
    block = df["direction"].map({d: i for i, d in enumerate(DIRECTIONS)}).astype("int64")
    df = df.assign(_block=block).sort_values(["_block", key, "count", "collocate"],
                                             ascending=[True, False, False, True], kind="mergesort",
                                             na_position="last")
    return df.drop(columns="_block").reset_index(drop=True)


#: Measures of :func:`collocate_table` computed on the node's frequency rather than the span
#: (Rychlý 2008: ``f_x`` is the headword's frequency): name -> function of ``(O11, (f(node), C1), N)``.
RYCHLY_MEASURES = {"dice": lambda o11, f, n_all: 2 * o11 / sum(f), "log_dice": log_dice}


def _node_tokens(node, opts: TokenOptions) -> list[str]:
    raw = query_tokens(node) if isinstance(node, str) else list(node)
    if not raw:
        raise ValueError(f"node must hold at least one token, not {node!r}")
    if opts.words_only:  # "$15.6" is $ + 15.6: its punctuation is no kept token, the node is its words
        raw = [tok for tok in raw if is_word(tok)] or raw
    out = []
    for tok in raw:
        norm = opts.normalize(tok)
        if norm is None:
            raise ValueError(f"node token {tok!r} is removed by the token options {opts}; it can never match")
        out.append(norm)
    return out
