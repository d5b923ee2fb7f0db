"""The section structure of news articles, and statistics per section.

An article is a sequence of sections: the lead (section 0: the paragraphs
before the first heading, empty when the article opens with a heading),
then one section per heading, holding that heading and the paragraphs up to
the next one.  The token table's ``section`` column numbers *body*
sections instead (:mod:`corpus_tools.structure.body`: sections built from
body blocks only, so a headline or a sign-off never opens one); the two
agree when every heading is a subheading or a link.  Each heading also gets a finer
kind, ``"subheading"`` or ``"link"`` (an inserted link to another story; see
:mod:`corpus_tools.structure.headings`); a link heading still opens a section, so the
numbering never depends on the classifier.

Every table here is a DataFrame with rows in corpus order, then section
order (and, for terms, tf-idf descending, term ascending).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from corpus_tools.model.blocks import Block
from corpus_tools.model.checks import check_counts
from corpus_tools.model.corpus import Article, Corpus, as_articles
from corpus_tools.stats.frequency import smooth_idf
from corpus_tools.stats.queries import (
    connect_duckdb,
    kept_token_forms,
    part_view,
    register_article_order,
    whole_article_pieces,
)
from corpus_tools.structure.headings import HeadingSignals, classify_headings
from corpus_tools.structure.quotations import Quotation, find_quotations, quoted_word_mask
from corpus_tools.tokens.dataset import TokenDataset
from corpus_tools.tokens.table import as_token_table
from corpus_tools.tokens.tokenize import SentenceSplitter, Token, TokenOptions, is_word, iter_tokens

#: Where an article's tokens come from: a function of the article giving all its tokens in
#: order (:func:`~corpus_tools.tokens.tokenize.iter_tokens` by default; the token dataset's
#: pass gives the tokens it has just written, so the tables agree with its tokenizer).
TokenSource = Callable[[Article], Iterable[Token]]

__all__ = [
    "HEADING_COLUMNS",
    "SECTION_COLUMNS",
    "Section",
    "TokenSource",
    "block_table",
    "heading_table",
    "section_table",
    "iter_section_term_counts",
    "section_term_counts",
    "section_term_table",
    "sections",
    "sentence_table",
]


@dataclass(frozen=True)
class Section:
    """One section: its heading (None for the lead) and its paragraphs.

    ``kind`` is ``"lead"`` for section 0, else the heading's kind
    (``"subheading"`` or ``"link"``).
    """

    article: str
    index: int
    heading: Block | None
    kind: str
    paragraphs: tuple[Block, ...]

    @property
    def blocks(self) -> tuple[Block, ...]:
        """The heading (if any) followed by the paragraphs."""
        return ((self.heading,) if self.heading else ()) + self.paragraphs


def sections(article: Article, *, neighbourhood: int = 1) -> list[Section]:
    """The sections of ``article``: the lead, then one per heading.

    Examples
    --------
    >>> a = Article.from_text("Lead para.\\n\\nSecond part\\n\\nBody one.\\n\\nBody two.", id="x")
    >>> [(s.index, s.kind, s.heading and s.heading.text, len(s.paragraphs)) for s in sections(a)]
    [(0, 'lead', None, 1), (1, 'subheading', 'Second part', 2)]
    """
    kinds = {h.block: h.kind for h in classify_headings(article, neighbourhood)}
    out: list[Section] = []
    heading, paragraphs = None, []
    for block in article.blocks:
        if block.kind == "heading":
            out.append(Section(article.id, len(out), heading, kinds[heading.index] if heading else "lead",
                               tuple(paragraphs)))
            heading, paragraphs = block, []
        else:
            paragraphs.append(block)
    out.append(Section(article.id, len(out), heading, kinds[heading.index] if heading else "lead",
                       tuple(paragraphs)))
    return out


HEADING_COLUMNS = ["article", "section", "block", "heading", "kind", "words", "prefix", "source", "predicate",
                   "continuity", "fit", "reason"]


def heading_table(data, *, neighbourhood: int = 1) -> pd.DataFrame:
    """Every heading with its kind and the signals behind it (see :mod:`corpus_tools.structure.headings`).

    Columns (:data:`HEADING_COLUMNS`): ``article``, ``section`` (the section
    the heading opens: 1 for the first heading), ``block``, ``heading``
    (its text), ``kind``, ``words``, then the signals ``prefix``,
    ``source``, ``predicate``, ``continuity``, ``fit`` and the ``reason``
    for the kind.  Rows: corpus order, then text order.

    >>> a = Article.from_text("Intro text.\\n\\nRead more: Other story\\n\\nMore text.", id="x")
    >>> heading_table(a)[["section", "heading", "kind", "reason"]].values.tolist()
    [[1, 'Read more: Other story', 'link', 'link label']]
    """
    rows = []
    for a in as_articles(data):
        hs: list[HeadingSignals] = classify_headings(a, neighbourhood)
        rows.extend((a.id, i, h.block, h.text, h.kind, h.words, h.prefix, h.source, h.predicate, h.continuity,
                     h.fit, h.reason) for i, h in enumerate(hs, start=1))
    df = pd.DataFrame(rows, columns=HEADING_COLUMNS)
    return df.astype({c: "int64" for c in ("section", "block", "words", "continuity", "fit")})


SECTION_COLUMNS = ["article", "section", "kind", "heading", "heading_block", "first_block", "last_block",
                   "paragraphs", "sentences", "words", "heading_words", "mean_sentence_length",
                   "median_sentence_length", "quoted_words", "quoted_share"]


def section_table(data, *, neighbourhood: int = 1, splitter: SentenceSplitter | None = None,
                  tokens: TokenSource | None = None,
                  quotations: Callable[[Article, list[int]], list[Quotation]] | None = None) -> pd.DataFrame:
    """Per-section statistics, one row per section (the lead included, even when empty).

    Columns (:data:`SECTION_COLUMNS`): ``kind`` ("lead", "subheading",
    "link"); ``heading`` text and ``heading_block`` (None/-1 for the lead);
    ``first_block``/``last_block`` (-1 when the section has no block);
    ``paragraphs``; ``sentences`` (Punkt sentences of its paragraphs that
    hold at least one word); ``words`` (word tokens of its paragraphs: the
    heading line is counted apart, in ``heading_words``); mean and median
    sentence length in words; ``quoted_words`` and ``quoted_share`` (words
    inside direct quotations, see :mod:`corpus_tools.structure.quotations`, over
    ``words``).  Ratios are NaN for a section without words.

    ``tokens`` (a :data:`TokenSource`; default: tokenise with ``splitter``)
    and ``quotations`` (``(article, word_starts) -> quotations``; default
    :func:`~corpus_tools.structure.quotations.find_quotations`) let the
    token dataset's pass reuse what it has already computed.

    Examples
    --------
    >>> a = Article.from_text('Lead one. “Quoted words here,” she said.\\n\\nEnd part', id="x")
    >>> t = section_table(a)
    >>> t[["section", "paragraphs", "sentences", "words", "heading_words"]].values.tolist()
    [[0, 1, 2, 7, 0], [1, 0, 0, 0, 2]]
    >>> float(t.loc[0, "quoted_share"]), float(t.loc[0, "median_sentence_length"])
    (0.42857142857142855, 3.5)
    """
    rows = []
    tokens = tokens or (lambda article: iter_tokens(article, splitter))
    quotations = quotations or find_quotations
    for a in as_articles(data):
        toks = list(tokens(a))
        word_starts = [t.start for t in toks if is_word(t.text)]
        quoted = dict(quoted_word_mask(a, quotations(a, word_starts), word_starts))
        per_section_sentences: dict[int, Counter] = {}
        words: Counter = Counter()
        heading_words: Counter = Counter()
        quoted_words: Counter = Counter()
        for t in toks:
            if not is_word(t.text):
                continue
            if t.block_kind == "heading":
                heading_words[t.section] += 1
                continue
            words[t.section] += 1
            quoted_words[t.section] += quoted.get(t.start, False)
            per_section_sentences.setdefault(t.section, Counter())[t.sentence] += 1
        for s in sections(a, neighbourhood=neighbourhood):
            lengths = list(per_section_sentences.get(s.index, Counter()).values())
            blocks = s.blocks
            n = words[s.index]
            rows.append((
                a.id, s.index, s.kind, s.heading.text if s.heading else None, s.heading.index if s.heading else -1,
                blocks[0].index if blocks else -1, blocks[-1].index if blocks else -1, len(s.paragraphs),
                len(lengths), n, heading_words[s.index],
                statistics.fmean(lengths) if lengths else float("nan"),
                float(statistics.median(lengths)) if lengths else float("nan"),
                quoted_words[s.index], quoted_words[s.index] / n if n else float("nan")))
    df = pd.DataFrame(rows, columns=SECTION_COLUMNS)
    ints = ("section", "heading_block", "first_block", "last_block", "paragraphs", "sentences", "words",
            "heading_words", "quoted_words")
    return df.astype({**{c: "int64" for c in ints}, "mean_sentence_length": "float64",
                      "median_sentence_length": "float64", "quoted_share": "float64"})


def section_term_table(
    data,
    *,
    scope: str = "article",
    top: int | None = 10,
    column: str = "norm",
    options: TokenOptions | Mapping[str, object] | None = None,
) -> pd.DataFrame:
    """Distinctive terms of each section by tf-idf, sections taken as the documents.

    Parameters
    ----------
    data : token table, TokenDataset, Corpus or Article
        A :class:`~corpus_tools.tokens.dataset.TokenDataset` is counted by
        DuckDB under its options (nothing tokenised, no token table in
        memory); the table equals the one of its token table.
    scope : {"article", "corpus"}
        ``"article"``: the documents are the sections of the same article
        (what sets a section apart from the rest of its article).
        ``"corpus"``: the documents are all sections of all articles.
    top : int or None
        Keep the ``top`` rows per section (None: all).
    column : str
        Token-table column holding the terms.
    options
        Token options when tokenising; default ``TokenOptions(stopwords="english")``.

    Returns
    -------
    pandas.DataFrame
        ``article``, ``section``, ``term``, ``count`` (in the section),
        ``doc_freq`` (sections holding the term, in the scope), ``idf``
        (:func:`corpus_tools.smooth_idf` with N = non-empty sections in
        the scope), ``tfidf = count * idf``, ``rank`` (1-based within the
        section).  Heading tokens count in the section they open.  Rows:
        articles in order, sections ascending, tf-idf descending, term
        ascending.

    Examples
    --------
    >>> a = Article.from_text("Tanks and tanks.\\n\\nFood queues\\n\\nFood and water.", id="x")
    >>> section_term_table(a, top=1)[["section", "term", "count", "doc_freq"]].values.tolist()
    [[0, 'tanks', 2, 1], [1, 'food', 2, 1]]
    """
    check_counts(top=top)
    if scope not in ("article", "corpus"):
        raise ValueError(f"scope must be 'article' or 'corpus', not {scope!r}")
    if top is not None and (not isinstance(top, int) or top < 1):
        raise ValueError(f"top must be a positive integer or None, not {top!r}")
    if isinstance(data, TokenDataset):
        if options is not None:
            raise TypeError("a token dataset carries its options: use dataset.with_options(...)")
        if not data.parts:
            return _section_terms(section_term_counts(data, column), data.articles, scope, top)
        con = connect_duckdb()
        try:
            con.read_parquet([str(p) for p in data.parts]).create_view("raw")
            con.register("forms", kept_token_forms(con, data, column))
            register_article_order(con, list(data.articles))
            if scope == "corpus":  # every section of the corpus is a document: all parts at once
                con.sql(f"CREATE VIEW counts AS {_section_term_counts_sql('raw')}")
                return _scored_section_terms(con, data.articles, scope, top)
            # an article's rows depend on its own sections alone, and each article is in one part: scored
            # part by part, in part (corpus) order, DuckDB holds one part's rows at a time (queries.part_view)
            pieces = []
            for part in data.parts:
                part_view(con, data, part)
                con.sql(f"CREATE OR REPLACE TEMP VIEW counts AS {_section_term_counts_sql('part_raw')}")
                pieces.append(_scored_section_terms(con, data.articles, scope, top))
            return pd.concat(pieces, ignore_index=True)
        finally:
            con.close()
    if not isinstance(data, pd.DataFrame) and options is None:
        options = TokenOptions(stopwords="english")
    toks = as_token_table(data, options)
    counts = toks.groupby(["article", "section", column], sort=False).size().rename("count").reset_index()
    return _section_terms(counts.rename(columns={column: "term"}), pd.unique(toks["article"]), scope, top)


def _section_term_counts_sql(rows: str) -> str:
    """SQL of the counts behind section_term_table, of view ``rows`` (``forms``: each raw token normalised once)."""
    return (f"SELECT r.article, r.section, f.term, count(*)::BIGINT AS count FROM {rows} r "
            "JOIN forms f ON r.token = f.token GROUP BY r.article, r.section, f.term")


def _section_terms(counts: pd.DataFrame, articles, scope: str, top: int | None) -> pd.DataFrame:
    """:func:`section_term_table` from a frame of its integers (``article``, ``section``, ``term``, ``count``)."""
    articles = [str(a) for a in articles]
    con = connect_duckdb()
    try:
        con.register("counts", counts[["article", "section", "term", "count"]])
        register_article_order(con, articles)
        return _scored_section_terms(con, articles, scope, top)
    finally:
        con.close()


def _scored_section_terms(con, articles, scope: str, top: int | None) -> pd.DataFrame:
    """:func:`section_term_table` from view ``counts`` (``article``, ``section``, ``term``, ``count``) of ``con``,
    whose table ``article_order`` numbers ``articles``.

    The one implementation of its scores and order, for a token table's
    counts and a dataset's alike.  In the database, so that a large
    corpus' articles x sections x terms rows (6.5 million at 100 MB) are
    joined, ranked and cut to ``top`` there, and only the kept rows reach
    pandas: the integers (``doc_freq``, the sections of the scope) are
    aggregated, the idf of each distinct pair is :func:`smooth_idf` in
    Python (``math.log``: the same doubles as everywhere else), and
    ``tfidf = count * idf`` is one IEEE multiplication, as numpy makes it.
    Ties of tf-idf are broken by term in code-point order (DuckDB compares
    strings byte by byte in UTF-8, which orders them as Python does).
    Articles are numbered by their place in ``articles`` (joins on an
    integer, not on the id's text).
    """
    con.sql("CREATE OR REPLACE TEMP TABLE numbered AS SELECT o.i, c.section, c.term, c.count FROM counts c "
            "JOIN article_order o ON c.article = o.article")
    if scope == "article":  # the documents: the sections of the term's article that hold a kept token
        con.sql("CREATE OR REPLACE TEMP TABLE docs AS SELECT i, term, count(*)::BIGINT AS doc_freq FROM numbered "
                "GROUP BY i, term")
        con.sql("CREATE OR REPLACE TEMP TABLE sizes AS SELECT i, count(DISTINCT section)::BIGINT AS n_docs "
                "FROM numbered GROUP BY i")
        pairs = con.sql("SELECT DISTINCT d.doc_freq, s.n_docs FROM docs d JOIN sizes s ON d.i = s.i").fetchall()
        scored = ("SELECT c.i, c.section, c.term, c.count, d.doc_freq, s.n_docs FROM numbered c "
                  "JOIN docs d ON c.i = d.i AND c.term = d.term JOIN sizes s ON c.i = s.i")
    else:  # every non-empty section of the corpus
        con.sql("CREATE OR REPLACE TEMP TABLE docs AS SELECT term, count(*)::BIGINT AS doc_freq FROM numbered "
                "GROUP BY term")
        n = int(con.sql("SELECT count(*) FROM (SELECT DISTINCT i, section FROM numbered)").fetchall()[0][0])
        pairs = [(d, n) for (d,) in con.sql("SELECT DISTINCT doc_freq FROM docs").fetchall()]
        scored = (f"SELECT c.i, c.section, c.term, c.count, d.doc_freq, {n}::BIGINT AS n_docs FROM numbered c "
                  "JOIN docs d ON c.term = d.term")
    con.register("idfs", pa.table({"doc_freq": pa.array([p[0] for p in pairs], pa.int64()),
                                   "n_docs": pa.array([p[1] for p in pairs], pa.int64()),
                                   "idf": pa.array([smooth_idf(int(d), int(n)) for d, n in pairs], pa.float64())}))
    cut = "" if top is None else f"QUALIFY rank <= {int(top)}"
    out = con.sql(
        "SELECT s.i, s.section, s.term, s.count, s.doc_freq, f.idf, s.count * f.idf AS tfidf, "
        "row_number() OVER (PARTITION BY s.i, s.section ORDER BY s.count * f.idf DESC, s.term) AS rank "
        f"FROM ({scored}) s JOIN idfs f ON s.doc_freq = f.doc_freq AND s.n_docs = f.n_docs {cut} "
        "ORDER BY s.i, s.section, rank").df()
    out.insert(0, "article", np.array(list(articles), dtype=object)[out.pop("i").to_numpy("int64")])
    return out.astype({"article": object, "term": object, "section": "int64", "count": "int64",
                       "doc_freq": "int64", "idf": "float64", "tfidf": "float64", "rank": "int64"})


def iter_section_term_counts(dataset: TokenDataset, column: str = "norm", *,
                             rows: int = 250_000) -> Iterator[pd.DataFrame]:
    """:func:`section_term_counts` in pieces of whole articles (about ``rows`` rows each), in corpus order.

    DuckDB sorts the counts by article (spilling past its memory limit); an
    article is never split over two pieces.
    """
    if column not in ("norm", "token"):
        raise ValueError(f"column must be 'norm' or 'token' for a token dataset, not {column!r}")
    if not dataset.parts:
        return
    con = connect_duckdb()
    try:
        con.read_parquet([str(p) for p in dataset.parts]).create_view("raw")
        con.register("forms", kept_token_forms(con, dataset, column))
        register_article_order(con, list(dataset.articles))
        reader = con.sql(f"SELECT c.* FROM ({_section_term_counts_sql('raw')}) c "
                         "JOIN article_order o USING (article) ORDER BY o.i").to_arrow_reader(rows)
        yield from whole_article_pieces(reader, {"article": object, "section": "int64", "term": object,
                                                 "count": "int64"})
    finally:
        con.close()


def section_term_counts(dataset: TokenDataset, column: str = "norm") -> pd.DataFrame:
    """``article``, ``section``, ``term``, ``count`` of a token dataset under its options, counted by DuckDB.

    The integers behind :func:`section_term_table` (in no particular order):
    each distinct raw token is normalised once by the dataset's options, as
    :func:`corpus_tools.tokens.renormalized_table` does, and joined in the
    database, so only the counts reach pandas.
    """
    if column not in ("norm", "token"):
        raise ValueError(f"column must be 'norm' or 'token' for a token dataset, not {column!r}")
    empty = pd.DataFrame({"article": pd.Series(dtype=object), "section": pd.Series(dtype="int64"),
                          "term": pd.Series(dtype=object), "count": pd.Series(dtype="int64")})
    if not dataset.parts:
        return empty
    con = connect_duckdb()
    try:
        con.read_parquet([str(p) for p in dataset.parts]).create_view("raw")
        con.register("forms", kept_token_forms(con, dataset, column))
        counts = con.sql(_section_term_counts_sql("raw")).df()
    finally:
        con.close()
    return counts.astype({"article": object, "section": "int64", "term": object, "count": "int64"}) \
        if len(counts) else empty


def block_table(data: Corpus | Article | Iterable[Article], *, tokens: TokenSource | None = None) -> pd.DataFrame:
    """One row per block: article, block, kind, section, words, sentences.

    ``words`` counts word tokens (see :func:`~corpus_tools.is_word`),
    ``section`` follows :class:`~corpus_tools.Token` (a heading opens the next
    section; the lead is 0).  ``tokens``: see :data:`TokenSource`.

    >>> from corpus_tools import Corpus
    >>> block_table(Corpus.from_texts(["Lead one. Two.\\n\\nA Heading\\n\\nBody text here."]))[
    ...     ["kind", "section", "words", "sentences"]].values.tolist()
    [['paragraph', 0, 3, 2], ['heading', 1, 2, 1], ['paragraph', 1, 3, 1]]
    """
    rows = []
    tokens = tokens or iter_tokens
    for article in as_articles(data):
        words: dict[int, int] = {}
        sentences: dict[int, set[int]] = {}
        for tok in tokens(article):
            words[tok.block] = words.get(tok.block, 0) + is_word(tok.text)
            sentences.setdefault(tok.block, set()).add(tok.sentence)
        section = 0
        for b in article.blocks:
            section += b.kind == "heading"
            rows.append((article.id, b.index, b.kind, section, words.get(b.index, 0), len(sentences.get(b.index, ()))))
    return pd.DataFrame(rows, columns=["article", "block", "kind", "section", "words", "sentences"])


def sentence_table(data: Corpus | Article | Iterable[Article], *, tokens: TokenSource | None = None) -> pd.DataFrame:
    """One row per sentence: article, section, block, sentence, words.  ``tokens``: see :data:`TokenSource`.

    >>> from corpus_tools import Corpus
    >>> sentence_table(Corpus.from_texts(["One two. Three."]))["words"].tolist()
    [2, 1]
    """
    rows: dict[tuple, int] = {}
    tokens = tokens or iter_tokens
    for article in as_articles(data):
        for tok in tokens(article):
            key = (article.id, tok.section, tok.block, tok.sentence)
            rows[key] = rows.get(key, 0) + is_word(tok.text)
    return pd.DataFrame([(*k, v) for k, v in rows.items()],
                        columns=["article", "section", "block", "sentence", "words"])
