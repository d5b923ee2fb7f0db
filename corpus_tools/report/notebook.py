"""The one set-up call every report notebook starts with.

A notebook's first code cell is ``nb = setup_notebook(corpus, output_dir,
...)``: it loads the corpus once, prints what could not be read, makes the
token table (from the runner's shared cache when there is one, so the
report tokenises once) and opens the output folder.  Keeping this here, not
copied into each notebook, means the notebooks hold only their narrative
and their analysis calls.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from corpus_tools.io.loading import load_corpus, load_summary
from corpus_tools.io.outputs import OutputFolder
from corpus_tools.io.paths import default_corpus
from corpus_tools.model.corpus import Article, Corpus
from corpus_tools.tokens.cache import corpus_token_table
from corpus_tools.tokens.tokenize import DEFAULT_TOKENIZER, TokenOptions

__all__ = ["NotebookData", "article_rows_table", "setup_notebook"]


@dataclass(frozen=True)
class NotebookData:
    """What a notebook works on.

    Attributes
    ----------
    corpus : Corpus
    tokens : pandas.DataFrame
        The token table under ``options`` (see :func:`corpus_tools.token_table`).
    out : OutputFolder
        Where figures and tables are saved (and shown inline).
    options : TokenOptions
    article : Article
        The example article drawn in per-article charts (None for an empty corpus).
    """

    corpus: Corpus
    tokens: pd.DataFrame
    out: OutputFolder
    options: TokenOptions
    article: Article | None


def setup_notebook(
    corpus: str | os.PathLike | Corpus | None = None,
    output_dir: str | os.PathLike = "figures",
    *,
    options: TokenOptions | Mapping[str, object] | None = None,
    tokenizer: str = DEFAULT_TOKENIZER,
    token_cache: str | os.PathLike | None = None,
    article: str | None = None,
    show_summary: bool = True,
) -> NotebookData:
    """Load ``corpus`` (None: the shipped ``seeds/``), tokenise it, open ``output_dir``.

    ``article`` names the example article by id (None: the first); an
    unknown id is a ``KeyError`` naming it.  The load summary (skipped files
    and caveats) is printed first unless ``show_summary`` is False.

    >>> nb = setup_notebook(Corpus.from_texts(["One text.", "Two texts."]), "/tmp/ct-doctest", show_summary=False)
    >>> len(nb.corpus), len(nb.tokens), nb.article.id
    (2, 4, '0')
    """
    if isinstance(corpus, Corpus):
        data = corpus
    else:
        data = load_corpus(corpus if corpus is not None else default_corpus(), warn=False)
    if show_summary:
        print(load_summary(data))
    options = TokenOptions.coerce(options)
    tokens = corpus_token_table(data, options, cache_dir=token_cache, tokenizer=tokenizer)
    chosen = data[article] if article is not None else (data[0] if len(data) else None)
    return NotebookData(data, tokens, OutputFolder(output_dir), options, chosen)


def article_rows_table(table: pd.DataFrame, article: Article | str) -> pd.DataFrame:
    """The rows of ``table`` (any table with an ``article`` column) that belong to ``article``.

    >>> article_rows_table(pd.DataFrame({"article": ["a", "b", "a"], "x": [1, 2, 3]}), "a")["x"].tolist()
    [1, 3]
    """
    key = article.id if isinstance(article, Article) else article
    return table[table["article"] == key]
