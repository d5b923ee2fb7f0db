"""An article with no countable word ("* * *", emoji only) sorted first (issue 15): every library call the
word_frequency and section_structure notebooks make on such a corpus succeeds and leaves the empty
articles out of the counts (the notebooks themselves are tested elsewhere)."""

from __future__ import annotations

import warnings

import matplotlib
import pytest

import corpus_tools as ct
from corpus_tools import plots, stats, structure
from corpus_tools.report import article_rows_table, setup_notebook
from corpus_tools.scale import (
    block_role_count_table,
    section_count_table,
    sentence_length_count_table,
    structure_article_count,
    structure_article_table,
)

matplotlib.use("Agg")

FILES = {
    "000_stars.txt": "* * *\n",
    "001_emoji.txt": "😀 🎉 🚀\n\n🔥🔥\n",
    "b_oil.txt": "date 2024-01-05 Oil prices rose in Texas. Oil fell.\n\nMarkets\n\nThe oil market rose again.\n",
    "c_gas.txt": "date 2024-02-05 Gas prices fell. The gas market rose.\n",
}


@pytest.fixture(scope="module", params=["fast", "exact"])
def nb(request, tmp_path_factory):
    root = tmp_path_factory.mktemp("empty_first")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in FILES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return setup_notebook(str(corpus), str(root / "figures"), options={"stopwords": "english"},
                              tokenizer=request.param, token_cache=str(root / "cache"))


def test_the_wordless_articles_are_loaded_and_first(nb):
    assert [a.id for a in nb.corpus] == ["000_stars", "001_emoji", "b_oil", "c_gas"]
    assert nb.article.id == "000_stars"  # the charts' default article has no word
    assert set(nb.tokens["article"]) == {"b_oil", "c_gas"}


def test_word_frequency_calls(nb):
    freq = ct.frequency_table(nb.dataset)
    assert freq.set_index("term").loc["oil", "count"] == 3 and freq["count"].sum() == len(nb.tokens)
    assert plots.plot_top_terms(freq, top=20).axes
    assert stats.zipf_table(freq).shape[0] == 1
    assert plots.plot_rank_frequency(freq, stats.zipf_fit(freq)).axes
    div = ct.diversity_table(nb.tokens, by_article=True)
    assert sorted(div["article"]) == ["b_oil", "c_gas"]
    by_article = ct.frequency_table(nb.dataset, by_article=True)
    assert set(by_article["article"]) == {"b_oil", "c_gas"}
    assert not stats.distinctive_term_table(by_article, top=10).empty
    assert plots.plot_distinctive_heatmap(by_article, top=20).axes
    keywords = stats.keyword_table(nb.tokens, top=10)
    assert set(keywords["article"]) <= {"b_oil", "c_gas"} and "oil" in set(keywords["term"])
    trends = stats.trend_table(nb.tokens, None, period="month", top=5, dates={a.id: a.date for a in nb.corpus},
                               options=nb.options)
    assert plots.plot_trends(trends).axes


def test_section_structure_calls(nb):
    data, toks, chosen = nb.corpus, nb.tokens, nb.article
    blocks = structure.block_table(data)
    assert plots.plot_block_lengths(article_rows_table(blocks, chosen), title="x").axes
    sections = ct.section_table(data)
    assert set(sections["article"]) >= {"b_oil", "c_gas"}
    assert plots.plot_sections(article_rows_table(sections, chosen), title="x").axes
    assert ct.plot_section_profile(chosen).axes
    roles = structure.block_role_table(data)
    assert set(roles["article"]) >= {"b_oil", "c_gas"}
    structure.body_section_table(data)
    assert set(structure.section_term_table(toks, top=5)["article"]) == {"b_oil", "c_gas"}
    assert plots.plot_sentence_lengths(structure.sentence_table(data)["words"]).axes
    structure.quotation_summary_table(data)
    chosen_toks = article_rows_table(toks, chosen)
    terms = stats.trace_terms(chosen_toks, None, top=6, lowercase=True)
    assert terms == []
    assert stats.term_position_table(chosen_toks, terms).empty
    assert ct.dispersion_table(toks, terms, by="section").empty
    assert not ct.dispersion_table(toks, ["oil"], by="section").empty


def test_section_structure_dataset_calls(nb):
    # what the notebook itself calls: the chosen (wordless) article's rows and the corpus counts
    ds, chosen = nb.dataset, nb.article_id
    blocks = structure_article_table(ds, "blocks", chosen)
    assert blocks[["article", "block", "words"]].values.tolist() == [["000_stars", 0, 0]]
    assert plots.plot_block_lengths(blocks, title="x").axes
    sections = structure_article_table(ds, "sections", chosen)
    assert sections[["section", "kind", "words"]].values.tolist() == [[0, "lead", 0]]
    assert plots.plot_sections(sections, title="x").axes and ct.plot_section_profile(sections).axes
    # 7 blocks (stars 1, emoji 2, b_oil 2 paragraphs and its heading, c_gas 1); b_oil has 2 body sections
    roles = block_role_count_table(ds)
    assert roles["blocks"].sum() == 7 and dict(roles.values.tolist())["subheading"] == 1
    counts = section_count_table(ds)
    assert counts.values.tolist() == [[1, 3], [2, 1]]
    fig = plots.plot_corpus_structure_counts(roles, counts, structure_article_count(ds, "block_roles"))
    assert fig.get_suptitle() == "Structure of the corpus (4 articles)"
    lengths = sentence_length_count_table(ds)
    assert lengths.values.tolist()[0] == [0, 3]  # the wordless articles' sentences: no word
    assert plots.plot_sentence_length_counts(lengths).axes


def test_lexical_dispersion_of_a_wordless_article_is_a_figure_saying_so(nb):
    fig = ct.plot_lexical_dispersion(nb.article, [], options=nb.options)
    (ax,) = fig.axes
    assert [t.get_text() for t in ax.texts] == ["000_stars has no countable word: no term to plot"]
    assert ax.get_title() == "Lexical dispersion in 000_stars"
    # an article with words still needs at least one term: that is a caller's mistake
    oil = next(a for a in nb.corpus if a.id == "b_oil")
    with pytest.raises(ValueError, match="at least one term"):
        ct.plot_lexical_dispersion(oil, [])
