"""Argument checks shared by every stage: counts (``top``, ``min_count``, ``context``, ``span``, ``n``), corpora.

A negative count would otherwise slice from the end (``df.head(-1)`` is
"all but the last row") and a float would fail deep inside pandas; a string
passed where a corpus is expected would be iterated character by character.
Each check raises at once, naming the argument and the value it was given.
"""

from __future__ import annotations

import numbers

import pandas as pd

__all__ = ["COUNT_MINIMUMS", "check_count", "check_counts", "check_span", "reject_table", "reject_text",
           "short_repr"]

_MAX_REPR = 80


def short_repr(value: object, limit: int = _MAX_REPR) -> str:
    """``repr(value)`` cut to ``limit`` characters (a 10 MB bad value is not echoed whole).

    >>> short_repr("x" * 200)[-16:]
    '(202 characters)'
    >>> short_repr([1, 2])
    '[1, 2]'
    """
    text = repr(value)
    if len(text) <= limit:
        return text
    return f"{text[:limit - 25]}... ({len(text):,} characters)"


def check_count(value: object, name: str, *, minimum: int = 0, allow_none: bool = False) -> int | None:
    """``value`` as an ``int`` when it is a whole number >= ``minimum`` (or None if allowed); else an error.

    A bool or a float (even ``5.0``) is refused too: a count is an integer.
    NumPy integers are accepted.  Always a ValueError (as the checks in the
    statistics modules raise), naming the argument and the value.

    >>> check_count(3, "top"), check_count(None, "top", allow_none=True)
    (3, None)
    >>> check_count(-1, "top")
    Traceback (most recent call last):
    ...
    ValueError: top must be an integer >= 0, not -1
    >>> check_count(2.5, "min_count", minimum=1)
    Traceback (most recent call last):
    ...
    ValueError: min_count must be an integer >= 1, not 2.5 (float)
    """
    if value is None and allow_none:
        return None
    expected = f"an integer >= {minimum}" + (" or None" if allow_none else "")
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be {expected}, not {short_repr(value)} ({type(value).__name__})")
    if value < minimum:
        raise ValueError(f"{name} must be {expected}, not {value}")
    return int(value)


#: The smallest value of each count argument of the public API (one vocabulary,
#: CONTRIBUTING.md); ``top`` and ``top_articles`` also accept None ("all rows").
COUNT_MINIMUMS: dict[str, int] = {"top": 1, "top_articles": 1, "min_count": 1, "min_word_count": 1,
                                  "context": 1, "n": 1}
_NONE_MEANS_ALL = frozenset({"top", "top_articles"})


def check_counts(**counts: object) -> None:
    """Check count arguments by their name (:data:`COUNT_MINIMUMS`; ``span`` by :func:`check_span`).

    One line at the top of a public function: ``check_counts(top=top, min_count=min_count)``.

    >>> check_counts(top=None, min_count=2, span=(1, 0))
    >>> check_counts(top=-1)
    Traceback (most recent call last):
    ...
    ValueError: top must be an integer >= 1 or None, not -1
    """
    for name, value in counts.items():
        if name == "span":
            check_span(value)
        else:
            check_count(value, name, minimum=COUNT_MINIMUMS[name], allow_none=name in _NONE_MEANS_ALL)


def check_span(span: object, name: str = "span") -> int | tuple[int, int]:
    """A collocate span: an integer ``k`` (``k`` tokens each side) or ``(left, right)``, integers >= 0, not both 0.

    >>> check_span(2), check_span((0, 3))
    (2, (0, 3))
    >>> check_span(-2)
    Traceback (most recent call last):
    ...
    ValueError: span must be an integer >= 0, not -2
    """
    if isinstance(span, tuple | list):
        if len(span) != 2:
            raise ValueError(f"{name} must be an integer or a (left, right) pair, not {short_repr(span)}")
        try:
            pair = (check_count(span[0], "left"), check_count(span[1], "right"))
        except ValueError as e:
            raise ValueError(f"{name} {short_repr(tuple(span))}: {e}") from None
    else:
        k = check_count(span, name)
        pair = (k, k)
    if pair == (0, 0):
        raise ValueError(f"{name} must reach at least one token on one side (it is (0, 0))")
    return pair if isinstance(span, tuple | list) else pair[0]


def reject_text(data: object, name: str = "data") -> None:
    """Raise a TypeError if ``data`` is a string or bytes where a corpus or articles are expected.

    >>> reject_text("Some text.")
    Traceback (most recent call last):
    ...
    TypeError: data is a string ('Some text.'), not a corpus; wrap texts in Corpus.from_texts([...]) or ...
    """
    if isinstance(data, str | bytes):
        kind = "a string" if isinstance(data, str) else "bytes"
        raise TypeError(f"{name} is {kind} ({short_repr(data, 40)}), not a corpus; wrap texts in "
                        f"Corpus.from_texts([...]) or load a folder with load_corpus(path)")


def reject_table(value: object, name: str, hint: str) -> None:
    """Raise a TypeError naming ``name`` and ``hint`` if ``value`` is a table (a pandas DataFrame).

    >>> import pandas as pd
    >>> reject_table(pd.DataFrame(), "target", "pass a reference table as reference=")
    Traceback (most recent call last):
    ...
    TypeError: target is a table (DataFrame): pass a reference table as reference=
    """
    if isinstance(value, pd.DataFrame):
        raise TypeError(f"{name} is a table (DataFrame): {hint}")
