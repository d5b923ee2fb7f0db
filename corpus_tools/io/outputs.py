"""Writing figures and tables to an output folder, atomically.

Each file is written to a temporary name in the destination folder and then
moved into place with :func:`os.replace` (atomic on POSIX and Windows), so a
reader never sees a half-written PNG or CSV, and an interrupted run leaves
the previous file intact.

Tables are CSV with a fixed float format (``repr`` precision, ``.`` decimal,
``\\n`` line ends) and no index, so the same table gives the same bytes.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from corpus_tools.io.atomic import atomic_write

__all__ = ["OutputFolder", "ShownTable", "atomic_write", "format_table", "save_figure", "save_table", "shown_table",
           "table_to_csv"]

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
                per: str | None = None) -> ShownTable:
    """The cut of ``table`` a notebook displays, with a note saying what was left out and where it is.

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
    if per is not None:
        groups = table.groupby(per, sort=False, dropna=False)
        rows = groups.head(top)
        sizes = groups.size()
        cut += [f"{_count(len(rows), 'row')} of {len(table):,}: at most {top:,} per {per}"]
        cut += [f"{k!s}: {min(top, v):,} of {v:,}" for k, v in sizes.items() if v > top]
    else:
        rows = table.head(top)
        if len(rows) < len(table):
            cut.append(f"{len(rows):,} of {_count(len(table), 'row')}")
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
