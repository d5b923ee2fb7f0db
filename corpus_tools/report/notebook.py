"""The one set-up call every report notebook starts with.

A notebook's first code cell is ``nb = setup_notebook(corpus, output_dir,
...)``: it opens the token dataset (:func:`corpus_tools.scale.token_dataset`:
the runner's shared one when there is one, so the report tokenises once),
prints what the load could not read, and opens the output folder.  A kernel
of the report does not load the corpus: the dataset's article table gives
the metadata (``nb.articles``, ``nb.summary_table()``, groups and dates by
name), and its texts the few articles a page quotes (``nb.texts``, KWIC
lines); ``nb.corpus`` is loaded only if a user's own cell asks for it.
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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd

from corpus_tools.io.loading import load_corpus, load_summary
from corpus_tools.io.outputs import OutputFolder
from corpus_tools.io.paths import default_corpus
from corpus_tools.model.corpus import Article, Corpus, LoadProblem
from corpus_tools.scale.dataset import registered_dataset, token_dataset
from corpus_tools.tokens.dataset import TokenDataset
from corpus_tools.tokens.tokenize import DEFAULT_TOKENIZER, TokenOptions

__all__ = ["NotebookData", "article_rows_table", "setup_notebook"]


@dataclass(frozen=True)
class NotebookData:
    """What a notebook works on: the token dataset and its article table, never the corpus unless asked.

    Attributes
    ----------
    dataset : TokenDataset
        The corpus' token dataset, queried under ``options``: pass it to
        ``ct.frequency_table`` / ``ct.ngram_table`` in place of a token table.
    out : OutputFolder
        Where figures and tables are saved (and shown inline).
    options : TokenOptions
    article_id : str or None
        The example article drawn in per-article charts (None for an empty corpus).
    articles : pandas.DataFrame
        The dataset's article table (``TokenDataset.article_table``): one
        row per article, its dates, titles, counts and document variables.
    problems : tuple of LoadProblem
        What the load of the corpus skipped or warned about.
    """

    dataset: TokenDataset
    out: OutputFolder
    options: TokenOptions
    article_id: str | None
    articles: pd.DataFrame = field(repr=False)
    problems: tuple[LoadProblem, ...] = ()
    _load: Callable[[], Corpus] | None = field(default=None, repr=False, compare=False)
    _tokens: list = field(default_factory=list, repr=False, compare=False)
    _corpus: list = field(default_factory=list, repr=False, compare=False)

    @property
    def corpus(self) -> Corpus:
        """The corpus, loaded on first use (a kernel of the report never needs it: 14 s and 600 MB at 100 MB).

        No shipped notebook touches it: metadata comes from :attr:`articles`,
        the texts they show from :meth:`texts`.  It is here for a user's
        own cells.
        """
        if not self._corpus:
            self._corpus.append(self._load())
        return self._corpus[0]

    @property
    def corpus_loaded(self) -> bool:
        """Whether :attr:`corpus` was loaded (by :func:`setup_notebook`, or a cell that asked for it)."""
        return bool(self._corpus)

    @property
    def article(self) -> Article | None:
        """The example article as an :class:`Article` (loads :attr:`corpus`; notebooks use :attr:`article_id`)."""
        return None if self.article_id is None else self.corpus[self.article_id]

    def texts(self, ids) -> dict[str, str]:
        """Article id -> text of the articles ``ids``, read from the dataset (only their row groups)."""
        return self.dataset.article_texts(ids)

    def summary_table(self) -> pd.DataFrame:
        """``Corpus.summary_table()`` from the article table: articles, blocks, problems, date range."""
        a = self.articles
        dates = sorted(d for d in a["date"] if d is not None and not pd.isna(d)) if len(a) else []
        return pd.DataFrame([{
            "articles": len(a),
            "blocks": int(a["blocks"].sum()),
            "headings": int(a["headings"].sum()),
            "paragraphs": int(a["paragraphs"].sum()),
            "first_date": dates[0].isoformat() if dates else None,
            "last_date": dates[-1].isoformat() if dates else None,
            "problems": len(self.problems),
            "skipped": sum(p.severity == "skipped" for p in self.problems),
        }])

    def problems_frame(self) -> pd.DataFrame:
        """``Corpus.problems_frame()``: the load problems as a table (path, record, severity, reason)."""
        return Corpus([], list(self.problems)).problems_frame()

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
    """Open the token dataset of ``corpus`` (None: the shipped ``seeds/``) and ``output_dir``.

    ``token_cache`` is the folder of token datasets (the runner's); None
    tokenises into a temporary folder removed when the process exits.  When
    ``corpus`` is a file whose dataset is recorded in ``token_cache``
    (:func:`corpus_tools.scale.registered_dataset`: the runner records its
    ``corpus.jsonl``, and so does the first set-up of a file), the corpus is
    not loaded: metadata, load problems and the texts the notebooks show
    come from the dataset, and ``nb.corpus`` loads it on first use.
    Otherwise the corpus is loaded, tokenised if needed, and a file is
    recorded for the next set-up.

    ``article`` names the example article by id (None: the first); an
    unknown id is a ``KeyError`` naming it.  The load summary (skipped files
    and caveats) is printed first unless ``show_summary`` is False.

    >>> nb = setup_notebook(Corpus.from_texts(["One text.", "Two texts."]), "/tmp/ct-doctest", show_summary=False)
    >>> len(nb.articles), len(nb.tokens), nb.article_id, nb.article.id
    (2, 4, '0', '0')
    """
    options = TokenOptions.coerce(options)
    cache_dir = token_cache if token_cache is not None else _scratch_folder()
    path = None if isinstance(corpus, Corpus) else Path(corpus if corpus is not None else default_corpus())
    found = registered_dataset(path, cache_dir, tokenizer) if path is not None else None
    if found is not None:
        dataset, saved = found
        problems = tuple(LoadProblem(str(p["path"]), str(p["reason"]), p["severity"], p.get("record"))
                         for p in saved)
        loaded: list = []
    else:
        data = corpus if isinstance(corpus, Corpus) else load_corpus(path, warn=False)
        source = path if path is not None and path.is_file() else None
        dataset = token_dataset(data, cache_dir, tokenizer=tokenizer, source=source)
        problems, loaded = tuple(data.problems), [data]
    articles = dataset.article_table()
    if show_summary:
        # load_summary's first words are its article count; the rest is about the problems alone
        summary = load_summary(Corpus([], list(problems)))
        print(f"{len(articles)} articles loaded" + summary.removeprefix("0 articles loaded"))
    ids = dataset.articles
    if article is not None and article not in ids:
        raise KeyError(f"article {article!r} is not in the corpus")
    chosen = article if article is not None else (ids[0] if ids else None)
    return NotebookData(dataset.with_options(options), OutputFolder(output_dir), options, chosen, articles, problems,
                        lambda: load_corpus(path, warn=False), _corpus=loaded)


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
