"""What the report's overview page (``index.html``) says about the corpus and each notebook.

In the spirit of Voyant's Summary, the first page answers "what is in this
corpus" before any notebook: articles, tokens, types, date range, a
histogram of article lengths, the most frequent terms, the most distinctive
terms of the longest articles, load problems and the parameters; then, for
each notebook, the question it answers (the first paragraph of its title
cell), one thumbnail and its key finding (read from the CSVs it saved).

Counts use the library's default token options (lower-cased words, every
word kept, :class:`~corpus_tools.TokenOptions`), so ``tokens`` and ``types``
equal ``ct.diversity_table(ct.token_table(corpus))``; top and distinctive
terms leave English stopwords out, as the word-frequency notebook does by
default.  The tokens come from the run's shared token cache when there is
one (no second tokenisation).
"""

from __future__ import annotations

import base64
import io
import os
import re
from pathlib import Path
from typing import NamedTuple

import nbformat
import numpy as np
import pandas as pd

from corpus_tools.model.corpus import Corpus
from corpus_tools.plots.words import plot_document_lengths
from corpus_tools.scale.dataset import token_dataset
from corpus_tools.stats.cooccurrence_queries import article_token_counts
from corpus_tools.stats.frequency import distinctive_term_table, frequency_table, smooth_idf
from corpus_tools.tokens.cache import corpus_token_table
from corpus_tools.tokens.dataset import TokenDataset
from corpus_tools.tokens.tokenize import DEFAULT_TOKENIZER, TokenOptions

__all__ = ["OVERVIEW_TOP", "THUMBNAILS", "OverviewCounts", "key_finding", "notebook_question", "overview_counts",
           "overview_record"]

#: Terms listed on the overview page, and articles whose distinctive terms are listed.
OVERVIEW_TOP = 10
LONGEST_ARTICLES = 3
#: The figure each shipped notebook is represented by on the overview page (else its first PNG).
THUMBNAILS = {"word_frequency": "top_terms.png", "collocations": "bigrams.png", "section_structure": "sections.png"}


def notebook_question(path: str | os.PathLike) -> str:
    """The question a notebook answers: the first paragraph of its first Markdown cell, after the title.

    >>> import tempfile, nbformat.v4 as v4
    >>> p = Path(tempfile.mkdtemp()) / "n.ipynb"
    >>> nbformat.write(v4.new_notebook(cells=[v4.new_markdown_cell("# T\\n\\nWhich words\\nrecur.\\n\\nMore.")]), p)
    >>> notebook_question(p)
    'Which words recur.'
    """
    try:
        nb = nbformat.read(path, as_version=4)
    except (OSError, ValueError):
        return ""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", cell.source) if p.strip()]
        paragraphs = [p for p in paragraphs if not p.startswith("#")]
        if paragraphs:
            first = " ".join(paragraphs[0].split())
            # the paragraph's first sentence is the question; the rest says how
            sentence = re.match(r"(.+?[.?!])(\s|$)", first)
            return sentence.group(1) if sentence else first
    return ""


def _read_csv(path: Path) -> pd.DataFrame | None:
    try:
        return pd.read_csv(path, keep_default_na=False)
    except (OSError, ValueError, pd.errors.EmptyDataError):
        return None


def key_finding(name: str, folder: str | os.PathLike) -> str:
    """One sentence on what a notebook found, from the CSVs it saved in ``folder`` ("" if none).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "top_terms.csv").write_text("term,count\\nport,4\\n")
    >>> key_finding("word_frequency", d)
    "Most frequent term: 'port' (4 times)."
    """
    folder = Path(folder)
    if name == "word_frequency":
        top = _read_csv(folder / "top_terms.csv")
        if top is not None and len(top):
            return f"Most frequent term: {str(top['term'].iloc[0])!r} ({int(top['count'].iloc[0]):,} times)."
    elif name == "collocations":
        bigrams = _read_csv(folder / "bigrams.csv")
        if bigrams is not None and len(bigrams):
            return (f"Strongest pair: {str(bigrams['ngram'].iloc[0])!r} ({int(bigrams['count'].iloc[0]):,} times); "
                    f"{len(bigrams):,} pairs seen at least twice.")
        if bigrams is not None:
            return "No word pair occurs often enough to score."
    elif name == "section_structure":
        sections = _read_csv(folder / "sections.csv")
        quotes = _read_csv(folder / "quotations.csv")
        if sections is not None:
            articles = sections["article"].nunique() if "article" in sections and len(sections) else 0
            text = f"{len(sections):,} sections in {articles:,} articles"
            if quotes is not None:
                # one row per paragraph of a quotation reopened over paragraphs: count whole quotations
                whole = (len(quotes[["article", "quotation"]].drop_duplicates()) if "quotation" in quotes
                         else len(quotes))
                text += f"; {whole:,} direct quotations"
            return text + "."
    tables = sorted(folder.glob("*.csv"))
    figures = sorted(folder.glob("*.png"))
    return f"{len(tables)} tables and {len(figures)} figures." if tables or figures else ""


def _thumbnail(record: dict) -> str | None:
    pngs = [a for a in record.get("artifacts", []) if a.endswith(".png")]
    preferred = THUMBNAILS.get(record["name"])
    chosen = next((a for a in pngs if Path(a).name == preferred), pngs[0] if pngs else None)
    return chosen


def _png_data_uri(fig) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight", metadata={"Software": None})
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def overview_record(corpus: Corpus | TokenDataset, root: str | os.PathLike, notebooks: list[dict],
                    token_cache: str | os.PathLike | None = None, tokenizer: str = DEFAULT_TOKENIZER, *,
                    counts: OverviewCounts | None = None) -> dict:
    """The numbers, terms and per-notebook lines the overview page shows.

    Parameters
    ----------
    corpus : Corpus or TokenDataset
        The loaded corpus, or its token dataset (the runner's: ids and dates
        come from its article table, so the corpus need not be held).
    root : path
        The report folder being written (the notebooks' folders are in it).
    notebooks : list of dict
        The manifest's notebook records (``name``, ``source``, ``artifacts``).
    token_cache : path, optional
        The run's token cache folder (tokens are read from it, not made
        again); unused when ``corpus`` is a dataset.
    tokenizer : str
    counts : OverviewCounts, optional
        :func:`overview_counts` of the same corpus, made beforehand (the
        runner counts while the last notebooks run); None: counted here.

    Returns
    -------
    dict
        ``articles``, ``tokens``, ``types``, ``first_date``, ``last_date``,
        ``median_length``, ``top_terms`` (list of ``[term, count]``),
        ``distinctive`` (``{article: [terms]}`` for the longest articles),
        ``lengths_png`` (the histogram as a data URI) and ``notebooks``
        (``{name: {"question", "finding", "thumbnail"}}``).
    """
    root = Path(root)
    if counts is None:
        counts = overview_counts(corpus, token_cache, tokenizer)
    record = dict(counts.record)
    record["lengths_png"] = _png_data_uri(plot_document_lengths(counts.lengths))
    record["notebooks"] = {
        nb["name"]: {"question": notebook_question(nb["source"]),
                     "finding": key_finding(nb["name"], root / nb["name"]) if nb.get("status") == "ok" else "",
                     "thumbnail": _thumbnail(nb)}
        for nb in notebooks
    }
    return record


class OverviewCounts(NamedTuple):
    """What the overview counts in the corpus (:func:`overview_counts`): the record's numbers and the lengths."""

    record: dict  # articles, tokens, types, dates, median_length, top_terms, distinctive
    lengths: np.ndarray  # tokens per article, in corpus order (the histogram's data)


def overview_counts(corpus: Corpus | TokenDataset, token_cache: str | os.PathLike | None = None,
                    tokenizer: str = DEFAULT_TOKENIZER) -> OverviewCounts:
    """The corpus' numbers of :func:`overview_record`: all that reads the corpus, none of the notebooks' outputs.

    Apart from the record so that the runner can count while notebooks still run (DuckDB queries of
    the token dataset, no figure drawn); the parameters are :func:`overview_record`'s.
    """
    # Counted by DuckDB from the run's token dataset (built by the runner before
    # the notebooks: opening it verifies it, nothing is tokenised again).
    if isinstance(corpus, TokenDataset):
        dataset = corpus
    elif token_cache is not None:
        dataset = token_dataset(corpus, token_cache, tokenizer=tokenizer)
    else:
        dataset = None
    if dataset is not None:
        ids = dataset.articles  # its article table holds the corpus' ids (in order) and dates
        dates = sorted(d for d in dataset.article_column("date") if d is not None)
        every, content = dataset.with_options(TokenOptions()), dataset.with_options({"stopwords": "english"})
        # per-article totals counted in the database: no articles x terms table in the runner
        # (at 20,000 articles that table held 3.9 GB; the lengths and 3 articles' terms are all it needs)
        lengths = article_token_counts(every)
        n_docs = len(article_token_counts(content))
        rows_of = content.article_token_table
    else:  # no cache (a notebook-free call): tokenise once, in memory
        ids = [a.id for a in corpus]
        dates = sorted(a.date for a in corpus if a.date is not None)
        tokens = corpus_token_table(corpus, TokenOptions(), tokenizer=tokenizer)
        every, content = tokens, corpus_token_table(corpus, {"stopwords": "english"}, tokenizer=tokenizer)
        lengths = tokens.groupby("article", sort=False).size()
        n_docs = content["article"].nunique()
        by_id = dict(tuple(content.groupby("article", sort=False)))
        rows_of = lambda a: by_id.get(a, content.iloc[:0])  # noqa: E731
    lengths = lengths.reindex(ids, fill_value=0)
    n_types = len(frequency_table(every))
    freq = frequency_table(content)
    record = {
        "articles": len(ids),
        "tokens": int(lengths.sum()),
        "types": int(n_types),
        # as Corpus.summary() gives them
        "first_date": dates[0].isoformat() if dates else None,
        "last_date": dates[-1].isoformat() if dates else None,
        "median_length": float(lengths.median()) if len(lengths) else 0.0,
        "top_terms": [[str(t), int(c)] for t, c in zip(freq["term"].head(OVERVIEW_TOP),
                                                       freq["count"].head(OVERVIEW_TOP), strict=True)],
        "distinctive": {},
    }
    if len(ids) > 1 and len(freq):
        longest = lengths.sort_values(ascending=False, kind="stable").head(LONGEST_ARTICLES).index.tolist()
        # the articles' rows of frequency_table(content, by_article=True): their counts, the corpus'
        # document frequencies (of their terms only, not a dict of the whole vocabulary)
        pers = {a: frequency_table(rows_of(a), by_article=True) for a in longest}
        wanted = set().union(*(set(per["term"]) for per in pers.values()))
        kept = freq[freq["term"].isin(wanted)]
        doc_freq = dict(zip(kept["term"], kept["doc_freq"].tolist(), strict=True))
        for a, per in pers.items():
            # the same idf as the notebooks' (smooth_idf over the articles counted)
            per["doc_freq"] = per["term"].map(doc_freq).astype("int64")
            per["idf"] = smooth_idf(per["doc_freq"], n_docs) if len(per) else per["idf"]
            per["tfidf"] = per["count"] * per["idf"]
            record["distinctive"][a] = distinctive_term_table(per, top=5)["term"].tolist()
    return OverviewCounts(record, lengths.to_numpy())

