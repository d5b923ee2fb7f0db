"""Writing figures and tables to an output folder, atomically.

Each file is written to a temporary name in the destination folder and then
moved into place with :func:`os.replace` (atomic on POSIX and Windows), so a
reader never sees a half-written PNG or CSV, and an interrupted run leaves
the previous file intact.

Tables are CSV with a fixed float format (``repr`` precision, ``.`` decimal,
``\\n`` line ends) and no index, so the same table gives the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from corpus_tools.io.atomic import atomic_write

__all__ = ["OutputFolder", "atomic_write", "save_figure", "save_table", "table_to_csv"]

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
    notebook cell stays one line per artifact.

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

    def table(self, table: pd.DataFrame, name: str, show: bool = True, show_rows: int = 30) -> Path:
        """Save ``table`` as CSV (see :func:`save_table`), display its first rows."""
        path = save_table(table, self.path, name)
        self.written.append(path)
        if show:
            _display(table.head(show_rows))
        return path


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
