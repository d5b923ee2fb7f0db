"""Count and input validation (issue 15): a negative or non-integer count, a string where a corpus
is expected, a table where keyness expects a target: each a clear error naming the argument and the value."""

from __future__ import annotations

import numpy as np
import pytest

import corpus_tools as ct
from corpus_tools.model.checks import check_count, check_counts, check_span, short_repr
from corpus_tools.scale.streaming import count_articles

CORPUS = ct.Corpus.from_texts(["Oil prices rose. Oil fell again and oil rose.",
                               "The oil market. Prices rose in Texas."], ids=["a", "b"])
TOKENS = ct.token_table(CORPUS)


def test_check_count_accepts_whole_numbers_and_none_only_when_allowed():
    assert check_count(np.int64(4), "top") == 4 and type(check_count(np.int64(4), "top")) is int
    assert check_count(None, "top", allow_none=True) is None
    with pytest.raises(ValueError, match=r"top must be an integer >= 0, not None"):
        check_count(None, "top")
    with pytest.raises(ValueError, match=r"min_count must be an integer >= 1, not 5.0 \(float\)"):
        check_count(5.0, "min_count", minimum=1)
    with pytest.raises(ValueError, match=r"not True \(bool\)"):
        check_count(True, "top")
    with pytest.raises(ValueError, match=r"context must be an integer >= 1, not 0"):
        check_counts(context=0)


def test_check_span_takes_an_integer_or_a_pair():
    assert check_span(3) == 3 and check_span([0, 2]) == (0, 2)
    with pytest.raises(ValueError, match=r"span \(-1, 2\): left must be an integer >= 0, not -1"):
        check_span((-1, 2))
    with pytest.raises(ValueError, match="at least one token"):
        check_span((0, 0))
    with pytest.raises(ValueError, match=r"span must be an integer or a \(left, right\) pair"):
        check_span((1, 2, 3))


def test_a_huge_bad_value_is_not_echoed_whole():
    with pytest.raises(ValueError) as err:
        check_count("9" * 10_000_000, "top")
    assert len(str(err.value)) < 200 and "10,000,002 characters" in str(err.value)
    assert short_repr("abc") == "'abc'"


@pytest.mark.parametrize("call", [
    lambda v: count_articles(CORPUS).frequency_table(top=v),
    lambda v: count_articles(CORPUS, ngram_sizes=(2,)).ngram_table(2, top=v),
    lambda v: ct.stats.keyword_table(TOKENS, top=v),
    lambda v: ct.plots.plot_top_terms(ct.frequency_table(TOKENS), top=v),
    lambda v: ct.structure.section_term_table(CORPUS, top=v),
    lambda v: ct.stats.dispersion.trace_terms(TOKENS, top=v),
], ids=["CorpusCounts.frequency_table", "CorpusCounts.ngram_table", "keyword_table", "plot_top_terms",
        "section_term_table", "trace_terms"])
@pytest.mark.parametrize(("value", "error"), [(-1, ValueError), (0, ValueError), (2.5, ValueError), (True, ValueError)])
def test_top_must_be_a_positive_integer(call, value, error):
    with pytest.raises(error, match=rf"top must be an integer >= 1.*not {value}"):
        call(value)


def test_top_minus_one_is_not_all_but_the_last_row():
    counts = count_articles(CORPUS)
    full = counts.frequency_table()
    assert len(counts.frequency_table(top=2)) == 2 and len(counts.frequency_table(top=None)) == len(full)
    with pytest.raises(ValueError, match="top must be an integer >= 1 or None, not -1"):
        counts.frequency_table(top=-1)


@pytest.mark.parametrize("call", [
    lambda v: ct.frequency_table(TOKENS, min_count=v),
    lambda v: ct.stats.ngram_table(TOKENS, min_count=v),
    lambda v: ct.stats.dispersion_table(TOKENS, min_count=v),
    lambda v: ct.stats.collocation_table(TOKENS, min_count=v),
    lambda v: ct.stats.collocate_table(TOKENS, "oil", min_count=v),
    lambda v: ct.keyness_table(TOKENS, "a", min_count=v),
    lambda v: ct.stats.groups.group_frequency_table(CORPUS, "article", min_count=v),
    lambda v: count_articles(CORPUS).frequency_table(min_count=v),
], ids=["frequency_table", "ngram_table", "dispersion_table", "collocation_table", "collocate_table",
        "keyness_table", "group_frequency_table", "CorpusCounts.frequency_table"])
@pytest.mark.parametrize("value", [-3, 1.5, True, "2"])
def test_min_count_must_be_a_positive_integer(call, value):
    with pytest.raises(ValueError, match=r"min_count must be"):
        call(value)


@pytest.mark.parametrize(("span", "error", "message"), [
    (-2, ValueError, "span must be an integer >= 0, not -2"),
    (0, ValueError, r"span must reach at least one token on one side \(it is \(0, 0\)\)"),
    (1.5, ValueError, r"span must be an integer >= 0, not 1.5 \(float\)"),
    ((-1, 3), ValueError, r"span \(-1, 3\): left must be an integer >= 0, not -1"),
])
def test_collocate_span_is_checked_by_name(span, error, message):
    with pytest.raises(error, match=message):
        ct.stats.collocate_table(TOKENS, "oil", span=span)


@pytest.mark.parametrize("value", [-1, 0, 2.0])
def test_kwic_context_must_be_a_positive_integer(value):
    with pytest.raises(ValueError, match="context must be an integer >= 1"):
        ct.kwic_table(CORPUS, "oil", context=value)


def test_a_string_is_not_a_corpus():
    for call in (ct.token_table, ct.frequency_table):
        with pytest.raises(TypeError, match=r"data is a string \('Oil rose.'\), not a corpus; wrap texts in "
                                            r"Corpus\.from_texts\(\[\.\.\.\]\)"):
            call("Oil rose.")
    with pytest.raises(TypeError, match="not a corpus"):
        ct.model.as_articles(b"bytes")


@pytest.mark.parametrize(("bad", "message"), [
    (None, "data must be a Corpus, an Article or Articles, not NoneType"),
    ([1, 2], r"data must hold Articles, not int \(1\)"),
    (["Oil rose."], r"data must hold Articles, not str \('Oil rose.'\); wrap texts in Corpus.from_texts"),
])
def test_token_table_names_what_it_was_given(bad, message):
    with pytest.raises(TypeError, match=message):
        ct.token_table(bad)


@pytest.mark.parametrize("bad", [None, b"Oil rose.", 42, ["Oil rose."]])
def test_word_tokenize_needs_a_string(bad):
    with pytest.raises(TypeError, match=rf"word_tokenize: text must be a str, not {type(bad).__name__}"):
        ct.word_tokenize(bad)


def test_keyness_table_second_positional_argument_is_target_not_a_reference_table():
    other = ct.token_table(ct.Corpus.from_texts(["Gas prices fell."]))
    with pytest.raises(TypeError, match="target is a table.*pass it as reference="):
        ct.keyness_table(TOKENS, other)
    table = ct.keyness_table(TOKENS, reference=other)  # the suggested call works
    assert table.set_index("term").loc["oil", "freq_target"] == 4
