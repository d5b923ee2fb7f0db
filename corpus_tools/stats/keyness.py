"""Keyness: words unusually frequent (or rare) in a target compared with a reference.

For each word, a 2x2 table: its frequency ``a`` in the target (``c``
tokens) and ``b`` in the reference (``d`` tokens)::

                 target   reference
    word            a         b
    other words   c - a     d - b

* ``g2``: log-likelihood G2 of the whole 2x2 table (Dunning 1993; the
  "4-term" log-likelihood of AntConc, quanteda's ``"lr"`` uncorrected),
  computed by NLTK's ``BigramAssocMeasures.likelihood_ratio``;
* ``chi2``: Pearson's chi-square of the same table without Yates'
  correction (NLTK's ``BigramAssocMeasures.chi_sq``);
* ``g2_p``, ``chi2_p``: their p-values, chi-square with 1 degree of freedom
  (:func:`corpus_tools.stats.measures.chi2_p_value`), optionally Bonferroni-corrected;
* ``log_ratio``: ``log2((a / c) / (b / d))`` (Hardie 2014), a zero
  frequency replaced by 0.5 (:data:`corpus_tools.stats.measures.LOG_RATIO_ZERO`);
* ``pct_diff``: %DIFF = ``100 * (a / c - b / d) / (b / d)`` (Gabrielatos &
  Marchi 2012); with a zero reference frequency it is infinite (``inf``,
  so it sorts first), not the huge finite number their 1e-18 stand-in gives;
* ``direction``: ``"over"`` (relatively more frequent in the target),
  ``"under"`` or ``"equal"``;
* ``note``: what a reader must know to read the row: ``"absent from the
  reference: %DIFF infinite, log ratio with 0.5 for 0"`` or ``"absent from
  the target: log ratio with 0.5 for 0"`` (empty otherwise).

Dunning, T. (1993). Accurate methods for the statistics of surprise and
coincidence. *Computational Linguistics* 19(1).  Hardie, A. (2014). Log
Ratio - an informal introduction. CASS blog.  Gabrielatos, C. & Marchi, A.
(2012). Keyness: appropriate metrics and practical issues. CADS
International Conference, Bologna.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

import pandas as pd
from nltk.metrics import BigramAssocMeasures

from corpus_tools.model.checks import check_counts, reject_table
from corpus_tools.model.corpus import Article
from corpus_tools.model.dates import parse_date
from corpus_tools.stats.frequency import PER
from corpus_tools.stats.groups import group_labels
from corpus_tools.stats.measures import LOG_RATIO_ZERO, chi2_p_value
from corpus_tools.tokens.table import as_token_table
from corpus_tools.tokens.tokenize import TokenOptions

__all__ = [
    "PCT_DIFF_ZERO",
    "dated",
    "keyness_table",
    "keyness_scores",
    "keyword_table",
]

#: %DIFF of a word absent from the reference: infinite (Gabrielatos & Marchi's 1e-18 stand-in would print 1e+20).
PCT_DIFF_ZERO = math.inf

#: The ``note`` of a word absent from the reference, or from the target.
NOTE_NO_REFERENCE = "absent from the reference: %DIFF infinite, log ratio with 0.5 for 0"
NOTE_NO_TARGET = "absent from the target: log ratio with 0.5 for 0"

KEYNESS_MEASURES = ("g2", "chi2", "log_ratio", "pct_diff")
_ALIASES = {"likelihood_ratio": "g2", "ll": "g2", "log_likelihood": "g2", "chi_sq": "chi2", "%diff": "pct_diff"}
COLUMNS = ["term", "freq_target", "freq_reference", "per_10k_target", "per_10k_reference", "g2", "g2_p",
           "chi2", "chi2_p", "log_ratio", "pct_diff", "direction", "note"]


def keyness_scores(a: int, b: int, c: int, d: int) -> dict:
    """All keyness statistics of one word: ``a`` of ``c`` target tokens, ``b`` of ``d`` reference tokens.

    >>> s = keyness_scores(10, 10, 100, 1000)
    >>> round(s["log_ratio"], 6), round(s["pct_diff"], 6), s["direction"]
    (3.321928, 900.0, 'over')
    >>> keyness_scores(3, 0, 100, 1000)["pct_diff"]
    inf
    """
    if c <= 0 or d <= 0:
        raise ValueError(f"target and reference must both hold tokens (sizes {c} and {d})")
    marginals = (a, (a + b, c), c + d)  # n_ii = a, n_ix = word total, n_xi = target size, N
    g2 = BigramAssocMeasures.likelihood_ratio(*marginals)
    try:
        chi2 = BigramAssocMeasures.chi_sq(*marginals)
    except ZeroDivisionError:  # the word is every token of both: no variation, no evidence
        chi2 = 0.0
    rel_t, rel_r = a / c, b / d
    log_ratio = math.log2(((a or LOG_RATIO_ZERO) / c) / ((b or LOG_RATIO_ZERO) / d))
    pct_diff = 100 * (rel_t - rel_r) / rel_r if rel_r else PCT_DIFF_ZERO if rel_t else math.nan
    direction = "over" if rel_t > rel_r else "under" if rel_t < rel_r else "equal"
    note = NOTE_NO_REFERENCE if b == 0 else NOTE_NO_TARGET if a == 0 else ""
    return {"g2": g2, "g2_p": chi2_p_value(g2), "chi2": chi2, "chi2_p": chi2_p_value(chi2),
            "log_ratio": log_ratio, "pct_diff": pct_diff, "direction": direction, "note": note}


def dated(start: dt.date | str | None = None, end: dt.date | str | None = None) -> Callable[[Article], bool]:
    """A target predicate: articles dated within ``[start, end]`` (inclusive; undated ones never).

    >>> from corpus_tools import Corpus
    >>> c = Corpus.from_texts(["a.", "b."], ids=["x", "y"], dates=["2023-01-01", "2023-02-01"])
    >>> [a.id for a in c if dated("2023-01-15")(a)]
    ['y']
    """
    lo = parse_date(start) if isinstance(start, str) else start
    hi = parse_date(end) if isinstance(end, str) else end

    def inside(article: Article) -> bool:
        d = article.date
        return d is not None and (lo is None or d >= lo) and (hi is None or d <= hi)

    return inside


def _target_ids(data, target) -> list[str]:
    if isinstance(data, pd.DataFrame):
        known = list(dict.fromkeys(data["article"].tolist()))
        if callable(target):
            raise TypeError("a predicate target needs a Corpus (articles with metadata), not a token table")
    else:
        articles = [data] if isinstance(data, Article) else list(data)
        known = [a.id for a in articles]
        if callable(target):
            return [a.id for a in articles if target(a)]
    wanted = [target] if isinstance(target, (str, Article)) else list(target)
    wanted = [t.id if isinstance(t, Article) else t for t in wanted]
    known_set = set(known)
    missing = [t for t in wanted if t not in known_set]
    if missing:
        raise ValueError(f"target article id(s) not in the corpus: {missing[:10]}")
    return wanted


def keyness_table(
    data,
    target: str | Iterable[str] | Article | Callable[[Article], bool] | None = None,
    reference=None,
    *,
    groups: str | Callable[[Article], object] | Mapping[str, object] | None = None,
    measure: str = "g2",
    min_count: int = 1,
    bonferroni: bool = False,
    direction: str = "both",
    max_p: float | None = None,
    column: str = "norm",
    options: TokenOptions | Mapping[str, object] | None = None,
) -> pd.DataFrame:
    """Keywords of a target against a reference (see the module docstring for the statistics).

    Parameters
    ----------
    data : Corpus, Article or token table
        Where the target comes from.
    target : str, iterable of str, Article, Corpus, callable or None
        An article id, a list of ids, articles of ``data`` (an Article, or a
        Corpus such as ``corpus.filter_dates(...)``), or a predicate on
        :class:`Article` (metadata: ``lambda a: a.meta.get("source") ==
        "bbc"``; dates: :func:`dated`).  None: all of ``data`` (then give a
        ``reference``).
    reference : Corpus, Article, token table, group label(s) or None
        None: the rest of ``data``.  Otherwise another corpus (tokenised
        with the same options), or with ``groups`` a group or list of groups.
    groups : str, callable or mapping, optional
        Compare groups of articles (see :mod:`corpus_tools.stats.groups`):
        ``target`` and ``reference`` are then group labels, e.g.
        ``groups="topic", target="crude", reference="acq"`` (group A
        against group B) or ``groups="date:month", target="2023-03"``
        (one period against all other dated articles).
    measure : {"g2", "chi2", "log_ratio", "pct_diff"}
        Sort key, signed as quanteda's ``textstat_keyness`` orders: words
        over-used in the target first (strongest first), then under-used
        ones (weakest first, so the reference's strongest words come last).
        ``g2`` and ``chi2`` count as negative for under-used words;
        ``log_ratio`` and ``pct_diff`` are signed already.  Ties: target
        frequency (desc), then term (asc).
    min_count : int
        Keep words with ``a + b >= min_count``.
    bonferroni : bool
        Multiply ``g2_p`` and ``chi2_p`` by the number of words tested
        (those passing ``min_count``), capped at 1.
    direction : {"both", "over", "under"}
        Keep over-used words, under-used words, or both.
    max_p : float, optional
        Keep words with ``g2_p <= max_p`` (after any correction).
    column, options
        Token-table column and token options (see :class:`TokenOptions`).

    Returns
    -------
    pandas.DataFrame
        ``term``, ``freq_target``, ``freq_reference``, ``per_10k_target``,
        ``per_10k_reference``, ``g2``, ``g2_p``, ``chi2``, ``chi2_p``,
        ``log_ratio``, ``pct_diff``, ``direction``, ``note``; ``attrs``
        records the target and reference sizes, the number of tests and
        the two sides' names for plots (``target_label``,
        ``reference_label``: the group labels, else "target" and
        "reference").

    Examples
    --------
    >>> from corpus_tools import Corpus
    >>> c = Corpus.from_texts(["war war war peace", "peace peace talks"], ids=["a", "b"])
    >>> keyness_table(c, "a")[["term", "freq_target", "freq_reference", "direction"]].values.tolist()
    [['war', 3, 0, 'over'], ['peace', 1, 2, 'under'], ['talks', 0, 1, 'under']]
    """
    check_counts(min_count=min_count)
    reject_table(target, "target", "the second positional argument is target (which articles of data); "
                 "to compare against another token table or corpus, pass it as reference=")
    measure = _ALIASES.get(str(measure).lower(), str(measure).lower())
    if measure not in KEYNESS_MEASURES:
        raise ValueError(f"unknown keyness measure {measure!r}; choose one of {list(KEYNESS_MEASURES)}")
    if direction not in ("both", "over", "under"):
        raise ValueError(f"direction must be 'both', 'over' or 'under', not {direction!r}")
    if not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count must be an integer >= 1, not {min_count!r}")
    if max_p is not None and not 0 <= max_p <= 1:
        raise ValueError(f"max_p must be within [0, 1], not {max_p!r}")
    rest_ids, labels = None, ("target", "reference")
    if groups is not None:
        labels = (_label(target), "other groups" if reference is None else _label(reference))
        target, rest_ids = _group_selection(data, groups, target, reference)
        reference = None
    toks = as_token_table(data, options)
    if target is None:
        if reference is None:
            raise ValueError("give a target (article id(s) or a predicate) or a reference corpus")
        target_toks = toks
    else:
        ids = set(_target_ids(data, target))
        if not ids:
            raise ValueError("the target selects no article of the corpus")
        inside = toks["article"].isin(ids)
        target_toks = toks[inside]
        if rest_ids is not None:
            reference_toks = toks[toks["article"].isin(set(rest_ids))]
        elif reference is None:
            if inside.all():
                raise ValueError("the target is the whole corpus: the rest is empty; give a reference corpus")
            reference_toks = toks[~inside]
    if reference is not None:
        reference_toks = as_token_table(reference, options)
    freq_t, freq_r = Counter(target_toks[column].tolist()), Counter(reference_toks[column].tolist())
    df = _keyness_from_counts(freq_t, freq_r, freq_t.keys() | freq_r.keys(), measure=measure, min_count=min_count,
                              bonferroni=bonferroni, direction=direction, max_p=max_p)
    df.attrs.update(target_label=labels[0], reference_label=labels[1])
    return df


def _keyness_from_counts(freq_t: Mapping[str, int], freq_r: Mapping[str, int], terms: Iterable[str], *,
                         measure: str, min_count: int, bonferroni: bool, direction: str, max_p: float | None,
                         target_tokens: int | None = None, reference_tokens: int | None = None) -> pd.DataFrame:
    """Score ``terms`` from target and reference counts, filter and sort: the one scoring path.

    ``keyness_table`` passes every term of either side; ``keyword_table``
    passes only the article's own terms (a word the target never uses
    cannot be over-used), with the side sizes given.
    """
    c = sum(freq_t.values()) if target_tokens is None else target_tokens
    d = sum(freq_r.values()) if reference_tokens is None else reference_tokens
    if c == 0 or d == 0:
        raise ValueError(f"the {'target' if c == 0 else 'reference'} holds no tokens; nothing to compare")
    rows = []
    for term in sorted(terms):
        a, b = freq_t.get(term, 0), freq_r.get(term, 0)
        if a + b >= min_count:
            rows.append({"term": term, "freq_target": a, "freq_reference": b, "per_10k_target": a / c * PER,
                         "per_10k_reference": b / d * PER, **keyness_scores(a, b, c, d)})
    df = pd.DataFrame(rows, columns=COLUMNS).astype(
        {"term": object, "freq_target": "int64", "freq_reference": "int64", "direction": object, "note": object} |
        {col: "float64" for col in COLUMNS[3:-2]})
    tests = len(df)
    if bonferroni:
        for col in ("g2_p", "chi2_p"):
            df[col] = (df[col] * tests).clip(upper=1.0)
    if direction != "both":
        df = df[df["direction"] == direction]
    if max_p is not None:
        df = df[df["g2_p"] <= max_p]
    signed = df[measure].where(df["direction"] != "under", -df[measure]) if measure in ("g2", "chi2") else df[measure]
    df = df.assign(_key=signed).sort_values(["_key", "freq_target", "term"], ascending=[False, False, True],
                                            kind="mergesort").drop(columns="_key").reset_index(drop=True)
    df.attrs.update(target_tokens=c, reference_tokens=d, tests=tests, bonferroni=bonferroni,
                    target_label="target", reference_label="reference")
    return df


def _label(groups) -> str:
    return groups if isinstance(groups, str) else " + ".join(map(str, groups))


def _group_selection(data, groups, target, reference):
    """Target ids and reference (ids or the rest) from group labels."""
    if target is None:
        raise ValueError("with groups, give the target group (a label or a list of labels)")
    labels = group_labels(data, groups)
    known = sorted(set(labels.values()))

    def ids_of(wanted, role):
        wanted = [wanted] if isinstance(wanted, str) else [str(w) for w in wanted]
        missing = [w for w in wanted if w not in known]
        if missing:
            raise ValueError(f"{role} group(s) {missing} not among the groups {known[:20]}")
        return [i for i, g in labels.items() if g in wanted]

    target_ids = ids_of(target, "target")
    if reference is None:  # the other groups (articles outside every group, e.g. undated ones, are left out)
        rest = [i for i, g in labels.items() if i not in set(target_ids)]
    else:
        rest = ids_of(reference, "reference")
    if not rest:
        raise ValueError(f"the target is every group: the reference is empty (groups: {known[:20]})")
    overlap = set(target_ids) & set(rest)
    if overlap:
        raise ValueError(f"target and reference groups share articles: {sorted(overlap)[:10]}")
    return target_ids, rest


def keyword_table(toks: pd.DataFrame, top: int = 10, measure: str = "g2", min_count: int = 1) -> pd.DataFrame:
    """The ``top`` most over-used words of each article against the rest of the corpus.

    For each article, :func:`~corpus_tools.stats.keyness_table`'s statistics with
    the article as target and all other articles as reference, keeping
    over-used words only, in keyness order; an ``article`` column first,
    articles in corpus order.  The corpus is counted once (linear in its
    size), not once per article.  Needs two or more articles.

    >>> from corpus_tools import Corpus
    >>> from corpus_tools.tokens import token_table
    >>> t = token_table(Corpus.from_texts(["war war war peace", "peace peace talks"], ids=["a", "b"]))
    >>> keyword_table(t, top=1)[["article", "term", "freq_target", "direction"]].values.tolist()
    [['a', 'war', 3, 'over'], ['b', 'talks', 1, 'over']]
    """
    check_counts(top=top, min_count=min_count)
    measure = _ALIASES.get(str(measure).lower(), str(measure).lower())
    if measure not in KEYNESS_MEASURES:
        raise ValueError(f"unknown keyness measure {measure!r}; choose one of {list(KEYNESS_MEASURES)}")
    if not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count must be an integer >= 1, not {min_count!r}")
    articles = list(dict.fromkeys(toks["article"].tolist()))
    if len(articles) < 2:
        raise ValueError(f"keywords need at least two articles to compare, not {len(articles)}")
    # Count once: per-article counts and corpus totals; each article's reference
    # is the totals minus the article.  (One keyness_table call per article
    # recounted the whole corpus each time: quadratic in articles.)
    per_article = toks.groupby(["article", "norm"], sort=False).size()
    totals = Counter(toks["norm"].tolist())
    sizes = toks.groupby("article", sort=False).size()
    n_all = len(toks)
    parts = []
    for art in articles:
        own = per_article.loc[art]
        freq_t = dict(zip(own.index.tolist(), own.tolist(), strict=True))
        freq_r = {term: totals[term] - count for term, count in freq_t.items()}
        c = int(sizes.loc[art])
        if n_all - c == 0:
            raise ValueError("the reference holds no tokens; nothing to compare")
        part = _keyness_from_counts(freq_t, freq_r, freq_t.keys(), measure=measure, min_count=min_count,
                                    bonferroni=False, direction="over", max_p=None,
                                    target_tokens=c, reference_tokens=n_all - c)
        parts.append(part.head(top).assign(article=art))
    table = pd.concat(parts, ignore_index=True)
    return table[["article", *[c for c in table.columns if c != "article"]]]
