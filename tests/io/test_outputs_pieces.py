"""save_table_pieces writes the bytes save_table writes for the whole table, and shows the same cut."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from corpus_tools.io.outputs import OutputFolder, save_table, save_table_pieces, shown_table


def _table() -> pd.DataFrame:
    # every cell kind whose CSV form could depend on its neighbours: floats of every magnitude, NaN,
    # text needing quotes (comma, quote, newline, carriage return), missing text, bools, unicode
    return pd.DataFrame({
        "article": ["a", "a", "b", "b", "c", "c", "d"],
        "words": np.array([3, 0, 12, 7, 1, 250, 4], dtype="int64"),
        "share": [1 / 3, float("nan"), 1e-20, 2.0, 0.1, 1e300, 123456.789],
        "text": ["plain", 'say "hi"', "one, two", "line\nbreak", None, "café ‘x’", "cr\rlf"],
        "closed": [True, False, True, True, False, True, False],
    })


@pytest.mark.parametrize("cuts", [[7], [1, 6], [3, 0, 2, 2], [0, 7], [1] * 7, [2, 2, 3, 0]])
def test_pieces_give_the_bytes_of_the_whole_table(tmp_path, cuts):
    table = _table()
    ends = np.cumsum([0] + cuts)
    pieces = [table.iloc[lo:hi] for lo, hi in zip(ends[:-1], ends[1:], strict=True)]
    whole = save_table(table, tmp_path / "whole", "t").read_bytes()
    saved = save_table_pieces(iter(pieces), tmp_path / "pieces", "t", head=4)
    assert saved.path.read_bytes() == whole
    assert saved.rows == 7
    pd.testing.assert_frame_equal(saved.head, table.head(4).reset_index(drop=True))
    assert [p.name for p in (tmp_path / "pieces").iterdir()] == ["t.csv"]  # no temporary file left


def test_the_whole_table_in_hand_written_bytes(tmp_path):
    saved = save_table_pieces([_table().iloc[:2], _table().iloc[2:3]], tmp_path, "t")
    assert saved.path.read_text("utf-8") == ('article,words,share,text,closed\n'
                                             'a,3,0.3333333333333333,plain,True\n'
                                             'a,0,,"say ""hi""",False\n'
                                             'b,12,1e-20,"one, two",True\n')
    assert saved.head.empty and list(saved.head.columns) == list(_table().columns)


def test_empty_tables(tmp_path):
    empty = _table().iloc[:0]
    assert save_table_pieces([empty], tmp_path, "e").path.read_bytes() == \
        save_table(empty, tmp_path / "ref", "e").read_bytes() == b"article,words,share,text,closed\n"
    assert save_table_pieces([], tmp_path, "none").path.read_bytes() == \
        save_table(pd.DataFrame(), tmp_path / "ref", "none").read_bytes() == b"\n"


def test_a_piece_with_other_columns_fails_and_leaves_the_previous_file(tmp_path):
    path = save_table(_table(), tmp_path, "t")
    before = path.read_bytes()
    with pytest.raises(ValueError, match="columns"):
        save_table_pieces([_table().iloc[:2], _table().iloc[2:][["article", "words"]]], tmp_path, "t")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


@pytest.mark.parametrize("top", [0, 3, 7, 30])
@pytest.mark.parametrize("columns", [None, ["article", "text"]])
def test_the_shown_cut_is_the_whole_tables(tmp_path, top, columns):
    table = _table()
    out = OutputFolder(tmp_path)
    path = out.table_pieces([table.iloc[:3], table.iloc[3:]], "t", show=False, top=top, columns=columns)
    assert path == tmp_path / "t.csv" and out.written == [path]
    saved = save_table_pieces([table.iloc[:3], table.iloc[3:]], tmp_path, "u", head=top)
    cut = shown_table(saved.head, "t.csv", top=top, columns=columns, total_rows=saved.rows)
    expected = shown_table(table, "t.csv", top=top, columns=columns)
    assert cut.note == expected.note
    assert cut._repr_html_() == expected._repr_html_()
    assert repr(cut) == repr(expected)
    if top == 3:
        assert cut.note.startswith("showing 3 of 7 rows")


def test_total_rows_needs_the_first_rows():
    with pytest.raises(ValueError, match="first top=5 rows"):
        shown_table(_table().head(2), "t.csv", top=5, total_rows=7)
    with pytest.raises(ValueError, match="no per"):
        shown_table(_table(), "t.csv", per="article", total_rows=7)
