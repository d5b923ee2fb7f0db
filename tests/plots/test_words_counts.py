"""The corpus-structure and sentence-length figures drawn from counts: the figures of the per-row tables."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.plots import (
    plot_corpus_structure,
    plot_corpus_structure_counts,
    plot_sentence_length_counts,
    plot_sentence_lengths,
)
from corpus_tools.scale import (
    block_role_count_table,
    section_count_table,
    sentence_length_count_table,
    structure_article_count,
    structure_table,
    token_dataset,
)


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=120, bbox_inches="tight")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def dataset(reuters, tmp_path_factory):
    return token_dataset(reuters, tmp_path_factory.mktemp("ds"), n_jobs=1)


def test_sentence_lengths_from_counts_by_hand():
    lengths = [3, 3, 4, 10, 21, 21, 21, 40]  # mean 15.375, median (10 + 21) / 2 = 15.5
    counts = pd.DataFrame({"words": [3, 4, 10, 21, 40], "sentences": [2, 1, 1, 3, 1]})
    fig = plot_sentence_length_counts(counts)
    ax = fig.axes[0]
    # 5-word bins from 0 to 45: [0, 5) holds 3, 3, 4; [10, 15) 10; [20, 25) 21 x 3; [40, 45] 40
    assert [int(p.get_height()) for p in ax.patches] == [3, 0, 1, 0, 3, 0, 0, 0, 1]
    assert [t.get_text() for t in ax.get_legend().texts] == ["mean 15.4", "median 15.5"]
    assert [line.get_xdata()[0] for line in ax.lines] == [15.375, 15.5]
    assert _png(fig) == _png(plot_sentence_lengths(lengths))


def test_corpus_structure_from_counts_by_hand():
    roles = pd.DataFrame({"article": list("aaabbc"),
                          "role": ["headline", "paragraph", "paragraph", "paragraph", "signoff", "headline"]})
    sections = pd.DataFrame({"article": list("aaabbc") + ["d"], "section": [0, 1, 2, 0, 1, 0, 0]})
    fig = plot_corpus_structure_counts(
        pd.DataFrame({"role": ["headline", "paragraph", "signoff"], "blocks": [2, 3, 1]}),
        pd.DataFrame({"sections": [1, 2, 3], "articles": [2, 1, 1]}), 3)
    left, right = fig.axes
    assert fig.get_suptitle() == "Structure of the corpus (3 articles)"
    assert [t.get_text() for t in left.get_yticklabels()] == ["signoff", "headline", "paragraph"]
    assert [p.get_width() for p in left.patches] == [1, 2, 3]
    assert [p.get_height() for p in right.patches] == [2, 1, 1]  # articles with 1, 2 and 3 sections
    assert right.get_legend().texts[0].get_text() == "median 1.5"  # of 1, 1, 2, 3
    assert _png(fig) == _png(plot_corpus_structure(roles, sections))


def test_empty_counts_draw_the_empty_figure():
    empty_roles = pd.DataFrame({"role": pd.Series(dtype=str), "blocks": pd.Series(dtype="int64")})
    empty_sections = pd.DataFrame({"sections": pd.Series(dtype="int64"), "articles": pd.Series(dtype="int64")})
    assert _png(plot_corpus_structure_counts(empty_roles, empty_sections, 0)) == _png(
        plot_corpus_structure(pd.DataFrame({"article": [], "role": []}), pd.DataFrame({"article": []})))
    empty = pd.DataFrame({"words": pd.Series(dtype="int64"), "sentences": pd.Series(dtype="int64")})
    assert _png(plot_sentence_length_counts(empty)) == _png(plot_sentence_lengths([]))


def test_the_datasets_counts_draw_the_figures_of_its_tables(dataset):
    # the notebook's figures from DuckDB counts, against the same figures from the whole stored tables
    roles, body = structure_table(dataset, "block_roles"), structure_table(dataset, "body_sections")
    counted = plot_corpus_structure_counts(block_role_count_table(dataset), section_count_table(dataset),
                                           structure_article_count(dataset, "block_roles"))
    assert _png(counted) == _png(plot_corpus_structure(roles, body))
    words = structure_table(dataset, "sentences")["words"]
    counted = plot_sentence_length_counts(sentence_length_count_table(dataset))
    assert _png(counted) == _png(plot_sentence_lengths(words))
    legend = [t.get_text() for t in counted.axes[0].get_legend().texts]
    assert legend == [f"mean {np.mean(words.to_numpy(dtype=float)):.1f}", f"median {np.median(words):.1f}"]


@pytest.mark.parametrize("n", [1, 2, 3, 10, 11])
def test_the_weighted_median_is_numpys(n):
    rng = np.random.default_rng(n)
    values = rng.integers(0, 6, size=n)
    distinct, counts = np.unique(values, return_counts=True)
    fig = plot_sentence_length_counts(pd.DataFrame({"words": distinct, "sentences": counts}))
    assert fig.axes[0].lines[1].get_xdata()[0] == float(np.median(values))
    assert fig.axes[0].lines[0].get_xdata()[0] == float(values.astype(float).mean())
    assert ct.plots.plot_sentence_lengths(values).axes[0].lines[1].get_xdata()[0] == float(np.median(values))
