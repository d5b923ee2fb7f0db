"""The one set-up call every report notebook starts with.

A notebook's first code cell is ``nb = setup_notebook(corpus, output_dir,
...)``: it loads the corpus once, prints what could not be read, opens the
token dataset (:func:`corpus_tools.scale.token_dataset`: the runner's shared
one when there is one, so the report tokenises once) and the output folder.
Frequency tables are computed from the dataset by DuckDB
(``ct.frequency_table(nb.dataset)``), so the kernel holds aggregates, not
the corpus' tokens; the per-article structure tables (blocks, sections,
quotations...) were stored beside the dataset by the tokenising pass and
are read with ``corpus_tools.scale.structure_table(nb.dataset, kind)``;
``nb.tokens``, the whole token table in memory, is made only when a
notebook asks for it.  Keeping this here, not
copied into each notebook, means the notebooks hold only their narrative
and their analysis calls.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

import pandas as pd

from corpus_tools.io.loading import load_corpus, load_summary
from corpus_tools.io.outputs import OutputFolder
from corpus_tools.io.paths import default_corpus
from corpus_tools.model.corpus import Article, Corpus
from corpus_tools.scale.dataset import token_dataset
from corpus_tools.tokens.dataset import TokenDataset
from corpus_tools.tokens.tokenize import DEFAULT_TOKENIZER, TokenOptions

__all__ = ["NotebookData", "article_rows_table", "setup_notebook"]


@dataclass(frozen=True)
class NotebookData:
    """What a notebook works on.

    Attributes
    ----------
    corpus : Corpus
    dataset : TokenDataset
        The corpus' token dataset, queried under ``options``: pass it to
        ``ct.frequency_table`` / ``ct.ngram_table`` in place of a token table.
    out : OutputFolder
        Where figures and tables are saved (and shown inline).
    options : TokenOptions
    article : Article
        The example article drawn in per-article charts (None for an empty corpus).
    """

    corpus: Corpus
    dataset: TokenDataset
    out: OutputFolder
    options: TokenOptions
    article: Article | None
    _tokens: list = field(default_factory=list, repr=False, compare=False)

    @property
    def tokens(self) -> pd.DataFrame:
        """The whole token table under ``options``, in memory (made on first use).

        Equal to :func:`corpus_tools.tokens.corpus_token_table`.  No shipped
        notebook uses it (every analysis they show queries ``dataset``, so a
        kernel never holds the corpus' tokens); it is here for a user's own
        cells on a small corpus.
        """
        if not self._tokens:
            self._tokens.append(self.dataset.token_table())
        return self._tokens[0]


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
    """Load ``corpus`` (None: the shipped ``seeds/``), open its token dataset and ``output_dir``.

    ``token_cache`` is the folder of token datasets (the runner's); None
    tokenises into a temporary folder removed when the process exits.

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
    chosen = data[article] if article is not None else (data[0] if len(data) else None)
    dataset = token_dataset(data, token_cache if token_cache is not None else _scratch_folder(), tokenizer=tokenizer)
    return NotebookData(data, dataset.with_options(options), OutputFolder(output_dir), options, chosen)


@cache
def _scratch_folder() -> str:
    """This process's folder of token datasets when no ``token_cache`` is given, removed at exit."""
    folder = tempfile.mkdtemp(prefix="corpus-tools-tokens-")
    atexit.register(shutil.rmtree, folder, True)
    return folder


def article_rows_table(table: pd.DataFrame, article: Article | str) -> pd.DataFrame:
    """The rows of ``table`` (any table with an ``article`` column) that belong to ``article``.

    >>> article_rows_table(pd.DataFrame({"article": ["a", "b", "a"], "x": [1, 2, 3]}), "a")["x"].tolist()
    [1, 3]
    """
    key = article.id if isinstance(article, Article) else article
    return table[table["article"] == key]
