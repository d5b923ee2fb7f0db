"""The word-level tables of a token dataset equal those of its token table in memory, to the last bit.

Diversity (streamed from the parts), keywords per article (one DuckDB aggregate, vectorised
scoring), group tables, trends, ``frequency_table(groups=)`` and keyness (groups, a reference
dataset), on the seed, on 40 Reuters articles with a metadata sidecar (dates, topics), and on
a small dated corpus with an undated and a token-less article, under several token options.
"""

from __future__ import annotations

import math
import random

import numpy as np
import pandas as pd
import pytest
from conftest import REUTERS
from nltk.metrics import BigramAssocMeasures

import corpus_tools as ct
from corpus_tools import stats
from corpus_tools.scale import token_dataset
from corpus_tools.stats.diversity import _Mattr, _MtldPass, _Positions, _term_ids
from corpus_tools.stats.keyness import keyness_arrays, keyness_scores
from corpus_tools.stats.measures import LOG_RATIO_ZERO, chi2_p_value
from corpus_tools.tokens.dataset import TokenDataset

OPTIONS = [
    ct.TokenOptions(),
    ct.TokenOptions(stopwords="english"),
    ct.TokenOptions(lowercase=False, words_only=False),
    ct.TokenOptions(min_length=4, stem="porter"),
]

NEWS = [  # (id, date, desk, text)
    ("n1", "2022-01-03", "energy", "Oil prices rose. OPEC met in Vienna and oil ministers agreed to cut output."),
    ("n2", "2022-01-20", "energy", "Crude oil fell again. Analysts said the oil market was oversupplied."),
    ("n3", "2022-03-02", "markets", "Shares rose in Tokyo. The U.S. dollar held steady against the yen."),
    ("n4", None, "markets", "Bond yields climbed. Traders sold bonds; the bond market fell."),
    ("n5", "2023-07-14", "energy", "Gas prices doubled. Oil and gas firms reported record profits."),
    ("n6", "2023-07-30", None, "A storm closed the port. Ships waited outside the port for days."),
    ("n7", "2024-02-11", "markets", "..."),  # no word token: absent from every count
    ("n8", "2024-02-12", "markets", "The yen fell. Oil rose. The yen and the dollar traded in a narrow range."),
]


def _news() -> ct.Corpus:
    return ct.Corpus([ct.Article.from_text(text, id=i, date=d, meta={} if desk is None else {"desk": desk})
                      for i, d, desk, text in NEWS])


@pytest.fixture(scope="module")
def corpora(seed_corpus):
    reuters = ct.load_corpus(REUTERS, warn=False)
    assert len(reuters) == 40
    return {"seed": seed_corpus, "reuters": reuters, "news": _news()}


@pytest.fixture(scope="module")
def datasets(tmp_path_factory, corpora):
    """Each corpus tokenised by both tokenizers: the fast one (the default) and the exact one (as ct.token_table)."""
    folder = tmp_path_factory.mktemp("datasets")
    return {(name, tok): token_dataset(corpus, folder, tokenizer=tok, n_jobs=1)
            for name, corpus in corpora.items() for tok in ("fast", "exact")}


def _pair(corpora, datasets, name, options):
    """The corpus, its dataset (fast tokenizer) under ``options``, and its token table under them."""
    ds = datasets[name, "fast"].with_options(options)
    return corpora[name], ds, ct.tokens.fast_token_table(corpora[name], options)


def _equal(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(got, expected)
    # byte-identical when saved, not only equal within a tolerance
    assert got.to_csv(float_format="%.17g") == expected.to_csv(float_format="%.17g")


# ---- lexical diversity, streamed ----------------------------------------------------------

def _mattr_reference(words, w):
    n = len(words)
    if n == 0:
        return math.nan
    if n <= w:
        return len(set(words)) / n
    return sum(len(set(words[i:i + w])) for i in range(n - w + 1)) / (n - w + 1) / w


def _mtld_pass_reference(words, threshold):
    factors, types, count = 0.0, set(), 0
    for x in words:
        types.add(x)
        count += 1
        if len(types) / count <= threshold:
            factors += 1
            types, count = set(), 0
    if count:
        factors += (1 - len(types) / count) / (1 - threshold)
    return len(words) / factors if factors else math.nan


def test_streamed_mattr_and_mtld_equal_the_whole_sequence_recomputation():
    rnd = random.Random(5)
    for _ in range(200):
        words = [rnd.choice("abcdefghij"[: rnd.randint(1, 10)]) for _ in range(rnd.randint(0, 120))]
        w, threshold = rnd.randint(1, 30), rnd.choice([0.5, 0.72, 0.9])
        cuts = sorted(rnd.sample(range(len(words) + 1), min(3, len(words) + 1)))
        pieces = [words[i:j] for i, j in zip([0, *cuts], [*cuts, len(words)], strict=True)]
        m, f, b = _Mattr(w), _MtldPass(threshold), _MtldPass(threshold)
        forward, backward = _Positions(), _Positions()
        vocabulary = {}
        for piece in pieces:  # fed in pieces, as articles stream
            pos, prev = forward.feed(_term_ids(piece, vocabulary))
            m.feed(pos, prev)
            f.feed(pos, prev)
        for piece in reversed(pieces):
            b.feed(*backward.feed(_term_ids(piece[::-1], vocabulary)))
        ref = _mattr_reference(words, w)
        assert m.value() == ref or (math.isnan(ref) and math.isnan(m.value()))
        assert ct.stats.mattr(words, w) == m.value() or not words
        fwd, bwd = _mtld_pass_reference(words, threshold), _mtld_pass_reference(words[::-1], threshold)
        for got, want in ((f.value(), fwd), (b.value(), bwd)):
            assert got == want or (math.isnan(got) and math.isnan(want))
        if words:
            got, want = ct.stats.mtld(words, threshold), (fwd + bwd) / 2
            assert got == want or (math.isnan(got) and math.isnan(want))


@pytest.mark.parametrize("name", ["seed", "reuters", "news"])
@pytest.mark.parametrize("options", OPTIONS, ids=repr)
def test_diversity_of_dataset_equals_in_memory(corpora, datasets, name, options):
    _, ds, toks = _pair(corpora, datasets, name, options)
    for by_article in (False, True):
        for window, threshold in ((50, 0.72), (7, 0.5)):
            kw = dict(by_article=by_article, mattr_window=window, threshold=threshold)
            _equal(ct.diversity_table(ds, **kw), ct.diversity_table(toks, **kw))
    _equal(ct.diversity_table(ds, column="token"), ct.diversity_table(toks, column="token"))


def test_diversity_streams_with_small_batches(corpora, datasets, monkeypatch):
    # articles spanning batches (and, backward, row-group slices) give the same rows
    from corpus_tools.stats import word_queries

    monkeypatch.setattr(word_queries, "STREAM_BATCH_ROWS", 7)
    _, ds, toks = _pair(corpora, datasets, "reuters", OPTIONS[1])
    _equal(ct.diversity_table(ds), ct.diversity_table(toks))
    _equal(ct.diversity_table(ds, by_article=True), ct.diversity_table(toks, by_article=True))
    both = stats.diversity_tables(ds)  # one stream for both tables, cut in 7-row batches too
    _equal(both.corpus, ct.diversity_table(toks))
    _equal(both.by_article, ct.diversity_table(toks, by_article=True))


def test_diversity_tables_equal_the_two_tables_on_datasets_and_in_memory(corpora, datasets):
    # the corpus row and the article rows from one forward and one backward stream, for every
    # corpus and option set, equal the two diversity_table calls of the in-memory token table
    for name in corpora:
        for options in OPTIONS:
            _, ds, toks = _pair(corpora, datasets, name, options)
            for window, threshold in ((50, 0.72), (7, 0.5)):
                kw = dict(mattr_window=window, threshold=threshold)
                both, in_memory = stats.diversity_tables(ds, **kw), stats.diversity_tables(toks, **kw)
                for pair in (both, in_memory):
                    _equal(pair.corpus, ct.diversity_table(toks, **kw))
                    _equal(pair.by_article, ct.diversity_table(toks, by_article=True, **kw))
            assert len(both.by_article) == toks["article"].nunique()
            assert both.corpus["tokens"].item() == both.by_article["tokens"].sum() == len(toks)


# ---- keyness: vectorised scores and keywords per article ----------------------------------

def test_vectorised_scores_equal_nltk_and_the_scalar_function_bit_for_bit():
    rnd = random.Random(11)
    rows = [(3, 1, 5, 10), (0, 3, 5, 10), (1, 0, 5, 10), (0, 0, 5, 10), (5, 10, 5, 10), (7, 0, 7, 1)]
    for _ in range(5000):
        c = rnd.choice([1, 2, 5, 300, 10**4, 10**6, 3 * 10**7, 10**8])  # past 2**26 tokens: exact integers
        d = rnd.choice([1, 3, 1000, 10**5, 2 * 10**6, 5 * 10**9])
        rows.append((rnd.randint(0, c), rnd.randint(0, min(d, rnd.choice([5, d]))), c, d))
    a, b, c, d = map(np.array, zip(*rows, strict=True))
    got = keyness_arrays(a, b, c, d)
    for i, (ai, bi, ci, di) in enumerate(rows):
        marginals = (ai, (ai + bi, ci), ci + di)
        g2 = BigramAssocMeasures.likelihood_ratio(*marginals)
        try:
            chi2 = BigramAssocMeasures.chi_sq(*marginals)
        except ZeroDivisionError:
            chi2 = 0.0
        lr = math.log2(((ai or LOG_RATIO_ZERO) / ci) / ((bi or LOG_RATIO_ZERO) / di))
        want = {"g2": g2, "chi2": chi2, "g2_p": chi2_p_value(g2), "chi2_p": chi2_p_value(chi2), "log_ratio": lr}
        scalar = keyness_scores(ai, bi, ci, di)
        for name, value in want.items():
            assert got[name][i].hex() == value.hex() == scalar[name].hex(), (name, rows[i])
        assert got["direction"][i] == scalar["direction"] and got["note"][i] == scalar["note"]
    # a subset of the columns is the same numbers
    assert keyness_arrays(a, b, c, d, ["chi2"])["chi2"].tobytes() == got["chi2"].tobytes()


def _keywords_one_table_per_article(toks, top, measure, min_count):
    """The definition: one keyness_table per article, against all other articles (quadratic; tests only)."""
    parts = []
    for art in dict.fromkeys(toks["article"]):
        table = ct.keyness_table(toks, art, measure=measure, min_count=min_count, direction="over")
        own = set(toks.loc[toks["article"] == art, "norm"])
        table = table[table["term"].isin(own)].head(top)
        parts.append(table.assign(article=pd.Series([art] * len(table), index=table.index, dtype=object)))
    out = pd.concat(parts, ignore_index=True)
    return out[["article", *[c for c in out.columns if c != "article"]]]


@pytest.mark.parametrize("name", ["reuters", "news"])
@pytest.mark.parametrize("options", OPTIONS, ids=repr)
def test_keyword_table_of_dataset_equals_in_memory(corpora, datasets, name, options):
    _, ds, toks = _pair(corpora, datasets, name, options)
    for top, measure, min_count in ((10, "g2", 1), (3, "log_ratio", 2), (5, "chi2", 3), (4, "pct_diff", 1)):
        expected = stats.keyword_table(toks, top=top, measure=measure, min_count=min_count)
        _equal(stats.keyword_table(ds, top=top, measure=measure, min_count=min_count), expected)
    expected = stats.keyword_table(toks, top=4)
    _equal(expected, _keywords_one_table_per_article(toks, 4, "g2", 1))


def test_keyword_table_streams_whole_articles_in_chunks(corpora, datasets, monkeypatch):
    from corpus_tools.stats import word_queries

    _, ds, toks = _pair(corpora, datasets, "reuters", OPTIONS[1])
    real = word_queries.iter_keyword_counts
    seen = []

    def small_chunks(*args, **kwargs):
        for item in real(*args, **dict(kwargs, chunk_rows=50)):
            if isinstance(item, pd.DataFrame):
                seen.append(item["article"].unique().tolist())
            yield item

    monkeypatch.setattr(ct.stats.keyness, "iter_keyword_counts", small_chunks)
    _equal(stats.keyword_table(ds, top=6), stats.keyword_table(toks, top=6))
    assert len(seen) > 10
    flat = [a for chunk in seen for a in chunk]
    assert flat == sorted(flat) and len(flat) == len(set(flat))  # each article whole, in one chunk, in order


def test_keyword_pieces_write_the_bytes_of_the_whole_table(corpora, datasets, monkeypatch, tmp_path):
    # the report writes the keywords a piece of articles at a time: the CSV must be the one of the whole table
    from corpus_tools.io.outputs import OutputFolder, table_to_csv
    from corpus_tools.stats import word_queries

    _, ds, toks = _pair(corpora, datasets, "reuters", OPTIONS[1])
    real = word_queries.iter_keyword_counts
    monkeypatch.setattr(ct.stats.keyness, "iter_keyword_counts",
                        lambda *a, **k: real(*a, **dict(k, chunk_rows=50)))
    pieces = list(stats.iter_keyword_table(ds, top=6, measure="log_ratio"))
    assert len(pieces) > 10 and all(list(p.columns) == list(pieces[0].columns) for p in pieces)
    whole = stats.keyword_table(toks, top=6, measure="log_ratio")
    _equal(pd.concat(pieces, ignore_index=True), whole)
    path = OutputFolder(tmp_path).table_pieces(iter(pieces), "keywords", show=False)
    assert path.read_text(encoding="utf-8") == table_to_csv(whole)
    # checked when called, not when the first piece is asked for
    seed = _pair(corpora, datasets, "seed", OPTIONS[0])[1]
    with pytest.raises(ValueError, match="at least two articles"):
        stats.iter_keyword_table(seed)
    with pytest.raises(ValueError, match="unknown keyness measure"):
        stats.iter_keyword_table(ds, measure="nope")

def test_keyword_table_needs_two_articles(corpora, datasets):
    _, ds, _ = _pair(corpora, datasets, "seed", OPTIONS[0])
    with pytest.raises(ValueError, match="at least two articles to compare, not 1"):
        stats.keyword_table(ds)


# ---- groups, trends, frequency_table(groups=) ---------------------------------------------

@pytest.mark.parametrize("name", ["reuters", "news"])
@pytest.mark.parametrize("options", OPTIONS, ids=repr)
def test_group_tables_of_dataset_equal_in_memory(corpora, datasets, name, options):
    corpus = corpora[name]
    ds = datasets[name, "exact"].with_options(options)  # the exact tokenizer is ct.token_table's
    for groups in ("date:day", "date:week", "date:month", "date:year", "topic" if name == "reuters" else "desk"):
        labels = stats.group_labels(corpus, groups)
        assert stats.group_labels(ds, groups) == labels  # from the article table, no corpus
        _equal(ct.frequency_table(ds, groups=groups), ct.frequency_table(corpus, groups=groups, options=options))
        _equal(ct.ngram_table(ds, 2, groups=groups), ct.ngram_table(corpus, 2, groups=groups, options=options))
        _equal(ct.diversity_table(ds, groups=groups), ct.diversity_table(corpus, groups=groups, options=options))
        for min_count in (1, 2):
            expected = stats.group_frequency_table(corpus, groups, min_count=min_count, options=options)
            _equal(stats.group_frequency_table(ds, labels, min_count=min_count), expected)
            _equal(ct.frequency_table(ds, groups=labels, min_count=min_count), expected)
            _equal(ct.frequency_table(corpus, groups=groups, min_count=min_count, options=options), expected)
            _equal(stats.group_ngram_table(ds, labels, n=2, min_count=min_count),
                   stats.group_ngram_table(corpus, groups, n=2, min_count=min_count, options=options))
        _equal(stats.group_ngram_table(ds, labels, n=3, column="token"),
               stats.group_ngram_table(corpus, groups, n=3, column="token", options=options))
        _equal(stats.group_diversity_table(ds, labels),
               stats.group_diversity_table(corpus, groups, options=options))
        _equal(stats.group_diversity_table(ds, labels, mattr_window=5, threshold=0.6),
               stats.group_diversity_table(corpus, groups, mattr_window=5, threshold=0.6, options=options))


def test_group_tables_of_dataset_equal_the_token_table_path(corpora, datasets):
    _, ds, toks = _pair(corpora, datasets, "reuters", OPTIONS[1])
    labels = stats.group_labels(corpora["reuters"], "topic")
    _equal(stats.group_frequency_table(ds, labels), stats.group_frequency_table(toks, labels))
    _equal(ct.frequency_table(toks, groups=labels), stats.group_frequency_table(toks, labels))
    _equal(stats.group_diversity_table(ds, labels), stats.group_diversity_table(toks, labels))
    _equal(ct.ngram_table(ds, 2, groups=labels), stats.group_ngram_table(toks, labels, n=2))
    _equal(ct.diversity_table(ds, groups=labels), stats.group_diversity_table(toks, labels))
    for table in (ct.ngram_table, ct.diversity_table):
        with pytest.raises(ValueError, match="by_article or groups, not both"):
            table(ds, groups=labels, by_article=True)
    # no group at all: the same empty table
    _equal(stats.group_frequency_table(ds, {}), stats.group_frequency_table(toks, {}))
    # by name: the labels read from the dataset's article table, the same table
    _equal(stats.group_frequency_table(ds, "topic"), stats.group_frequency_table(toks, labels))
    with pytest.raises(TypeError, match="a token dataset carries its variables by name, not functions"):
        stats.group_frequency_table(ds, lambda a: a.id)
    with pytest.raises(ValueError, match="by_article or groups, not both"):
        ct.frequency_table(ds, groups=labels, by_article=True)


@pytest.mark.parametrize("name", ["reuters", "news"])
@pytest.mark.parametrize("options", OPTIONS, ids=repr)
def test_trend_table_of_dataset_equals_in_memory(corpora, datasets, name, options):
    corpus = corpora[name]
    ds = datasets[name, "exact"].with_options(options)
    dates = {a.id: a.date for a in corpus}
    phrases = ["oil", "crude oil", "the yen", "U.S.", "said", "Oil prices rose"]
    terms = [t for t in phrases if all(options.normalize(x) for x in ct.stats.query_tokens(t)
                                       if not options.words_only or ct.tokens.is_word(x))]
    for period in ("day", "week", "month", "year"):
        for wanted in (None, terms):
            expected = stats.trend_table(corpus, wanted, period=period, top=4, options=options)
            got = stats.trend_table(ds, wanted, period=period, top=4, dates=dates)
            _equal(got, expected)
            assert got.attrs == expected.attrs


def test_trend_table_of_dataset_equals_the_token_table_path(corpora, datasets):
    corpus, ds, toks = _pair(corpora, datasets, "reuters", OPTIONS[1])
    dates = {a.id: a.date for a in corpus}
    for wanted in (None, ["oil", "crude oil", "U.S."]):
        expected = stats.trend_table(toks, wanted, period="day", dates=dates, options=OPTIONS[1])
        got = stats.trend_table(datasets["reuters", "fast"], wanted, period="day", dates=dates, options=OPTIONS[1])
        _equal(got, expected)
    # without dates=: the dataset's article table has them
    _equal(stats.trend_table(ds, ["oil"], period="day"), stats.trend_table(toks, ["oil"], period="day", dates=dates))
    with pytest.raises(TypeError, match="a token table carries no dates"):
        stats.trend_table(toks, ["oil"])


# ---- keyness tables -----------------------------------------------------------------------

@pytest.mark.parametrize("options", OPTIONS, ids=repr)
def test_keyness_table_of_dataset_equals_in_memory(corpora, datasets, options):
    corpus, ds, toks = _pair(corpora, datasets, "reuters", options)
    labels = stats.group_labels(corpus, "topic")
    kw = dict(min_count=2, bonferroni=True)
    for target, against in (("crude", None), ("acq", None), ("crude", "acq")):
        expected = ct.keyness_table(toks, target, against, groups=labels, **kw)
        got = ct.keyness_table(ds, target, against, groups=labels, **kw)
        _equal(got, expected)
        assert got.attrs == expected.attrs
    ids = [a.id for a in corpus][:5]
    for measure in ("g2", "log_ratio", "chi2", "pct_diff"):
        _equal(ct.keyness_table(ds, ids, measure=measure, direction="over", max_p=0.5),
               ct.keyness_table(toks, ids, measure=measure, direction="over", max_p=0.5))
    months = stats.group_labels(corpus, "date:month")
    _equal(ct.keyness_table(ds, "1987-03", groups=months), ct.keyness_table(toks, "1987-03", groups=months))
    # groups by name: the dataset's article table gives the labels
    _equal(ct.keyness_table(ds, "1987-03", groups="date:month"), ct.keyness_table(toks, "1987-03", groups=months))
    _equal(ct.keyness_table(ds, "crude", "acq", groups="topic", **kw),
           ct.keyness_table(toks, "crude", "acq", groups=labels, **kw))


def test_keyness_against_a_reference_dataset(corpora, datasets, tmp_path):
    options = ct.TokenOptions(stopwords="english")
    reuters, seed = datasets["reuters", "fast"].with_options(options), datasets["seed", "fast"]
    reuters_toks = ct.tokens.fast_token_table(corpora["reuters"], options)
    seed_toks = ct.tokens.fast_token_table(corpora["seed"], options)
    expected = ct.keyness_table(reuters_toks, reference=seed_toks, min_count=3)
    # the reference dataset (default options) is queried with the target's
    got = ct.keyness_table(reuters, reference=seed, min_count=3)
    _equal(got, expected)
    assert got.attrs == expected.attrs and got["term"].iloc[0] == "oil"
    # a token table as reference, and a dataset as reference of a token table
    _equal(ct.keyness_table(reuters, reference=seed_toks, min_count=3), expected)
    _equal(ct.keyness_table(reuters_toks, reference=seed.with_options(options), min_count=3), expected)
    # the reference as the notebook builds it: tokenised into its own dataset in the same folder
    ref = token_dataset(corpora["seed"], tmp_path, n_jobs=1)
    assert isinstance(ref, TokenDataset)
    _equal(ct.keyness_table(reuters, reference=ref, min_count=3), expected)


def test_keyness_dataset_errors_as_in_memory(corpora, datasets):
    corpus, ds, toks = _pair(corpora, datasets, "news", OPTIONS[0])
    for data in (toks, ds):
        everything = ds.articles if data is ds else list(dict.fromkeys(toks["article"]))  # n7: no token
        with pytest.raises(ValueError, match="the target is the whole corpus"):
            ct.keyness_table(data, everything)
        with pytest.raises(ValueError, match="give a target"):
            ct.keyness_table(data)
        with pytest.raises(ValueError, match=r"target article id\(s\) not in the corpus"):
            ct.keyness_table(data, ["nope"])
        with pytest.raises(TypeError, match="a predicate target needs a Corpus"):
            ct.keyness_table(data, lambda a: True)


def test_term_article_table_of_chosen_terms_pivots_only_their_rows(corpora, datasets):
    _, ds, _ = _pair(corpora, datasets, "reuters", OPTIONS[1])
    by_article = ct.frequency_table(ds, by_article=True)
    terms = ["oil", "opec", "nowhere", "said"]
    full = by_article.pivot(index="term", columns="article", values="tfidf")  # the dense definition
    articles = list(dict.fromkeys(by_article["article"]))
    expected = full.reindex(index=terms, columns=articles).fillna(0).astype("float64")
    _equal(stats.term_article_table(by_article, terms), expected)
    assert stats.term_article_table(by_article, terms).loc["nowhere"].sum() == 0


def test_mattr_and_mtld_over_long_sequences_in_uneven_pieces_equal_the_reference():
    # longer than an MTLD look-ahead block (256 tokens), cut anywhere, words from Zipf-like vocabularies
    rnd = random.Random(11)
    for _ in range(40):
        vocab = [f"w{i}" for i in range(rnd.choice([3, 40, 400, 4000]))]
        weights = [1 / (i + 1) for i in range(len(vocab))]
        words = rnd.choices(vocab, weights, k=rnd.randint(200, 3000))
        w, threshold = rnd.choice([1, 7, 50, 100]), rnd.choice([0.3, 0.72, 0.95])
        cuts = sorted(rnd.sample(range(1, len(words)), rnd.randint(1, 12)))
        pieces = [words[i:j] for i, j in zip([0, *cuts], [*cuts, len(words)], strict=True)]
        m, f, b = _Mattr(w), _MtldPass(threshold), _MtldPass(threshold)
        forward, backward = _Positions(), _Positions()
        vocabulary = {}
        for piece in pieces:
            pos, prev = forward.feed(_term_ids(piece, vocabulary))
            m.feed(pos, prev)
            f.feed(pos, prev)
        for piece in reversed(pieces):
            b.feed(*backward.feed(_term_ids(piece[::-1], vocabulary)))
        assert m.value() == _mattr_reference(words, w)
        assert f.value() == _mtld_pass_reference(words, threshold)
        assert b.value() == _mtld_pass_reference(words[::-1], threshold)


# ---- the by-article frequency table in pieces ---------------------------------------------

@pytest.mark.parametrize("rows", [1, 7, 250_000])
@pytest.mark.parametrize("options", OPTIONS[:2], ids=repr)
def test_by_article_pieces_are_the_by_article_table(corpora, datasets, options, rows):
    ds = datasets["reuters", "fast"].with_options(options)
    full = ct.frequency_table(ds, by_article=True)
    pieces = list(ct.stats.iter_frequency_table(ds, rows=rows))
    if rows == 1:  # as many pieces as articles with a counted token: an article is never split
        assert len(pieces) == full["article"].nunique()
    assert all(p["article"].iloc[0] != q["article"].iloc[-1] for p, q in zip(pieces[1:], pieces, strict=False))
    _equal(pd.concat(pieces, ignore_index=True), full)


@pytest.mark.parametrize("rows", [1, 250_000])
def test_the_pieces_of_some_articles_are_their_rows_of_the_whole_table(datasets, rows):
    ds = datasets["reuters", "fast"].with_options({"stopwords": "english"})
    full = ct.frequency_table(ds, by_article=True)
    chosen = {ds.articles[-1], ds.articles[3], ds.articles[0]}  # any order: the rows come in corpus order
    pieces = list(ct.stats.iter_frequency_table(ds, rows=rows, articles=chosen))
    if rows == 1:  # one piece per article
        assert len(pieces) == 3
    _equal(pd.concat(pieces, ignore_index=True), full[full["article"].isin(chosen)].reset_index(drop=True))


@pytest.mark.parametrize("name", ["seed", "reuters", "news"])
def test_distinctive_terms_and_heatmap_of_a_dataset_equal_those_of_its_by_article_table(corpora, datasets, name):
    ds = datasets[name, "fast"].with_options({"stopwords": "english"})
    full = ct.frequency_table(ds, by_article=True)
    _equal(ct.stats.distinctive_term_table(ds, top=5), ct.stats.distinctive_term_table(full, top=5))
    for options in OPTIONS:  # ranked in DuckDB: the rows and floats of the in-memory token table's
        _, ds_o, toks = _pair(corpora, datasets, name, options)
        in_memory = ct.frequency_table(toks, by_article=True)
        for top in (1, 5, 50):
            got = ct.stats.distinctive_term_table(ds_o, top=top)
            _equal(got, ct.stats.distinctive_term_table(in_memory, top=top))
            # ties in tf-idf (common: the same count and document frequency) go by term, code point order
            for _, rows in got.groupby("article", sort=False):
                keys = list(zip((-rows["tfidf"]).tolist(), rows["term"].tolist(), strict=True))
                assert keys == sorted(keys) and rows["rank"].tolist() == list(range(1, len(rows) + 1))
    ds = datasets[name, "fast"].with_options({"stopwords": "english"})
    for top_articles in (1, 3, 40):
        _equal(ct.plots.heatmap_selection_table(ds, top=6, top_articles=top_articles),
               ct.plots.heatmap_selection_table(full, top=6, top_articles=top_articles))
