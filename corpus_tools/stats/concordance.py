"""KWIC concordances: every occurrence of a word, phrase or pattern, in context.

Written by hand: NLTK's ``ConcordanceIndex`` works on one flat token list
(no articles, blocks or positions) and only for single words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence

import pandas as pd

from corpus_tools.model.corpus import Article, as_articles
from corpus_tools.stats.cooccurrence_queries import KwicHit, TokenQuery, query_kwic_hits
from corpus_tools.stats.counts import BOUNDARIES
from corpus_tools.tokens.dataset import TokenDataset
from corpus_tools.tokens.table import as_token_table
from corpus_tools.tokens.tokenize import NEWS_ABBREVIATIONS, normalize_apostrophes, word_spans

__all__ = [
    "format_kwic",
    "kwic_table",
    "kwic_queries_table",
    "phrase_hits",
    "query_tokens",
]

KWIC_COLUMNS = ["article", "date", "block", "position", "left", "match", "right"]
#: Articles whose texts a dataset's concordance reads at once (their hits' lines are cut, then they are let go).
KWIC_TEXT_ARTICLES = 2000


def phrase_hits(words: Sequence[str], units: Sequence[Hashable], positions: Sequence[int],
                matchers: Sequence[Callable[[str], bool]]) -> list[int]:
    """Indices where ``matchers`` match consecutive tokens of one unit.

    Token ``i + m`` must satisfy ``matchers[m]``, lie in the same unit as
    token ``i`` and sit at position ``positions[i] + m`` (no filtered token
    in between).  Occurrences may overlap.

    >>> phrase_hits(["a", "a", "a"], [0, 0, 0], [0, 1, 2], [str.isalpha, "a".__eq__])
    [0, 1]
    """
    k, size = len(matchers), len(words)
    hits = []
    for i in range(size - k + 1):
        if all(units[i + m] == units[i] and positions[i + m] == positions[i] + m and matchers[m](words[i + m])
               for m in range(k)):
            hits.append(i)
    return hits


def query_tokens(query: str) -> list[str]:
    """The tokens of a query, tokenised as they are inside running text (not as a sentence of its own).

    Each white-space chunk is tokenised by the Treebank rules as if more text
    followed it, so an abbreviation keeps its period as it does in the token
    table (``"U.S."``, ``"e.g."``, ``"Mr."``), while clitics, currency
    signs and quotes split as they do in the text (``"can't"`` is ``ca`` +
    ``n't``, ``"$15.6"`` is ``$`` + ``15.6``, ``"Xi's"`` is ``Xi`` +
    ``'s``).  A word that is no abbreviation gives up a final period
    (``"oil."`` is ``oil`` + ``.``), as at a sentence end.  Tokenised as a
    sentence (:func:`~corpus_tools.word_tokenize`), ``"U.S."`` would end in
    a separate ``.`` and match nothing.

    >>> query_tokens("U.S. can't pay $15.6 for Xi's two-day visit, e.g.")
    ['U.S.', 'ca', "n't", 'pay', '$', '15.6', 'for', 'Xi', "'s", 'two-day', 'visit', ',', 'e.g.']
    >>> query_tokens("oil.")
    ['oil', '.']
    """
    out: list[str] = []
    for chunk in normalize_apostrophes(query).split():
        padded = chunk + " x"  # more text follows: Treebank's final-period rule does not fire
        toks = [padded[a:b] for a, b in word_spans(padded)][:-1]
        last = toks[-1] if toks else ""
        if len(last) > 1 and last.endswith(".") and not _is_abbreviation(last):
            toks[-1:] = [last[:-1], "."]
        out.extend(toks)
    return out


def _is_abbreviation(token: str) -> bool:
    stem = token[:-1]
    return "." in stem or stem.lower() in NEWS_ABBREVIATIONS


def _matchers(query, regex: bool, case_sensitive: bool) -> list[Callable[[str], bool]]:
    flags = 0 if case_sensitive else re.IGNORECASE
    if isinstance(query, re.Pattern):
        return [query.fullmatch]
    if not isinstance(query, str) or not query.strip():
        raise ValueError(f"query must be a non-empty string or compiled pattern, not {query!r}")
    if regex:
        try:
            return [re.compile(part, flags).fullmatch for part in query.split()]
        except re.error as exc:
            raise ValueError(f"query {query!r} is not a valid regular expression: {exc}") from None
    parts = query_tokens(query) or query.split()
    if case_sensitive:
        return [lambda t, p=p: t == p for p in parts]
    folded = [p.casefold() for p in parts]
    return [lambda t, p=p: t.casefold() == p for p in folded]


def kwic_table(
    data,
    query: str | re.Pattern,
    context: int = 5,
    *,
    regex: bool = False,
    case_sensitive: bool = False,
    boundary: str = "paragraph",
    sort: str | None = None,
    tokens: pd.DataFrame | TokenDataset | None = None,
) -> pd.DataFrame:
    """Key word in context: every occurrence of ``query`` with its context.

    Parameters
    ----------
    data : Corpus, Article, token table or TokenDataset
        A corpus is tokenised keeping punctuation (``words_only=False``),
        so contexts read like the text.  A dataset is queried as it is
        (pass ``ds.with_options({"words_only": False})`` for punctuation),
        and its lines are cut from its stored texts, as from the corpus.
    query : str or compiled pattern
        A word or phrase, tokenised as running text is (:func:`query_tokens`:
        ``"U.S."`` stays one token, ``"Xi's"`` is ``Xi`` + ``'s``) and
        matched token by token, ignoring case unless
        ``case_sensitive``.  With ``regex=True`` the query is split on
        white space and each part must match a whole token
        (``re.fullmatch``); a compiled pattern matches one token.
    context : int
        Tokens of context on each side (>= 1), never beyond the boundary.
    regex, case_sensitive : bool
    boundary : {"paragraph", "sentence", "article"}
        The unit matches and contexts stay in (default: the paragraph or
        heading).
    sort : {None, "left", "right"}
        None: text order.  "right": by the words after the match (first
        word first), "left": by the words before it (nearest word first),
        as AntConc's 1R, 2R... / 1L, 2L... sorts; case-insensitive, ties in
        text order.
    tokens : DataFrame or TokenDataset, optional
        ``data``'s token table with punctuation kept (``words_only=False``),
        when already at hand: several queries then share one tokenisation.
        Or ``data``'s :class:`~corpus_tools.tokens.dataset.TokenDataset`
        (``dataset.with_options({"words_only": False})``): the hits are found
        by DuckDB and only the context rows near them are read
        (:func:`~corpus_tools.stats.cooccurrence_queries.query_kwic_hits`);
        the lines equal those of ``tokens=dataset.token_table()``, without
        that table ever being made.  ``data`` may then be the dataset itself
        (no texts: the tokens are shown joined by spaces).

    Returns
    -------
    pandas.DataFrame
        ``article``, ``date`` (the article's date, ISO ``YYYY-MM-DD``, or
        empty when unknown or given a bare token table), ``block``,
        ``position`` (of the first matched token), ``left``, ``match``,
        ``right``: the article's text as written (white space folded to
        single spaces), cut at token boundaries; given a bare token table,
        the tokens joined by spaces.  No hit: no rows, the same columns.

    Examples
    --------
    >>> from corpus_tools import Corpus
    >>> c = Corpus.from_texts(["Xi met Putin. Then Xi left Moscow."])
    >>> kwic_table(c, "xi", context=2)[["position", "left", "match", "right"]].values.tolist()
    [[0, '', 'Xi', 'met Putin'], [5, '. Then', 'Xi', 'left Moscow']]
    >>> print(format_kwic(kwic_table(Corpus.from_texts(["Xi’s plan, Putin’s war."]), "putin", context=4)))
    Xi’s plan,  Putin  ’s war.
    """
    if not isinstance(context, int) or isinstance(context, bool) or context < 1:
        raise ValueError(f"context must be an integer >= 1, not {context!r}")
    if sort not in (None, "left", "right"):
        raise ValueError(f"sort must be None, 'left' or 'right', not {sort!r}")
    if boundary not in BOUNDARIES:
        raise ValueError(f"boundary must be one of {sorted(BOUNDARIES)}, not {boundary!r}")
    matchers = _matchers(query, regex, case_sensitive)
    dataset = tokens if isinstance(tokens, TokenDataset) else data if isinstance(data, TokenDataset) else None
    if dataset is not None:
        with TokenQuery(dataset, boundary, "token", rows=True) as q:
            return _dataset_kwic(q, data, [matchers], context, sort)[0]
    if tokens is not None:
        toks = tokens
    else:
        toks = data if isinstance(data, pd.DataFrame) else as_token_table(data, {"words_only": False})
    unit = BOUNDARIES[boundary]
    units = list(zip(toks["article"], toks[unit] if unit else [0] * len(toks), strict=True))
    texts, pos, blocks = toks["token"].tolist(), toks["position"].tolist(), toks["block"].tolist()
    sources, dates = _article_texts(data), _article_dates(data)
    starts, ends = toks["start"].tolist(), toks["end"].tolist()
    rows, keys = [], []
    k = len(matchers)
    for i in phrase_hits(texts, units, pos, matchers):
        lo = i
        while lo > 0 and i - (lo - 1) <= context and units[lo - 1] == units[i]:
            lo -= 1
        hi = i + k
        while hi < len(texts) and hi - (i + k) < context and units[hi] == units[i]:
            hi += 1
        article = units[i][0]
        rows.append((article, dates.get(article, ""), blocks[i], pos[i],
                     *_shown(sources.get(article), texts, starts, ends, lo, i, k, hi)))
        keys.append(_sort_key(texts, lo, i, k, hi, sort))
    return _kwic_frame(rows, keys, sort)


def _shown(source: str | None, texts, starts, ends, lo: int, i: int, k: int, hi: int) -> tuple[str, str, str]:
    """Left context, match and right context of the hit at row ``i`` (rows ``lo ... hi - 1`` shown)."""
    if source is None:  # a bare token table: show the tokens
        return " ".join(texts[lo:i]), " ".join(texts[i : i + k]), " ".join(texts[i + k : hi])
    last = i + k - 1  # the text as written, from the tokens' character offsets
    return (_squash(source[starts[lo] : starts[i]]), _squash(source[starts[i] : ends[last]]),
            _squash(source[ends[last] : ends[hi - 1]]) if hi > i + k else "")


def _sort_key(texts, lo: int, i: int, k: int, hi: int, sort: str | None) -> list[str]:
    return [t.casefold() for t in (texts[i + k : hi] if sort == "right" else texts[lo:i][::-1])]


def _kwic_frame(rows: list[tuple], keys: list[list[str]], sort: str | None) -> pd.DataFrame:
    """The KWIC table of its lines (in text order): the one place its columns, types and order are made."""
    df = pd.DataFrame(rows, columns=KWIC_COLUMNS).astype(
        {"article": object, "date": object, "block": "int64", "position": "int64", "left": object, "match": object,
         "right": object})
    if sort:
        order = sorted(range(len(rows)), key=lambda r: keys[r])  # sorted() is stable: ties keep text order
        df = df.iloc[order].reset_index(drop=True)
    return df


def _dataset_kwic(q: TokenQuery, data, queries: Sequence[list[Callable[[str], bool]]], context: int,
                  sort: str | None) -> list[pd.DataFrame]:
    """:func:`kwic_table`'s lines of each query (its matchers) from the hits DuckDB finds, their context rows only.

    When ``data`` is a dataset with its article tables, the lines are cut from
    the texts of the hit articles only, read from the dataset once for all
    queries, and dated by its article table, as from the corpus: no corpus
    is loaded.
    """
    found = [query_kwic_hits(q, matchers, context) for matchers in queries]
    rows: list[list[tuple]] = [[] for _ in queries]
    keys: list[list] = [[] for _ in queries]

    def add(sources: dict[str, str], dates: dict[str, str], which: int, hits: Sequence[KwicHit]) -> None:
        k = len(queries[which])
        for hit in hits:
            i, hi = hit.match_at, len(hit.tokens)
            rows[which].append((hit.article, dates.get(hit.article, ""), hit.block, hit.position,
                                *_shown(sources.get(hit.article), hit.tokens, hit.starts, hit.ends, 0, i, k, hi)))
            keys[which].append(_sort_key(hit.tokens, 0, i, k, hi, sort))

    if isinstance(data, TokenDataset) and data.has_article_tables:
        dates = {a: d.isoformat() if d is not None else ""
                 for a, d in zip(data.articles, data.article_column("date"), strict=True)}
        # The texts of the hit articles are read a run of them at a time, in corpus order (the hits are in
        # corpus order too): a large corpus's strongest bigrams are in most of its articles, and all their
        # texts at once (as Arrow, then as Python strings) were the collocation kernel's peak at 300 MB
        # (1.6-1.9 GB PSS).  The lines are the same; only what is held at once changes.
        order = {a: n for n, a in enumerate(data.articles)}
        hit_articles = sorted({hit.article for hits in found for hit in hits}, key=order.__getitem__)
        done = [0] * len(queries)
        for start in range(0, len(hit_articles), KWIC_TEXT_ARTICLES):
            run = hit_articles[start:start + KWIC_TEXT_ARTICLES]
            sources, last = data.article_texts(run), order[run[-1]]
            for which, hits in enumerate(found):
                end = done[which]
                while end < len(hits) and order[hits[end].article] <= last:
                    end += 1
                add(sources, dates, which, hits[done[which]:end])
                done[which] = end
            del sources
    else:
        sources, dates = _article_texts(data), _article_dates(data)
        for which, hits in enumerate(found):
            add(sources, dates, which, hits)
    return [_kwic_frame(r, k, sort) for r, k in zip(rows, keys, strict=True)]


def _article_texts(data) -> dict[str, str]:
    """Article id -> text, when ``data`` carries the articles (not a bare token table or a dataset)."""
    if data is None or isinstance(data, pd.DataFrame | TokenDataset):
        return {}
    articles = [data] if isinstance(data, Article) else data
    return {a.id: a.text for a in articles}


def _article_dates(data) -> dict[str, str]:
    """Article id -> ISO date (``""`` when unknown), when ``data`` carries the articles."""
    if data is None or isinstance(data, pd.DataFrame | TokenDataset):
        return {}
    articles = [data] if isinstance(data, Article) else data
    return {a.id: a.date.isoformat() if a.date is not None else "" for a in articles}


def _squash(text: str) -> str:
    """Context on one line: runs of white space (paragraph breaks too) become one space."""
    return " ".join(text.split())


def format_kwic(table: pd.DataFrame, width: int | None = None) -> str:
    """Plain-text concordance, one hit per line, aligned on the match.

    The left context is right-aligned in ``width`` characters (default:
    the longest left context; longer ones are cut on the left, marked
    ``…``), then the match between two spaces, then the right context.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"left": ["the", "a big"], "match": ["cat", "cat"], "right": ["sat", "ran off"]})
    >>> print(format_kwic(t))
      the  cat  sat
    a big  cat  ran off
    """
    if width is not None and (not isinstance(width, int) or width < 1):
        raise ValueError(f"width must be a positive integer, not {width!r}")
    lefts = table["left"].tolist()
    if width is None:
        width = max((len(s) for s in lefts), default=0)
    lines = []
    for left, match, right in zip(lefts, table["match"], table["right"], strict=True):
        if len(left) > width:
            left = "…" + left[len(left) - width + 1 :]
        lines.append(f"{left:>{width}}  {match}  {right}".rstrip())
    return "\n".join(lines)


def kwic_queries_table(
    data,
    queries: Sequence[str],
    context: int = 5,
    *,
    regex: bool = False,
    case_sensitive: bool = False,
    boundary: str = "paragraph",
    sort: str | None = None,
    tokens: pd.DataFrame | TokenDataset | None = None,
) -> pd.DataFrame:
    """:func:`~corpus_tools.kwic_table` lines of several queries, one table.

    A ``query`` column comes first; queries in the given order, each query's
    lines in text order.  The other parameters are :func:`kwic_table`'s.
    Articles are tokenised once for all queries; with a token dataset, all
    queries share one DuckDB connection, and the texts of the articles hit
    are read once for all.

    >>> from corpus_tools import Corpus
    >>> c = Corpus.from_texts(["New York is big. I like York."])
    >>> lines = kwic_queries_table(c, ["new york", "york"], context=2)
    >>> lines[["query", "left", "match", "right"]].values.tolist()
    [['new york', '', 'New York', 'is big'], ['york', 'New', 'York', 'is big'], ['york', 'I like', 'York', '.']]
    """
    if isinstance(tokens, TokenDataset) or isinstance(data, TokenDataset):
        dataset = tokens if isinstance(tokens, TokenDataset) else data
        for q in queries:  # every query is checked before the database is opened
            _matchers(q, regex, case_sensitive)
        if not isinstance(data, pd.DataFrame | TokenDataset):
            data = as_articles(data)
        if not isinstance(context, int) or isinstance(context, bool) or context < 1:
            raise ValueError(f"context must be an integer >= 1, not {context!r}")
        if sort not in (None, "left", "right"):
            raise ValueError(f"sort must be None, 'left' or 'right', not {sort!r}")
        with TokenQuery(dataset, boundary, "token", rows=True) as db:  # one connection and token forms for all
            tables = _dataset_kwic(db, data, [_matchers(q, regex, case_sensitive) for q in queries], context, sort)
        parts = [table.assign(query=q) for q, table in zip(queries, tables, strict=True)]
    else:
        if not isinstance(data, pd.DataFrame) and tokens is None:
            data = as_articles(data)  # an iterator would be used up by the first query
            tokens = as_token_table(data, {"words_only": False})  # one tokenisation for all queries
        parts = [kwic_table(data, q, context, regex=regex, case_sensitive=case_sensitive, boundary=boundary,
                            sort=sort, tokens=tokens).assign(query=q) for q in queries]
    if not parts:
        return pd.DataFrame(columns=["query", *KWIC_COLUMNS])
    return pd.concat(parts, ignore_index=True)[["query", *KWIC_COLUMNS]]
