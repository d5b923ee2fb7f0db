"""Figures: what each chart draws equals the table it was given; saving is atomic and reproducible."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import PIL.Image
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
    # per_10k bars: count / 623 tokens * 10,000 (623 = seed tokens without stopwords, see README; the
    # default leaves out the 24 of its three related-story links, among them one of the 15 "Ukraine")
    fig = plots.plot_top_terms(seed_freq, top=1, value="per_10k")
    assert fig.axes[0].patches[0].get_width() == pytest.approx(14 / 623 * 10_000)


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
    # 17 blocks: matplotlib's own ticks would be 0, 2.5, 5 ...; block numbers are whole
    short = pd.DataFrame({"block": range(17), "kind": ["paragraph"] * 17, "words": [20] * 17})
    assert all(float(t).is_integer() for t in plots.plot_block_lengths(short).axes[0].get_xticks())


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
                                                       f"ukraine,14,{14 / 623 * 10_000!r},1,1"]
    out = OutputFolder(tmp_path / "out")
    out.table(seed_freq.head(2), "t", show=False)
    out.figure(plots.plot_top_terms(seed_freq), "f", show=False)
    assert [p.name for p in out.written] == ["t.csv", "f.png"]
    assert all(p.is_file() for p in out.written)


# --- readable at any corpus size (issue 14) ----------------------------------------------------

def _png_size(path):
    import struct

    header = path.read_bytes()[:24]
    return struct.unpack(">II", header[16:24])  # width, height from the IHDR chunk


def _overlaps(labels):
    """Pairs of tick labels whose drawn boxes intersect (a 1-px tolerance for touching edges)."""
    boxes = [t.get_window_extent() for t in labels if t.get_text()]
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes))
            if boxes[i].x0 < boxes[j].x1 - 1 and boxes[j].x0 < boxes[i].x1 - 1
            and boxes[i].y0 < boxes[j].y1 - 1 and boxes[j].y0 < boxes[i].y1 - 1]


def _many_articles(n, words_per_article=30):
    rng = np.random.default_rng(14)
    vocab = [f"word{i:03d}" for i in range(400)]
    texts = [" ".join(rng.choice(vocab, size=words_per_article + (i % 7) * 5)) for i in range(n)]
    ids = [f"article-with-a-long-file-name-{i:04d}" for i in range(n)]
    return ct.Corpus.from_texts(texts, ids=ids)


@pytest.mark.parametrize("n_articles", [2, 50, 1000])
def test_distinctive_heatmap_stays_under_2000_px_and_its_labels_never_overlap(tmp_path, n_articles):
    by_article = ct.frequency_table(_many_articles(n_articles), by_article=True)
    fig = plots.plot_distinctive_heatmap(by_article, top=20, top_articles=40)
    (png,) = save_figure(fig, tmp_path, "heatmap")
    width, height = _png_size(png)
    assert max(width, height) <= 2000, (width, height)
    ax = fig.axes[0]
    fig.canvas.draw()
    assert _overlaps(ax.get_xticklabels()) == [] and _overlaps(ax.get_yticklabels()) == []
    shown = min(n_articles, 40)
    assert ax.images[0].get_array().shape == (20, shown)
    if n_articles > 40:
        assert f"40 of {n_articles:,} articles: those with the most tokens" in ax.get_title()
    else:
        assert ax.get_title() == "Distinctive terms by article (tf-idf, top 20 terms)"  # nothing left out


def test_heatmap_selection_is_the_longest_articles_and_their_top_terms():
    corpus = ct.Corpus.from_texts(["cat dog", "eel eel eel fox", "gnu gnu hen hen hen", "ant"], ids=list("abcd"))
    by_article = ct.frequency_table(corpus, by_article=True)
    m = plots.heatmap_selection_table(by_article, top=3, top_articles=2)
    assert list(m.columns) == ["b", "c"]  # 4 and 5 tokens, in corpus order; a (2) and d (1) left out
    # total tf-idf over b and c: eel 3 x idf, hen 3 x idf, then gnu 2 x idf (fox has 1)
    assert list(m.index) == ["eel", "hen", "gnu"]
    assert m.loc["eel", "c"] == 0 and m.loc["hen", "b"] == 0


def test_heatmap_caps_a_large_matrix_and_says_so(tmp_path):
    matrix = pd.DataFrame(np.arange(100 * 300, dtype=float).reshape(100, 300),
                          index=[f"t{i}" for i in range(100)], columns=[f"a{j}" for j in range(300)])
    fig = plots.plot_term_article_heatmap(matrix, value="count")
    ax = fig.axes[0]
    assert ax.images[0].get_array().shape == (40, 50)
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["a250", "a251"]  # the largest column totals
    assert "(showing 40 of 100 terms, 50 of 300 articles: the largest totals)" in ax.get_title()
    (png,) = save_figure(fig, tmp_path, "big")
    assert max(_png_size(png)) <= 2000


@pytest.mark.parametrize("n_sections", [5, 30, 800])
def test_section_chart_is_bounded_and_labels_never_overlap(tmp_path, n_sections):
    sections = pd.DataFrame({"section": range(n_sections), "words": np.arange(n_sections) % 17 + 3,
                             "sentences": np.arange(n_sections) % 5 + 1, "paragraphs": np.arange(n_sections) % 3 + 1})
    fig = plots.plot_sections(sections)
    (png,) = save_figure(fig, tmp_path, "sections")
    width, height = _png_size(png)
    assert width <= 2000 and height <= 2000, (width, height)
    fig.canvas.draw()
    for ax in fig.axes:
        assert len(ax.patches) == n_sections  # every section is drawn
        assert _overlaps(ax.get_xticklabels()) == []
    if n_sections > plots.words.MAX_SECTION_LABELS:
        assert fig.axes[0].get_xlabel() == f"section number (1 to {n_sections:,})"


def test_document_length_histogram_counts_every_article():
    fig = plots.plot_document_lengths([10, 20, 20, 400, 35])
    ax = fig.axes[0]
    assert sum(p.get_height() for p in ax.patches) == 5
    assert ax.get_legend().get_texts()[0].get_text() == "median 20"
    assert ax.get_xlabel() == "tokens per article" and ax.get_title() == "Article lengths"


def test_output_folder_says_when_a_table_is_cut_and_shows_plain_numbers(tmp_path):
    from corpus_tools.io.outputs import format_table, shown_table

    table = pd.DataFrame({"term": [f"t{i}" for i in range(1234)], "count": range(1234, 0, -1),
                          "g2": np.linspace(5000.5, 1.0, 1234), "g2_p": np.geomspace(1e-30, 0.5, 1234)})
    shown = shown_table(table, "keywords.csv", top=30)
    assert shown.note == "showing 30 of 1,234 rows; the full table is keywords.csv"
    assert len(shown.table) == 30
    assert shown.table["g2_p"].iloc[0] == "< 0.0001" and "e-" not in "".join(shown.table["g2_p"])
    assert shown.table["count"].iloc[0] == "1,234" and shown.table["g2"].iloc[0] == "5,000"
    assert '<p class="ct-table-note">showing 30 of 1,234 rows; the full table is keywords.csv</p>' in \
        shown._repr_html_()
    assert shown_table(table.head(3), "k.csv").note == ""  # nothing cut, nothing said
    cols = shown_table(table, "k.csv", top=5, columns=["term", "g2"])
    assert cols.note == "showing 5 of 1,234 rows and 2 of 4 columns; the full table is k.csv"
    assert list(cols.table.columns) == ["term", "g2"]
    # a concordance: bounded per query, each total stated
    kwic = pd.DataFrame({"query": ["a b"] * 12 + ["c d"] * 2, "match": ["x"] * 14})
    per = shown_table(kwic, "kwic.csv", top=10, per="query")
    assert per.note == "showing 12 rows of 14: at most 10 per query; a b: 10 of 12; the full table is kwic.csv"
    assert per.table["query"].tolist() == ["a b"] * 10 + ["c d"] * 2
    assert format_table(pd.DataFrame({"x": [0.5, 12.345, float("nan")]}))["x"].tolist() == ["0.5000", "12.35", ""]
    path = OutputFolder(tmp_path).table(table, "keywords", show=False)
    assert path.read_text("utf-8").count("\n") == 1235  # the CSV keeps every row and column


def test_corpus_structure_counts_every_block_and_stays_small_at_20000_articles():
    rng = np.random.default_rng(7)
    n = 20_000
    roles = pd.DataFrame({"article": np.repeat([f"a{i:05d}" for i in range(n)], 5),
                          "role": rng.choice(["headline", "dateline", "paragraph", "signoff", "boilerplate"], 5 * n)})
    per = rng.integers(1, 9, n)
    sections = pd.DataFrame({"article": np.repeat([f"a{i:05d}" for i in range(n)], per),
                             "section": np.concatenate([np.arange(k) for k in per])})
    fig = plots.plot_corpus_structure(roles, sections)
    bars, hist = fig.axes
    widths = {t.get_text(): int(p.get_width()) for t, p in zip(bars.get_yticklabels(), bars.patches, strict=True)}
    assert widths == roles.groupby("role").size().to_dict()  # one bar per role, its block count
    assert sum(p.get_height() for p in hist.patches) == n  # every article in the histogram
    assert fig._suptitle.get_text() == "Structure of the corpus (20,000 articles)"
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=120)
    width, height = PIL.Image.open(png).size
    assert max(width, height) <= 2000 and (width, height) == (1440, 540)


def test_sections_per_article_ticks_are_whole_sections_when_every_article_has_one():
    ids = [f"a{i}" for i in range(30)]
    fig = plots.plot_corpus_structure(pd.DataFrame({"article": ids, "role": ["paragraph"] * 30}),
                                      pd.DataFrame({"article": ids, "section": [0] * 30}))
    hist = fig.axes[1]
    low, high = hist.get_xlim()
    shown = [t for t in hist.get_xticks() if low <= t <= high]
    assert shown == [1.0]  # one tick, "1" (it was 0.45, 0.60, ... 1.50: fractional sections)
