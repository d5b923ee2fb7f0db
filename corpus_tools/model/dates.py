"""Parsing publication dates from headers, JSONL and CSV fields."""

from __future__ import annotations

import datetime as _dt
import re

__all__ = ["parse_date"]


def parse_date(value: object) -> _dt.date:
    """Parse an ISO 8601 date or date-time into a :class:`datetime.date`.

    Accepts ``date`` and ``datetime`` objects, ``"YYYY-MM-DD"`` and any
    date-time string :meth:`datetime.datetime.fromisoformat` reads (the
    date part is kept).

    Raises
    ------
    ValueError
        If the value is not a valid date, with the offending value quoted
        (``"2023-02-30"`` is rejected: February has no 30th).

    Examples
    --------
    >>> parse_date("2023-03-22")
    datetime.date(2023, 3, 22)
    >>> parse_date("2023-03-22T10:00:00Z")
    datetime.date(2023, 3, 22)
    >>> parse_date("2023/03/22 10:00")
    datetime.date(2023, 3, 22)
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r} (expected an ISO 8601 string)")
    text = value.strip()
    # 2023/03/22 and 2023.03.22 (news archives' headers) mean 2023-03-22; zero-pad 2023-3-5
    parts = re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?=$|[T ])", text)
    if parts:
        y, m, d = parts.groups()
        text = f"{y}-{int(m):02d}-{int(d):02d}" + text[parts.end():]
    text = re.sub(r"\s*(UTC|GMT)$", "+00:00", text)
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return _dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"not a valid date: {value!r} (expected YYYY-MM-DD)") from None
