"""Keyness: words unusually frequent (or rare) in a target compared with a reference.

For each word, a 2x2 table: its frequency ``a`` in the target (``c``
tokens) and ``b`` in the reference (``d`` tokens)::

                 target   reference
    word            a         b
    other words   c - a     d - b

* ``g2``: log-likelihood G2 of the whole 2x2 table (Dunning 1993; the
  "4-term" log-likelihood of AntConc, quanteda's ``"lr"`` uncorrected),
  computed as NLTK's ``BigramAssocMeasures.likelihood_ratio`` computes it
  (:func:`keyness_arrays`: the same operations, vectorised, bit-identical);
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
from collections.abc import Callable, Iterable, Iterator, Mapping

import numpy as np
import pandas as pd

from corpus_tools.model.checks import check_counts, reject_table
from corpus_tools.model.corpus import Article, Corpus
from corpus_tools.model.dates import parse_date
from corpus_tools.stats.frequency import PER
from corpus_tools.stats.groups import group_labels
from corpus_tools.stats.measures import LOG_RATIO_ZERO, chi2_p_value
from corpus_tools.stats.word_queries import iter_keyword_counts, query_group_counts
from corpus_tools.tokens.dataset import TokenDataset
from corpus_tools.tokens.table import as_token_table
from corpus_tools.tokens.tokenize import TokenOptions

__all__ = [
    "PCT_DIFF_ZERO",
    "dated",
    "iter_keyword_table",
    "keyness_arrays",
    "keyness_scores",
    "keyness_table",
    "keyword_table",
]

#: %DIFF of a word absent from the reference: infinite (Gabrielatos & Marchi's 1e-18 stand-in would print 1e+20).
PCT_DIFF_ZERO = math.inf

#: The ``note`` of a word absent from the reference, or from the target.
NOTE_NO_REFERENCE = "absent from the reference: %DIFF infinite, log ratio with 0.5 for 0"
NOTE_NO_TARGET = "absent from the target: log ratio with 0.5 for 0"

KEYNESS_MEASURES = ("g2", "chi2", "log_ratio", "pct_diff")
_ALIASES = {"likelihood_ratio": "g2", "ll": "g2", "log_likelihood": "g2", "chi_sq": "chi2", "%diff": "pct_diff"}
KEYNESS_COLUMNS = ("g2", "g2_p", "chi2", "chi2_p", "log_ratio", "pct_diff", "direction", "note")
COLUMNS = ["term", "freq_target", "freq_reference", "per_10k_target", "per_10k_reference", "g2", "g2_p",
           "chi2", "chi2_p", "log_ratio", "pct_diff", "direction", "note"]


_SMALL = 1e-20  # NLTK's guard against log(0) and division by 0 in likelihood_ratio
_EXACT = 2**26  # below this many tokens every integer product here is exact in int64 and in float64


def _log(x: np.ndarray, log=math.log) -> np.ndarray:
    """``math.log`` (or ``log``) element by element: numpy's SIMD log differs from libm's in the last bit."""
    return np.fromiter(map(log, x.tolist()), dtype="float64", count=len(x))


def _ints(x, big: bool) -> np.ndarray:
    return np.asarray(x, dtype=object) if big else np.asarray(x, dtype="int64")


def _quotient(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """``p / q`` as Python divides integers (correctly rounded), also past 2**53 (object arrays)."""
    return (p / q).astype("float64")


def keyness_arrays(a, b, c, d, columns=None) -> dict[str, np.ndarray]:
    """The keyness statistics of many words at once: ``a[i]`` of ``c[i]`` target tokens, ``b[i]`` of ``d[i]``.

    The one implementation of the formulas (:func:`keyness_scores` is its
    one-word case): NLTK's ``BigramAssocMeasures.likelihood_ratio`` and
    ``chi_sq`` on the marginals ``(a, (a + b, c), c + d)``, operation by
    operation in the same order (Python's exact integer arithmetic where
    NLTK's is exact, ``math.log`` not numpy's), so each value is bit-identical
    to NLTK's (tested on a grid of tables), and vectorised so that a keyword
    table of every article of a large corpus is scored in seconds.

    ``columns`` limits the work to some of ``g2``, ``g2_p``, ``chi2``,
    ``chi2_p``, ``log_ratio``, ``pct_diff``, ``direction``, ``note`` (default all).
    """
    wanted = set(KEYNESS_COLUMNS if columns is None else columns)
    unknown = wanted - set(KEYNESS_COLUMNS)
    if unknown:
        raise ValueError(f"unknown keyness columns {sorted(unknown)}")
    a, b, c, d = (np.asarray(x, dtype="int64") for x in (a, b, c, d))
    if len(c) and (c.min() <= 0 or d.min() <= 0):
        raise ValueError(f"target and reference must both hold tokens (sizes {int(c.min())} and {int(d.min())})")
    n = c + d
    big = bool(len(n)) and int(n.max()) >= _EXACT
    out: dict[str, np.ndarray] = {}
    if wanted & {"g2", "g2_p"}:
        # NLTK's contingency (n_ii, n_oi, n_io, n_oo) and expected values (row x column / N)
        cont = [_ints(x, big) for x in (a, c - a, b, d - b)]
        nn = _ints(n, big)
        g2 = np.zeros(len(a))
        for i in range(4):
            exp = _quotient((cont[i] + cont[i ^ 1]) * (cont[i] + cont[i ^ 2]), nn)
            obs = cont[i].astype("float64")
            g2 = g2 + obs * _log(obs / (exp + _SMALL) + _SMALL)
        out["g2"] = 2 * g2
    if wanted & {"chi2", "chi2_p"}:
        # NLTK's phi_sq in exact integers, then N * phi_sq; 0 where the word is every token (no variation)
        ii, io, oi, oo = (np.asarray(x, dtype=object) for x in (a, c - a, b, d - b))
        num = (ii * oo - io * oi) ** 2
        den = (ii + io) * (ii + oi) * (io + oo) * (oi + oo)
        zero = den == 0
        phi = _quotient(num, np.where(zero, 1, den))
        out["chi2"] = np.where(zero, 0.0, n.astype("float64") * phi)
    for stat in ("g2", "chi2"):
        if f"{stat}_p" in wanted:
            out[f"{stat}_p"] = np.fromiter(map(chi2_p_value, out[stat].tolist()), dtype="float64",
                                           count=len(a))
    rel_t, rel_r = a / c, b / d
    if "log_ratio" in wanted:
        a0 = np.where(a == 0, LOG_RATIO_ZERO, a)
        b0 = np.where(b == 0, LOG_RATIO_ZERO, b)
        out["log_ratio"] = _log((a0 / c) / (b0 / d), math.log2)
    if "pct_diff" in wanted:
        with np.errstate(divide="ignore", invalid="ignore"):
            pct = 100 * (rel_t - rel_r) / rel_r
        out["pct_diff"] = np.where(rel_r != 0, pct, np.where(rel_t != 0, PCT_DIFF_ZERO, math.nan))
    if "direction" in wanted:
        out["direction"] = np.where(rel_t > rel_r, "over", np.where(rel_t < rel_r, "under", "equal")).astype(object)
    if "note" in wanted:
        out["note"] = np.where(b == 0, NOTE_NO_REFERENCE, np.where(a == 0, NOTE_NO_TARGET, "")).astype(object)
    return {k: out[k] for k in KEYNESS_COLUMNS if k in wanted}


def keyness_scores(a: int, b: int, c: int, d: int) -> dict:
    """All keyness statistics of one word: ``a`` of ``c`` target tokens, ``b`` of ``d`` reference tokens.

    :func:`keyness_arrays` for one word.

    >>> s = keyness_scores(10, 10, 100, 1000)
    >>> round(s["log_ratio"], 6), round(s["pct_diff"], 6), s["direction"]
    (3.321928, 900.0, 'over')
    >>> keyness_scores(3, 0, 100, 1000)["pct_diff"]
    inf
    """
    if c <= 0 or d <= 0:
        raise ValueError(f"target and reference must both hold tokens (sizes {c} and {d})")
    scores = keyness_arrays([a], [b], [c], [d])
    return {k: v[0] if k in ("direction", "note") else float(v[0]) for k, v in scores.items()}


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
    if isinstance(data, (pd.DataFrame, TokenDataset)):
        known = data.articles if isinstance(data, TokenDataset) else list(dict.fromkeys(data["article"].tolist()))
        if callable(target):
            raise TypeError("a predicate target needs a Corpus (articles with metadata), not a token table "
                            "or dataset")
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
    data : Corpus, Article, token table or TokenDataset
        Where the target comes from.  A
        :class:`~corpus_tools.tokens.dataset.TokenDataset` is counted by
        DuckDB (the two sides' term counts in one aggregate); the table is
        the same as from its token table.
    target : str, iterable of str, Article, Corpus, callable or None
        An article id, a list of ids, articles of ``data`` (an Article, or a
        Corpus such as ``corpus.filter_dates(...)``), or a predicate on
        :class:`Article` (metadata: ``lambda a: a.meta.get("source") ==
        "bbc"``; dates: :func:`dated`).  None: all of ``data`` (then give a
        ``reference``).  A Corpus of other articles (or a TokenDataset) is
        a TypeError saying to pass it as ``reference=``.
    reference : Corpus, Article, token table, group label(s) or None
        None: the rest of ``data``.  Otherwise another corpus (tokenised
        with the same options), a token table, a TokenDataset (queried with
        ``data``'s options when ``data`` is a dataset, else with ``options``
        when given: build it with :func:`corpus_tools.scale.token_dataset`
        and the same tokenizer), or with ``groups`` a group or list of groups.
    groups : str, callable or mapping, optional
        Compare groups of articles (see :mod:`corpus_tools.stats.groups`; a
        token table or dataset takes a mapping article id -> group, from
        :func:`~corpus_tools.stats.groups.group_labels` of the corpus):
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
    _reject_another_corpus(data, target)
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
    if isinstance(data, TokenDataset):
        data = data.with_options(options) if options is not None else data
        freq_t, freq_r = _dataset_sides(data, target, rest_ids, reference, column)
        # a reference dataset or corpus is counted with the same options (a token table is as it is)
        options = None if isinstance(reference, pd.DataFrame) else data.options
    else:
        freq_t, freq_r = _table_sides(as_token_table(data, options), data, target, rest_ids, reference, column)
    if reference is not None:
        freq_r = _whole_counts(reference, options, column)
    df = _keyness_from_counts(freq_t, freq_r, freq_t.keys() | freq_r.keys(), measure=measure, min_count=min_count,
                              bonferroni=bonferroni, direction=direction, max_p=max_p)
    df.attrs.update(target_label=labels[0], reference_label=labels[1])
    return df


def _table_sides(toks: pd.DataFrame, data, target, rest_ids, reference, column: str):
    """Target and reference counts from an in-memory token table (reference None: given separately)."""
    if target is None:
        if reference is None:
            raise ValueError("give a target (article id(s) or a predicate) or a reference corpus")
        return Counter(toks[column].tolist()), None
    ids = set(_target_ids(data, target))
    if not ids:
        raise ValueError("the target selects no article of the corpus")
    inside = toks["article"].isin(ids)
    freq_t = Counter(toks.loc[inside, column].tolist())
    if rest_ids is not None:
        return freq_t, Counter(toks.loc[toks["article"].isin(set(rest_ids)), column].tolist())
    if reference is None:
        if inside.all():
            raise ValueError("the target is the whole corpus: the rest is empty; give a reference corpus")
        return freq_t, Counter(toks.loc[~inside, column].tolist())
    return freq_t, None


def _dataset_sides(ds: TokenDataset, target, rest_ids, reference, column: str):
    """:func:`_table_sides` for a token dataset: one DuckDB aggregate over the two sides' articles."""
    if target is None:
        if reference is None:
            raise ValueError("give a target (article id(s) or a predicate) or a reference corpus")
        return _whole_counts(ds, None, column), None
    ids = set(_target_ids(ds, target))
    if not ids:
        raise ValueError("the target selects no article of the corpus")
    sides = {a: "target" for a in ds.articles if a in ids}
    if rest_ids is not None:
        sides |= {a: "reference" for a in rest_ids}
    elif reference is None:
        sides |= {a: "reference" for a in ds.articles if a not in ids}
    counts, totals = query_group_counts(ds, sides, column=column)
    side = {g: dict(zip(sub["term"], sub["count"].tolist(), strict=True)) for g, sub in counts.groupby("group")}
    freq_t, freq_r = side.get("target", {}), side.get("reference", {})
    if rest_ids is None and reference is None and not any(totals.get(a) for a, g in sides.items() if g != "target"):
        raise ValueError("the target is the whole corpus: the rest is empty; give a reference corpus")
    return freq_t, (freq_r if rest_ids is not None or reference is None else None)


def _whole_counts(data, options, column: str) -> dict[str, int]:
    """Term counts of a whole corpus, token table or dataset (``options``: None keeps a dataset's own)."""
    if isinstance(data, TokenDataset):
        ds = data.with_options(options) if options is not None else data
        counts, _ = query_group_counts(ds, dict.fromkeys(ds.articles, "all"), column=column)
        return dict(zip(counts["term"], counts["count"].tolist(), strict=True))
    return Counter(as_token_table(data, options)[column].tolist())


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
    terms = sorted(terms)
    a = np.array([freq_t.get(t, 0) for t in terms], dtype="int64")
    b = np.array([freq_r.get(t, 0) for t in terms], dtype="int64")
    keep = a + b >= min_count
    df = _scored_frame(np.array(terms, dtype=object)[keep], a[keep], b[keep], c, d)
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


def _scored_frame(terms, a, b, c, d) -> pd.DataFrame:
    """The :data:`COLUMNS` table of words ``terms`` (``c``, ``d``: scalars or one per word), typed."""
    c = np.broadcast_to(np.asarray(c, dtype="int64"), a.shape)
    d = np.broadcast_to(np.asarray(d, dtype="int64"), a.shape)
    df = pd.DataFrame({"term": pd.Series(terms, dtype=object), "freq_target": a, "freq_reference": b,
                       "per_10k_target": a / c * PER, "per_10k_reference": b / d * PER,
                       **keyness_arrays(a, b, c, d)})
    return df.astype({"term": object, "freq_target": "int64", "freq_reference": "int64", "direction": object,
                      "note": object} | {col: "float64" for col in COLUMNS[3:-2]})


def _reject_another_corpus(data, target) -> None:
    """A clear TypeError when ``target`` is a whole other corpus, which a user meant as the reference.

    A Corpus is a sequence of Articles, which a target may be (``corpus.filter_dates(...)``): a
    Corpus target is accepted when its articles are articles of ``data`` (same id and content;
    ids only against a token table or dataset, which hold no content to compare).  Before this
    check, ``keyness_table(corpus_a, corpus_b)`` read corpus_b's ids ("0", "1"...) as data's and
    said "the target is the whole corpus: the rest is empty", which named the wrong problem.
    """
    hint = ("the second positional argument is target (which articles of data: ids, Articles or a "
            "predicate). To compare data against another corpus, pass it as reference=: "
            "keyness_table(data, reference=other)")
    if isinstance(target, TokenDataset):
        raise TypeError(f"target is a TokenDataset: {hint}")
    if not isinstance(target, Corpus):
        return
    if isinstance(data, pd.DataFrame | TokenDataset):
        known = set(data.articles) if isinstance(data, TokenDataset) else set(data["article"].tolist())
        foreign = [a.id for a in target if a.id not in known]
    elif isinstance(data, Corpus | Article | list | tuple):  # never iterate a one-shot iterator of articles
        mine = {a.id: a for a in ([data] if isinstance(data, Article) else data)}
        foreign = [a.id for a in target if mine.get(a.id) != a]
    else:
        return
    if foreign:
        raise TypeError(f"target is a Corpus of articles that are not data's ({len(foreign)} of {len(target)}, "
                        f"e.g. {foreign[0]!r}): {hint}")


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


def keyword_table(data, top: int = 10, measure: str = "g2", min_count: int = 1, *, column: str = "norm",
                  options: TokenOptions | Mapping[str, object] | None = None) -> pd.DataFrame:
    """The ``top`` most over-used words of each article against the rest of the corpus.

    For each article, :func:`~corpus_tools.stats.keyness_table`'s statistics with
    the article as target and all other articles as reference, keeping
    over-used words only, in keyness order; an ``article`` column first,
    articles in corpus order.  Needs two or more articles.

    ``data`` is a token table, Corpus or
    :class:`~corpus_tools.tokens.dataset.TokenDataset`: the corpus is
    counted once (article x term counts and corpus totals; for a dataset
    one DuckDB aggregate, streamed in chunks of whole articles), each
    article's reference being the totals minus the article, and every
    article's words are scored at once (:func:`keyness_arrays`): linear in
    the corpus, not quadratic in articles.  ``options`` as for
    :func:`~corpus_tools.frequency_table`.

    >>> from corpus_tools import Corpus
    >>> from corpus_tools.tokens import token_table
    >>> t = token_table(Corpus.from_texts(["war war war peace", "peace peace talks"], ids=["a", "b"]))
    >>> keyword_table(t, top=1)[["article", "term", "freq_target", "direction"]].values.tolist()
    [['a', 'war', 3, 'over'], ['b', 'talks', 1, 'over']]
    """
    return _concat_keywords(iter_keyword_table(data, top, measure, min_count, column=column, options=options))


def iter_keyword_table(data, top: int = 10, measure: str = "g2", min_count: int = 1, *, column: str = "norm",
                       options: TokenOptions | Mapping[str, object] | None = None) -> Iterator[pd.DataFrame]:
    """:func:`keyword_table` as consecutive pieces of its rows (runs of whole articles), never held whole.

    The table has ``top`` rows per article, so it grows with the corpus (580,000 rows, 181 MB in pandas,
    for 58,000 news articles): a report writes it with
    :meth:`~corpus_tools.io.outputs.OutputFolder.table_pieces` a piece at a time.  Arguments are checked,
    and the corpus counted, when this is called, not when the first piece is asked for.

    >>> from corpus_tools import Corpus
    >>> from corpus_tools.tokens import token_table
    >>> t = token_table(Corpus.from_texts(["war war war peace", "peace peace talks"], ids=["a", "b"]))
    >>> [piece["term"].tolist() for piece in iter_keyword_table(t, top=1)]
    [['war', 'talks']]
    """
    check_counts(top=top, min_count=min_count)
    measure = _ALIASES.get(str(measure).lower(), str(measure).lower())
    if measure not in KEYNESS_MEASURES:
        raise ValueError(f"unknown keyness measure {measure!r}; choose one of {list(KEYNESS_MEASURES)}")
    if not isinstance(min_count, int) or min_count < 1:
        raise ValueError(f"min_count must be an integer >= 1, not {min_count!r}")
    if isinstance(data, TokenDataset):
        ds = data.with_options(options) if options is not None else data
        chunks = iter_keyword_counts(ds, column=column, min_count=min_count)
        sizes = next(chunks)
    else:
        toks = as_token_table(data, options)
        sizes = toks.groupby("article", sort=False).size()
        sizes = dict(zip(sizes.index.tolist(), sizes.tolist(), strict=True))  # articles in corpus order
        per = toks.groupby(["article", column], sort=False).size().rename("count").reset_index()
        per = per.rename(columns={column: "term"})
        per["article"] = per["article"].map({a: i for i, a in enumerate(sizes)}).astype("int64")
        per["total"] = per.groupby("term", sort=False)["count"].transform("sum")
        chunks = iter([per])
    if len(sizes) < 2:
        if hasattr(chunks, "close"):
            chunks.close()  # the dataset's query: its DuckDB connection is closed now, not when collected
        raise ValueError(f"keywords need at least two articles to compare, not {len(sizes)}")
    ids = np.array(list(sizes), dtype=object)
    size = np.array(list(sizes.values()), dtype="int64")
    return (_article_keywords(chunk, ids, size, top, measure, min_count) for chunk in chunks)


def _concat_keywords(pieces: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """The pieces as one table (article first, as each piece has it); no piece: the empty table."""
    parts = list(pieces)
    if not parts:
        parts = [_scored_frame(np.array([], dtype=object), *(np.array([], dtype="int64"),) * 4).assign(article=[])]
        parts[0] = parts[0][["article", *[c for c in parts[0].columns if c != "article"]]]
    return pd.concat(parts, ignore_index=True)


def _article_keywords(per: pd.DataFrame, ids, size, top: int, measure: str, min_count: int) -> pd.DataFrame:
    """The keyword rows of the whole articles in ``per`` (``article`` index, ``term``, ``count``, ``total``).

    The article's words that are over-used (``a / c > b / d``, as
    :func:`keyness_arrays` decides ``direction``) and seen ``min_count``
    times in the corpus, ordered as :func:`keyness_table` orders them
    (the measure, then target frequency descending, then term), the first
    ``top`` of each article; only those are fully scored.
    """
    n_all = int(size.sum())
    a = per["count"].to_numpy("int64")
    b = per["total"].to_numpy("int64") - a
    idx = per["article"].to_numpy("int64")
    c = size[idx]
    d = n_all - c
    keep = (a + b >= min_count) & (a / c > b / d)
    a, b, c, d, idx = a[keep], b[keep], c[keep], d[keep], idx[keep]
    terms = per["term"].to_numpy(object)[keep]
    key = keyness_arrays(a, b, c, d, [measure])[measure]
    order = pd.DataFrame({"i": idx, "key": key, "a": a, "term": terms}).sort_values(
        ["i", "key", "a", "term"], ascending=[True, False, False, True], kind="mergesort")
    chosen = order.groupby("i", sort=False).head(top).index.to_numpy()
    table = _scored_frame(terms[chosen], a[chosen], b[chosen], c[chosen], d[chosen])
    table.insert(0, "article", pd.Series(ids[idx[chosen]], dtype=object))
    return table
