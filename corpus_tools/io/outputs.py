"""Writing figures and tables to an output folder, atomically.

Each file is written to a temporary name in the destination folder and then
moved into place with :func:`os.replace` (atomic on POSIX and Windows), so a
reader never sees a half-written PNG or CSV, and an interrupted run leaves
the previous file intact.

Tables are CSV with a fixed float format (``repr`` precision, ``.`` decimal,
``\\n`` line ends) and no index, so the same table gives the same bytes.
A table too large to hold (every block of a corpus of 50,000 articles) is
written from its pieces (:func:`save_table_pieces`): the same bytes as
:func:`save_table` of the whole table, one piece in memory at a time.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from corpus_tools.io.atomic import atomic_write

__all__ = ["OutputFolder", "SavedTable", "ShownTable", "atomic_write", "format_table", "save_figure", "save_table",
           "save_table_pieces", "shown_table", "table_to_csv"]

# SVG output embeds random element ids and the date unless pinned.
_SVG_METADATA = {"Date": None}


def table_to_csv(table: pd.DataFrame) -> str:
    """The CSV text :func:`save_table` writes: no index, ``\\n`` line ends.

    >>> table_to_csv(pd.DataFrame({"term": ["a"], "count": [2]}))
    'term,count\\na,2\\n'
    """
    return table.to_csv(index=False, lineterminator="\n")


def save_table(table: pd.DataFrame, folder: str | os.PathLike, name: str) -> Path:
    """Write ``table`` as ``folder/name.csv`` (UTF-8, see :func:`table_to_csv`).

    Returns the path written.
    """
    text = table_to_csv(table)
    return atomic_write(Path(folder) / f"{_stem(name)}.csv",
                        lambda p: p.write_text(text, encoding="utf-8", newline=""))


@dataclass(frozen=True)
class SavedTable:
    """What :func:`save_table_pieces` wrote: ``path``, the file; ``rows``, its data rows (the header not
    counted); ``head``, a DataFrame of the table's first rows (as many as asked, fewer if it has
    fewer), kept for display."""

    path: Path
    rows: int
    head: pd.DataFrame


def save_table_pieces(pieces: Iterable[pd.DataFrame], folder: str | os.PathLike, name: str, *,
                      head: int = 0) -> SavedTable:
    """Write the table made of ``pieces`` (consecutive runs of its rows) as ``folder/name.csv``, a piece at a time.

    The bytes are those :func:`save_table` writes for ``pd.concat(pieces)``
    (each CSV cell is formatted on its own, so a piece formats as it would
    within the whole), through the same atomic write, without the whole
    table ever being held.  The header comes from the first piece; every
    piece must have its columns, and the dtypes the whole table would have
    (an integer column with a missing value anywhere is a float column in
    every piece: the reader of the pieces decides that, see
    :func:`corpus_tools.scale.iter_structure_table`).  No piece at all
    writes what :func:`save_table` writes for an empty DataFrame.

    Parameters
    ----------
    pieces : iterable of DataFrame
        Read once, in order; a piece may be empty.
    folder, name
        As :func:`save_table`.
    head : int
        Also keep this many first rows (:attr:`SavedTable.head`), for a notebook to show.

    Returns
    -------
    SavedTable

    Examples
    --------
    >>> import tempfile
    >>> t = pd.DataFrame({"term": ["a", "b", "c"], "share": [0.5, float("nan"), 1 / 3]})
    >>> saved = save_table_pieces([t.iloc[:1], t.iloc[1:]], tempfile.mkdtemp(), "t", head=2)
    >>> saved.path.read_text() == table_to_csv(t), saved.rows, saved.head["term"].tolist()
    (True, 3, ['a', 'b'])
    """
    if not isinstance(head, int) or isinstance(head, bool) or head < 0:
        raise ValueError(f"head must be a non-negative integer, not {head!r}")
    rows, kept = 0, []
    empty: list[pd.DataFrame] = []  # the first piece, cut to no rows: the head's columns and dtypes

    def write(p: Path) -> None:
        nonlocal rows
        with open(p, "w", encoding="utf-8", newline="") as f:
            for piece in pieces:
                first = not empty  # the header goes with the first piece, even an empty one
                if first:
                    empty.append(piece.iloc[:0])
                elif list(piece.columns) != list(empty[0].columns):
                    raise ValueError(f"a piece of {name!r} has columns {list(piece.columns)}, "
                                     f"not {list(empty[0].columns)}")
                f.write(piece.to_csv(index=False, header=first, lineterminator="\n"))
                if rows < head and len(piece):
                    kept.append(piece.iloc[:head - rows])
                rows += len(piece)
            if not empty:  # no piece: what save_table writes for an empty table
                f.write(table_to_csv(pd.DataFrame()))

    path = atomic_write(Path(folder) / f"{_stem(name)}.csv", write)
    first_rows = pd.concat(kept, ignore_index=True) if kept else \
        (empty[0].reset_index(drop=True) if empty else pd.DataFrame())
    return SavedTable(path, rows, first_rows)


def save_figure(
    fig: Figure,
    folder: str | os.PathLike,
    name: str,
    formats: Iterable[str] = ("png",),
    dpi: int = 120,
) -> list[Path]:
    """Save ``fig`` as ``folder/name.png`` (and ``.svg`` if asked), atomically.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    folder : path
        Created if missing.
    name : str
        File name without extension.
    formats : iterable of {"png", "svg", "pdf"}
        SVG is useful for figures a user will edit or print; its random ids
        and date are pinned so that it is reproducible.
    dpi : int
        Resolution of raster formats.

    Returns
    -------
    list of Path
        The files written, in the order of ``formats``.

    Examples
    --------
    >>> import tempfile
    >>> fig = Figure(); _ = fig.subplots().plot([1, 2])
    >>> [p.name for p in save_figure(fig, tempfile.mkdtemp(), "line", formats=("png", "svg"))]
    ['line.png', 'line.svg']
    """
    written = []
    for fmt in formats:
        fmt = fmt.lower().lstrip(".")
        if fmt not in ("png", "svg", "pdf"):
            raise ValueError(f"unsupported figure format {fmt!r}: use png, svg or pdf")
        metadata = _SVG_METADATA if fmt == "svg" else None

        def write(p: Path, fmt=fmt, metadata=metadata) -> None:
            import matplotlib

            with matplotlib.rc_context({"svg.hashsalt": "corpus-tools"}):
                fig.savefig(p, format=fmt, dpi=dpi, bbox_inches="tight", metadata=metadata)

        written.append(atomic_write(Path(folder) / f"{_stem(name)}.{fmt}", write))
    return written


class OutputFolder:
    """Where a notebook puts its artifacts: save and show in one call.

    ``figure``/``table`` save to the folder (PNG/CSV, atomically) and display
    the object inline when running under IPython (a figure built with the
    object API is not shown by ``%matplotlib inline`` on its own), so a
    notebook cell stays one line per artifact.  The CSV always has every row
    and column; the table shown is cut to ``top`` rows (and to ``columns``),
    says so ("showing 30 of 1,234 rows; the full table is keywords.csv") and
    shows numbers plainly (see :func:`format_table`).

    Parameters
    ----------
    folder : path
        Created on first write; relative paths are relative to the working
        directory.

    Examples
    --------
    >>> import tempfile
    >>> out = OutputFolder(tempfile.mkdtemp())
    >>> out.table(pd.DataFrame({"a": [1]}), "t", show=False).name
    't.csv'
    """

    def __init__(self, folder: str | os.PathLike):
        self.path = Path(folder)
        self.written: list[Path] = []

    def __repr__(self) -> str:
        return f"OutputFolder({str(self.path)!r})"

    def figure(self, fig: Figure, name: str, formats: Iterable[str] = ("png",), show: bool = True) -> Figure:
        """Save ``fig`` (see :func:`save_figure`), display it, return it."""
        self.written += save_figure(fig, self.path, name, formats)
        if show:
            _display(fig)
        return fig

    def table(self, table: pd.DataFrame, name: str, show: bool = True, top: int = 30,
              columns: Sequence[str] | None = None, per: str | None = None) -> Path:
        """Save all of ``table`` as ``name.csv`` (see :func:`save_table`), display a readable cut of it.

        Parameters
        ----------
        table : DataFrame
        name : str
            File name without ``.csv``.
        show : bool
            Display the table (under IPython only).
        top : int
            Rows shown (per group when ``per`` is given).
        columns : sequence of str, optional
            The columns shown, in order; the CSV keeps all of them.
        per : str, optional
            A column to bound by: at most ``top`` rows of each of its values
            (e.g. a concordance's ``query``), and the total of each stated.

        Returns
        -------
        Path
            The CSV written.
        """
        path = save_table(table, self.path, name)
        self.written.append(path)
        if show:
            _display(shown_table(table, path.name, top=top, columns=columns, per=per))
        return path

    def table_pieces(self, pieces: Iterable[pd.DataFrame], name: str, show: bool = True, top: int = 30,
                     columns: Sequence[str] | None = None) -> Path:
        """:meth:`table` for a table given as consecutive pieces of its rows, never held whole.

        The CSV is the one :meth:`table` writes for the concatenated pieces
        (:func:`save_table_pieces`), and the table shown is the same: its
        first ``top`` rows, with the note counting every row.

        >>> import tempfile
        >>> out = OutputFolder(tempfile.mkdtemp())
        >>> t = pd.DataFrame({"a": [1, 2, 3]})
        >>> out.table_pieces([t.iloc[:2], t.iloc[2:]], "t", show=False).read_text()
        'a\\n1\\n2\\n3\\n'
        """
        saved = save_table_pieces(pieces, self.path, name, head=top)
        self.written.append(saved.path)
        if show:
            _display(shown_table(saved.head, saved.path.name, top=top, columns=columns, total_rows=saved.rows))
        return saved.path


class ShownTable:
    """A table as a notebook shows it: a note on what was cut, then the rows.

    Rendered as HTML (a ``<p class="ct-table-note">`` and an escaped
    ``<table class="dataframe ct-table">``) and as plain text; see
    :func:`shown_table`.  ``table`` is the formatted text shown;
    ``values``, when given, the same rows unformatted: each number cell's
    exact value goes into its ``data-order`` attribute, so the report's
    interactive table sorts ``12,345`` after ``9,999`` and ``< 0.0001`` by
    the p-value it stands for.

    >>> t = pd.DataFrame({"term": ["<b>"], "count": [12345]})
    >>> print(ShownTable("", format_table(t), t)._repr_html_())
    <table class="dataframe ct-table"><thead><tr><th>term</th><th class="num">count</th></tr></thead><tbody>
    <tr><td>&lt;b&gt;</td><td class="num" data-order="12345">12,345</td></tr>
    </tbody></table>
    """

    def __init__(self, note: str, table: pd.DataFrame, values: pd.DataFrame | None = None):
        self.note, self.table, self.values = note, table, values

    def _repr_html_(self) -> str:
        e = html.escape
        note = f'<p class="ct-table-note">{e(self.note)}</p>' if self.note else ""
        numeric = [self.values is not None and _is_number_column(self.values[c]) for c in self.values.columns] \
            if self.values is not None else [False] * len(self.table.columns)
        head = "".join(f'<th class="num">{e(str(c))}</th>' if num else f"<th>{e(str(c))}</th>"
                       for c, num in zip(self.table.columns, numeric, strict=True))
        body = []
        for i in range(len(self.table)):
            cells = []
            for j, num in enumerate(numeric):
                text = e(str(self.table.iat[i, j]))
                if num:
                    cells.append(f'<td class="num" data-order="{_order_value(self.values.iat[i, j])}">{text}</td>')
                else:
                    cells.append(f"<td>{text}</td>")
            body.append(f"<tr>{''.join(cells)}</tr>\n")
        return (f'{note}<table class="dataframe ct-table"><thead><tr>{head}</tr></thead><tbody>\n'
                f"{''.join(body)}</tbody></table>")

    def __repr__(self) -> str:
        text = self.table.to_string(index=False) if len(self.table.columns) else "(no columns)"
        return f"{self.note}\n{text}" if self.note else text


def _count(n: int, what: str) -> str:
    return f"{n:,} {what}{'' if n == 1 else 's'}"


def shown_table(table: pd.DataFrame, csv_name: str, top: int = 30, columns: Sequence[str] | None = None,
                per: str | None = None, total_rows: int | None = None) -> ShownTable:
    """The cut of ``table`` a notebook displays, with a note saying what was left out and where it is.

    ``total_rows``: the row count of the whole table when ``table`` holds only its
    first rows (at least ``top`` of them, or all; a table written in pieces,
    :meth:`OutputFolder.table_pieces`); not with ``per``.

    >>> t = pd.DataFrame({"term": list("abcde"), "count": [5, 4, 3, 2, 1], "p": [1e-9, 0.01, 0.2, 0.5, 1.0]})
    >>> print(shown_table(t, "terms.csv", top=2, columns=["term", "p"]))
    showing 2 of 5 rows and 2 of 3 columns; the full table is terms.csv
    term        p
       a < 0.0001
       b   0.0100
    >>> shown_table(t, "terms.csv").note
    ''
    """
    if not isinstance(top, int) or isinstance(top, bool) or top < 0:
        raise ValueError(f"top must be a non-negative integer, not {top!r}")
    cut = []
    if total_rows is not None and (per is not None or len(table) < min(top, total_rows)):
        raise ValueError(f"total_rows={total_rows!r} needs the table's first top={top} rows (or all of them), "
                         "and no per")
    if per is not None:
        groups = table.groupby(per, sort=False, dropna=False)
        rows = groups.head(top)
        sizes = groups.size()
        cut += [f"{_count(len(rows), 'row')} of {len(table):,}: at most {top:,} per {per}"]
        cut += [f"{k!s}: {min(top, v):,} of {v:,}" for k, v in sizes.items() if v > top]
    else:
        total = len(table) if total_rows is None else total_rows
        rows = table.head(top)
        if len(rows) < total:
            cut.append(f"{len(rows):,} of {_count(total, 'row')}")
    if columns is not None:
        missing = [c for c in columns if c not in table.columns]
        if missing:
            raise KeyError(f"no column {', '.join(map(repr, missing))} in the table; columns: {list(table.columns)}")
        rows = rows[list(columns)]
        if len(columns) < len(table.columns):
            cut.append(f"{len(columns)} of {len(table.columns)} columns")
    note = ""
    if cut:
        if per is None and len(cut) == 2:
            cut = [f"{cut[0]} and {cut[1]}"]
        note = f"showing {'; '.join(cut)}; the full table is {csv_name}"
    return ShownTable(note, format_table(rows), rows)


def _order_value(value) -> str:
    """A number as DataTables reads it for sorting: exact (``repr``), ``""`` for a missing one."""
    if pd.isna(value):
        return ""
    value = float(value)
    if not np.isfinite(value):  # DataTables reads "inf" as text: the largest float sorts where infinity does
        return repr(float(np.copysign(np.finfo(float).max, value)))
    return str(int(value)) if value.is_integer() else repr(value)


def _is_number_column(values: pd.Series) -> bool:
    return (pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values))


def _is_p_value(column) -> bool:
    name = str(column).lower()
    return name in ("p", "p_value", "pvalue") or name.endswith(("_p", "_p_value"))


def _plain_number(value: float) -> str:
    if not np.isfinite(value):
        return str(value)
    magnitude = abs(value)
    if 0 < magnitude < 0.0001:  # four decimals would print a misleading 0.0000
        return "< 0.0001" if value > 0 else "> -0.0001"
    decimals = 0 if magnitude >= 1000 else 2 if magnitude >= 1 else 4
    return f"{value:,.{decimals}f}"


def format_table(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with its float columns as plain-number text, for reading (never for the CSV).

    No scientific notation: p-values (columns ``p``, ``*_p``) have four
    decimals and ``< 0.0001`` below that; other floats four decimals under 1,
    two under 1,000, none above (with thousands separators).  Integers get
    thousands separators.

    >>> format_table(pd.DataFrame({"g2_p": [3e-12, 0.04], "g2": [1234.5678, 0.5], "count": [12345, 2]})).values.tolist()
    [['< 0.0001', '1,235', '12,345'], ['0.0400', '0.5000', '2']]
    """
    shown = table.copy()
    for column in shown.columns:
        values = shown[column]
        if pd.api.types.is_bool_dtype(values):
            continue
        if pd.api.types.is_float_dtype(values):
            if _is_p_value(column):
                shown[column] = [("< 0.0001" if 0 <= v < 0.0001 else f"{v:.4f}") if pd.notna(v) else ""
                                 for v in values]
            else:
                shown[column] = [_plain_number(float(v)) if pd.notna(v) else "" for v in values]
        elif pd.api.types.is_integer_dtype(values):
            shown[column] = [f"{int(v):,}" for v in values]
    return shown


def _display(obj) -> None:
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # plain Python: nothing to show on
        return
    if get_ipython() is not None:
        display(obj)


def _stem(name: str) -> str:
    if not name or any(c in name for c in "/\\") or name in (".", ".."):
        raise ValueError(f"file name {name!r} must be a plain name, without folders")
    return name
