"""Stopword lists from pinned, offline sources.

``"english"`` (alias ``"nltk-english"``) is the 179-word English list of the
NLTK stopwords corpus, shipped in ``corpus_tools/data`` so that nothing is
downloaded at run time.  Users may pass their own list or a file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["STOPWORD_SOURCES", "get_stopwords", "is_stopword"]

#: Named lists and the file each is read from.
STOPWORD_SOURCES: dict[str, str] = {
    "english": "stopwords_nltk_english.txt",
    "nltk-english": "stopwords_nltk_english.txt",
}

# Treebank splits clitics off ("Xi's" -> "Xi", "'s"; "don't" -> "do", "n't").
# They are stopwords when the bare form is: "'s" -> "s", "n't" -> "not".
_CLITICS = {"n't": "not", "'s": "s", "'re": "re", "'ve": "ve", "'ll": "ll", "'d": "d", "'m": "m"}


def _read_list(lines: Iterable[str]) -> frozenset[str]:
    words = (line.split("#", 1)[0].strip().lower() for line in lines)
    return frozenset(w for w in words if w)


@cache
def _named(name: str) -> frozenset[str]:
    text = resources.files("corpus_tools").joinpath("data").joinpath(STOPWORD_SOURCES[name]).read_text("utf-8")
    return _read_list(text.splitlines())


def get_stopwords(spec: str | os.PathLike | Iterable[str] | None) -> frozenset[str]:
    """Resolve a stopword specification into a set of lower-case words.

    Parameters
    ----------
    spec : None, str, path or iterable of str
        ``None``: no stopwords.  A name in :data:`STOPWORD_SOURCES`: that
        list.  A path to an existing file: one word per line, ``#`` starts a
        comment.  An iterable: those words.

    Examples
    --------
    >>> len(get_stopwords("english"))
    179
    >>> sorted(get_stopwords(["The", "a"]))
    ['a', 'the']
    """
    if spec is None:
        return frozenset()
    if isinstance(spec, str) and spec in STOPWORD_SOURCES:
        return _named(spec)
    if isinstance(spec, (str, os.PathLike)):
        path = Path(spec)
        if not path.is_file():
            raise ValueError(
                f"stopwords {str(spec)!r}: neither a named list ({', '.join(STOPWORD_SOURCES)}) "
                "nor an existing file"
            )
        return _read_list(path.read_text("utf-8").splitlines())
    return _read_list(spec)


def is_stopword(token: str, stopwords: frozenset[str]) -> bool:
    """Whether ``token`` (any case) is in ``stopwords``, clitics included.

    >>> is_stopword("'s", get_stopwords("english")), is_stopword("Xi", get_stopwords("english"))
    (True, False)
    """
    low = token.lower()
    return low in stopwords or _CLITICS.get(low, low) in stopwords
