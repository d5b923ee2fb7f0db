"""Figures: what each chart draws equals the table it was given; saving is atomic and reproducible."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

import corpus_tools as ct
from corpus_tools import plots
from corpus_tools.io.outputs import OutputFolder, save_figure, save_table, table_to_csv
from corpus_tools.stats.frequency import term_article_table
from corpus_tools.structure.sections import block_table


@pytest.fixture(scope="module")
def seed_freq(seed_corpus):
    return ct.frequency_table(seed_corpus, options={"stopwords": "english"})


def _bar_widths(ax):
    return [p.get_width() for p in ax.patches]


def test_top_terms_chart_draws_the_first_rows(seed_freq):
    fig = plots.plot_top_terms(seed_freq, top=5)
    ax = fig.axes[0]
    assert isinstance(fig, Figure)
    assert _bar_widths(ax) == seed_freq["count"].head(5).tolist()
    assert [t.get_text() for t in ax.get_yticklabels()] == seed_freq["term"].head(5).tolist()
    assert ax.get_title() == "Top 5 terms" and ax.get_xlabel() == "occurrences"
    assert ax.title.get_fontsize() >= 12 and ax.xaxis.label.get_fontsize() >= 10
    # per_10k bars: count / 647 tokens * 10,000 (647 = seed tokens without stopwords, see README)
    fig = plots.plot_top_terms(seed_freq, top=1, value="per_10k")
    assert fig.axes[0].patches[0].get_width() == pytest.approx(15 / 647 * 10_000)


def test_rank_frequency_chart_plots_counts_and_the_fit(seed_freq):
    fig = plots.plot_rank_frequency(seed_freq)
    ax = fig.axes[0]
    points, line = ax.get_lines()
    assert points.get_ydata().tolist() == sorted(seed_freq["count"].tolist(), reverse=True)
    assert points.get_xdata().tolist() == list(range(1, len(seed_freq) + 1))
    fit = ct.stats.zipf_fit(seed_freq)
    np.testing.assert_allclose(line.get_ydata(), 10 ** (fit.intercept + fit.slope * np.log10(points.get_xdata())))
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[1] == f"fit: slope {fit.slope:.2f}, R² {fit.r_squared:.2f}"
    assert ax.get_xscale() == ax.get_yscale() == "log"


def test_heatmap_shows_the_matrix():
    freq = ct.frequency_table(ct.Corpus.from_texts(["cat cat dog", "dog eel"]), by_article=True)
    matrix = term_article_table(freq, ["cat", "dog", "eel"], value="count")
    fig = plots.plot_term_article_heatmap(matrix, value="count")
    ax = fig.axes[0]
    assert ax.images[0].get_array().tolist() == [[2, 0], [1, 1], [0, 1]]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "1"]
    assert [t.get_text() for t in ax.texts][:2] == ["2.0", "0.0"]


def test_collocation_chart_sorts_by_the_score():
    table = pd.DataFrame({"ngram": ["a b", "c d", "e f"], "count": [2, 3, 2], "pmi": [1.0, 3.0, 2.0]})
    ax = plots.plot_collocations(table, "pmi", top=2).axes[0]
    assert _bar_widths(ax) == [3.0, 2.0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["c d", "e f"]
    with pytest.raises(ValueError, match="no column 'dice'"):
        plots.plot_collocations(table, "dice")


def test_collocation_chart_breaks_ties_like_the_collocation_table():
    # equal scores: the higher count first, then the n-gram alphabetically (collocations' own rule)
    table = pd.DataFrame({"ngram": ["a b", "z y", "m n"], "count": [1, 4, 1], "pmi": [2.0, 2.0, 2.0]})
    ax = plots.plot_collocations(table, "pmi", top=2).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["z y", "a b"]


def test_block_lengths_chart_colours_headings(seed_article):
    blocks = block_table(seed_article)
    ax = plots.plot_block_lengths(blocks).axes[0]
    assert [p.get_height() for p in ax.patches] == blocks["words"].tolist()
    heading_colour = plots.words.BLOCK_COLORS["heading"]
    import matplotlib.colors as mcolors
    coloured = [i for i, p in enumerate(ax.patches) if mcolors.to_hex(p.get_facecolor()) == heading_colour]
    assert coloured == blocks.index[blocks["kind"] == "heading"].tolist()
    assert len(coloured) == 4  # the seed's four headings
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["heading", "paragraph"]


def test_section_chart_has_one_panel_per_count(seed_article):
    sections = ct.section_table(seed_article)
    fig = plots.plot_sections(sections)
    assert [ax.get_title() for ax in fig.axes] == ["words", "sentences", "paragraphs"]
    for ax, col in zip(fig.axes, ["words", "sentences", "paragraphs"], strict=True):
        assert [p.get_height() for p in ax.patches] == sections[col].tolist()
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["0", "1", "2", "3", "4"]


def test_sentence_length_chart_counts_every_sentence():
    lengths = [3, 7, 7, 12, 30]
    ax = plots.plot_sentence_lengths(lengths).axes[0]
    assert sum(p.get_height() for p in ax.patches) == 5
    mean_line, median_line = ax.get_lines()
    assert mean_line.get_xdata()[0] == pytest.approx(59 / 5)  # (3+7+7+12+30)/5
    assert median_line.get_xdata()[0] == 7


def test_empty_tables_give_a_labelled_figure(tmp_path):
    empty = pd.DataFrame({"term": [], "count": []})
    for fig in (plots.plot_top_terms(empty), plots.plot_rank_frequency(empty), plots.plot_sentence_lengths([])):
        assert fig.axes[0].texts[0].get_text() == "nothing to show"
        save_figure(fig, tmp_path, "empty")


def test_dollar_signs_are_shown_literally(tmp_path):
    # "$15 $20" would otherwise be read as mathtext and typeset "15 " in italics
    table = pd.DataFrame({"term": ["$15 $20"], "count": [1]})
    fig = plots.plot_top_terms(table, title="Cost in $ and $")
    assert fig.axes[0].get_yticklabels()[0].get_text() == r"\$15 \$20"
    save_figure(fig, tmp_path, "dollars")  # renders without a mathtext error


def test_save_figure_writes_png_and_reproducible_svg(tmp_path, seed_freq):
    fig = plots.plot_top_terms(seed_freq, top=3)
    png, svg = save_figure(fig, tmp_path / "new", "top", formats=("png", "svg"))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    first = svg.read_bytes()
    save_figure(plots.plot_top_terms(seed_freq, top=3), tmp_path / "new", "top", formats=("svg",))
    assert svg.read_bytes() == first  # no date, fixed ids
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == ["top.png", "top.svg"]  # no temp files


def test_save_figure_is_atomic(tmp_path):
    good = Figure()
    good.subplots().plot([1, 2])
    (path,) = save_figure(good, tmp_path, "fig")
    before = path.read_bytes()

    class Broken(Figure):
        def savefig(self, *args, **kwargs):
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        save_figure(Broken(), tmp_path, "fig")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["fig.png"]


def test_save_figure_rejects_bad_names_and_formats(tmp_path):
    with pytest.raises(ValueError, match="plain name"):
        save_figure(Figure(), tmp_path, "../escape")
    with pytest.raises(ValueError, match="unsupported figure format 'jpg'"):
        save_figure(Figure(), tmp_path, "x", formats=("jpg",))


def test_save_table_and_output_folder(tmp_path, seed_freq):
    path = save_table(seed_freq.head(3), tmp_path, "top")
    assert path.read_bytes() == table_to_csv(seed_freq.head(3)).encode("utf-8")
    assert path.read_text("utf-8").splitlines()[:2] == ["term,count,per_10k,rank,doc_freq",
                                                       f"ukraine,15,{15 / 647 * 10_000!r},1,1"]
    out = OutputFolder(tmp_path / "out")
    out.table(seed_freq.head(2), "t", show=False)
    out.figure(plots.plot_top_terms(seed_freq), "f", show=False)
    assert [p.name for p in out.written] == ["t.csv", "f.png"]
    assert all(p.is_file() for p in out.written)
