"""Issue 11 for the section-structure path: 10 times the articles, the same vocabulary, bounded kernel objects.

The corpus is the 40 Reuters articles repeated under new ids, 3 and 30 times: the text (and so its
vocabulary, its block roles and its sentence lengths) is the same, only the number of articles grows.
(At least 3 copies: a line recurring in 3 articles is page furniture to the boilerplate rule, so 2
copies would give other roles than 30.)
What the section_structure notebook holds for the corpus-wide charts (the count tables) keeps its
number of rows and its counts grow 10 times; writing every full table to CSV from pieces keeps the
same peak of Python memory, where reading each whole table first (the old way) grows with the corpus.
"""

from __future__ import annotations

import dataclasses
import tracemalloc

import pytest

import corpus_tools as ct
from corpus_tools.io.outputs import save_table, save_table_pieces
from corpus_tools.scale import (
    STRUCTURE_TABLES,
    block_role_count_table,
    iter_structure_table,
    section_count_table,
    sentence_length_count_table,
    structure_article_count,
    structure_table,
    token_dataset,
)

COPIES = (3, 30)
BATCH_ROWS = 100  # small, so that the pieces are far fewer rows than the tables at both sizes


@pytest.fixture(scope="module")
def datasets(reuters, tmp_path_factory):
    built = {}
    for k in COPIES:
        corpus = ct.Corpus([dataclasses.replace(a, id=f"{a.id}-copy{i}") for i in range(k) for a in reuters])
        built[k] = token_dataset(corpus, tmp_path_factory.mktemp(f"x{k}"), n_jobs=1)
    return built


def test_the_count_tables_keep_their_rows_and_their_counts_scale(datasets):
    small, large = datasets[COPIES[0]], datasets[COPIES[1]]
    for count in (block_role_count_table, section_count_table, sentence_length_count_table):
        a, b = count(small), count(large)
        assert len(a) == len(b) > 0, count.__name__
        assert a.iloc[:, 0].tolist() == b.iloc[:, 0].tolist()  # the same roles, section numbers, lengths
        assert (b.iloc[:, 1] == 10 * a.iloc[:, 1]).all()  # each seen 10 times as often
    assert structure_article_count(small, "block_roles") == 120
    assert structure_article_count(large, "block_roles") == 1200


def _peak(write) -> int:
    tracemalloc.start()
    try:
        write()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_writing_the_full_tables_in_pieces_stays_bounded(datasets, tmp_path):
    def pieces(ds, folder):
        return lambda: [save_table_pieces(iter_structure_table(ds, kind, batch_rows=BATCH_ROWS), folder, kind)
                        for kind in STRUCTURE_TABLES]

    def whole(ds, folder):
        return lambda: [save_table(structure_table(ds, kind), folder, kind) for kind in STRUCTURE_TABLES]

    new = {k: _peak(pieces(datasets[k], tmp_path / f"new{k}")) for k in COPIES}
    old = {k: _peak(whole(datasets[k], tmp_path / f"old{k}")) for k in COPIES}
    for k in COPIES:  # the same files both ways
        for kind in STRUCTURE_TABLES:
            assert (tmp_path / f"new{k}" / f"{kind}.csv").read_bytes() == \
                (tmp_path / f"old{k}" / f"{kind}.csv").read_bytes(), (k, kind)
    small, large = COPIES
    # measured: 0.34 and 0.32 MB in pieces; 1.3 and 6.3 MB reading the whole tables (3 and 30 copies)
    assert new[large] < 1.25 * new[small] and new[large] < 1_000_000, new
    assert old[large] > 3 * old[small], old  # the measure sees a table that grows with the corpus
    assert old[large] > 5 * new[large]
