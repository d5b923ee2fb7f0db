"""The structure plots drawn from the token dataset's tables equal those drawn from the article."""

from __future__ import annotations

import pytest

import corpus_tools as ct
from corpus_tools.report import article_rows_table
from corpus_tools.scale import structure_table, token_dataset


def _marks(fig):
    ax = fig.axes[0]
    return ([(tuple(line.get_xdata()), tuple(line.get_ydata()), line.get_linestyle(), line.get_color())
             for line in ax.lines], [t.get_text() for t in ax.texts], ax.get_xlim(), ax.get_title())


def _bars(fig):
    ax = fig.axes[0]
    return ([(p.get_x(), p.get_height(), p.get_facecolor()) for p in ax.patches], [t.get_text() for t in ax.texts],
            [t.get_text() for t in ax.get_xticklabels()], ax.get_title())


@pytest.fixture(scope="module")
def dataset(seed_corpus, tmp_path_factory):
    return token_dataset(seed_corpus, tmp_path_factory.mktemp("ds"), tokenizer="exact", n_jobs=1)


def test_lexical_dispersion_from_the_dataset_equals_the_article_path(dataset, seed_article):
    options = ct.TokenOptions(stopwords="english")
    terms = ["said", "gaza", "israel"]
    from_article = ct.plot_lexical_dispersion(seed_article, terms, options=options)
    from_dataset = ct.plot_lexical_dispersion(seed_article.id, terms, options=options, dataset=dataset)
    assert _marks(from_dataset) == _marks(from_article)
    lines, labels, _, title = _marks(from_dataset)
    assert labels == ["§1", "§2", "§3", "§4"] and title == f"Lexical dispersion in {seed_article.id}"
    assert len(lines) == len(terms) + 4  # one row of marks per term, one line per heading


def test_section_profile_from_the_stored_section_rows_equals_the_article_path(dataset, seed_article):
    rows = article_rows_table(structure_table(dataset, "sections"), seed_article)
    assert _bars(ct.plot_section_profile(rows)) == _bars(ct.plot_section_profile(seed_article))
    assert _bars(ct.plot_section_profile(rows))[2] == ["§0 lead", "§1 link", "§2 link", "§3 subheading", "§4 link"]


def test_an_article_id_needs_the_dataset(seed_article):
    with pytest.raises(TypeError, match="dataset="):
        ct.plot_lexical_dispersion(seed_article.id, ["said"])
