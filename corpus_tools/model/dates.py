"""Parsing publication dates from headers, JSONL and CSV fields."""

from __future__ import annotations

import datetime as _dt

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
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r} (expected an ISO 8601 string)")
    text = value.strip()
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return _dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"not a valid date: {value!r} (expected YYYY-MM-DD)") from None
