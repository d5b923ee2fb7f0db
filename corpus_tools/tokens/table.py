"""The token table every analysis starts from: given, or made from a corpus.

Statistics accept either a token table (a DataFrame from :func:`token_table`, or
the engine's cache) or articles; :func:`as_token_table` is the one place
that decides which, so no statistics module tokenises on its own.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from corpus_tools.model.corpus import as_articles
from corpus_tools.tokens.tokenize import TokenOptions, token_table

__all__ = ["as_token_table"]


def as_token_table(data, options: TokenOptions | Mapping[str, object] | None = None) -> pd.DataFrame:
    """Accept a token table, or tokenise a corpus/article with ``options``."""
    if isinstance(data, pd.DataFrame):
        if options is not None:
            raise TypeError("token options apply when tokenising; this is already a token table")
        return data
    try:
        articles = as_articles(data)
    except TypeError as e:
        hint = f"; {e}" if isinstance(data, str | bytes) else ""  # say how to make a corpus of texts
        raise TypeError(f"expected a token table, Corpus or Article(s), not {type(data).__name__}{hint}") from None
    return token_table(articles, options)
