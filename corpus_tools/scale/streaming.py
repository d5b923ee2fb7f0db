"""Streaming counts: unigrams, n-grams and collocation co-occurrences, file by file.

Memory is bounded by the vocabulary, not the corpus: articles are read one
file at a time, tokenised, counted into :class:`collections.Counter` s and
dropped; no token table is built.  The result, :class:`CorpusCounts`, is
mergeable with ``+`` (counts of disjoint sets of files add up to the counts
of their union, because nothing is counted across an article), which is
what :func:`corpus_tools.scale.parallel.count_corpus` uses to spread the work over
processes or a Dask cluster.

Counts are exactly those of the in-memory path over the same tokens:
``frequency_table`` (unigrams), ``ngram_table`` / ``frequency.ngrams``
(n kept tokens at consecutive positions of one sentence) and
``counts.count_ngrams`` (collocation pairs within a window, or trigrams,
never crossing the boundary unit).

The tokeniser is an explicit choice: ``tokenizer="exact"`` is the
reference (:func:`corpus_tools.tokens.tokenize.iter_tokens`), ``"fast"`` is
:class:`corpus_tools.tokens.fast.FastTokenizer` (same tokens on >= 99.5 % of
occurrences of real text, 10-20 times faster; see ``benchmarks/RESULTS.md``).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from pathlib import Path
from typing import Literal

import pandas as pd

from corpus_tools.io.loading import (
    ACCEPTED_FORMATS,
    CorpusNotFoundError,
    FieldNames,
    read_file_articles,
    walk_corpus_folder,
)
from corpus_tools.model.checks import check_counts
from corpus_tools.model.corpus import Article, LoadProblem
from corpus_tools.stats.counts import BOUNDARIES, NgramCounts
from corpus_tools.stats.frequency import ranked_count_table
from corpus_tools.tokens.fast import FastTokenizer, shared_fast_tokenizer
from corpus_tools.tokens.tokenize import DEFAULT_TOKENIZER, TokenOptions, iter_tokens

__all__ = ["CorpusCounts", "CountSpec", "corpus_files", "count_articles", "count_files"]

Tokenizer = Literal["fast", "exact"]


@dataclass(frozen=True)
class CountSpec:
    """What to count, and how to tokenise.  Hashable and picklable (it travels to workers).

    Parameters
    ----------
    tokenizer : {"fast", "exact"}
        ``"exact"``: Punkt + ``NLTKWordTokenizer`` (the reference, < 1 MB/s);
        ``"fast"``: :class:`~corpus_tools.tokens.fast.FastTokenizer`.
    options : TokenOptions
        Normalisation and filtering (lower-casing, stopwords...).
    ngram_sizes : tuple of int
        Sizes n >= 2 of n-grams to count (unigrams are always counted).
    window_size : int or None
        Count collocation co-occurrences (:class:`~corpus_tools.stats.counts.NgramCounts`)
        with this window (``collocation_n=2``; W >= 2) - or None for none.
    collocation_n : {2, 3}
    boundary : {"paragraph", "sentence", "article"}
        Unit no collocation window crosses.
    text_field, id_field, date_field, title_field, paragraph_break
        As for :func:`corpus_tools.load_corpus`.
    """

    tokenizer: Tokenizer = DEFAULT_TOKENIZER
    options: TokenOptions = field(default_factory=TokenOptions)
    ngram_sizes: tuple[int, ...] = ()
    window_size: int | None = None
    collocation_n: int = 2
    boundary: str = "paragraph"
    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "date"
    title_field: str = "title"
    paragraph_break: Literal["blank", "line"] = "blank"

    def __post_init__(self) -> None:
        if self.tokenizer not in ("fast", "exact"):
            raise ValueError(f"tokenizer must be 'fast' or 'exact', not {self.tokenizer!r}")
        sizes = tuple(sorted(set(self.ngram_sizes)))
        if any(not isinstance(n, int) or n < 2 for n in sizes):
            raise ValueError(f"ngram_sizes must be integers >= 2 (unigrams are always counted), not {sizes!r}")
        object.__setattr__(self, "ngram_sizes", sizes)
        if self.boundary not in BOUNDARIES:
            raise ValueError(f"boundary must be one of {sorted(BOUNDARIES)}, not {self.boundary!r}")
        if self.window_size is not None:
            NgramCounts(self.collocation_n, self.window_size, self.boundary, "norm")  # validates

    @property
    def fields(self) -> FieldNames:
        return FieldNames(self.text_field, self.id_field, self.date_field, self.title_field)

    @property
    def needs_sequences(self) -> bool:
        return bool(self.ngram_sizes) or self.window_size is not None


@dataclass
class CorpusCounts:
    """Mergeable counts of a corpus (see the module docstring).

    Attributes
    ----------
    spec : CountSpec
    unigrams : Counter
        Kept-token (``norm``) frequencies.
    ngrams : dict of int -> Counter
        For each n of ``spec.ngram_sizes``: tuple of n norms -> count.
    n_articles, n_tokens : int
        Articles counted; tokens before filtering.
    problems : list of LoadProblem
        Files or records skipped (or loaded with a caveat) while reading.

    The collocation counts are the :attr:`collocations` property.
    """

    spec: CountSpec
    unigrams: Counter = field(default_factory=Counter)
    ngrams: dict[int, Counter] = field(default_factory=dict)
    co_words: Counter = field(default_factory=Counter)
    co_grams: Counter = field(default_factory=Counter)
    co_pairs: Counter = field(default_factory=Counter)
    n_articles: int = 0
    n_tokens: int = 0
    problems: list[LoadProblem] = field(default_factory=list)

    def __add__(self, other: CorpusCounts) -> CorpusCounts:
        if not isinstance(other, CorpusCounts):
            return NotImplemented
        if other.spec != self.spec:
            raise ValueError(f"cannot merge counts made with different settings: {self.spec} and {other.spec}")
        return CorpusCounts(
            self.spec,
            self.unigrams + other.unigrams,
            {n: self.ngrams.get(n, Counter()) + other.ngrams.get(n, Counter()) for n in self.spec.ngram_sizes},
            self.co_words + other.co_words,
            self.co_grams + other.co_grams,
            self.co_pairs + other.co_pairs,
            self.n_articles + other.n_articles,
            self.n_tokens + other.n_tokens,
            self.problems + other.problems,
        )

    def __radd__(self, other):  # sum(list_of_counts)
        return self if other == 0 else NotImplemented

    @property
    def collocations(self) -> NgramCounts | None:
        """Collocation counts, as :func:`corpus_tools.stats.counts.count_ngrams` gives them (None if not asked for).

        Built from the raw co-occurrence counters when first asked for, and
        again only after they change (NgramCounts sorts its mappings, so
        merging raw counters first is much cheaper).
        """
        spec = self.spec
        if spec.window_size is None:
            return None
        key = (len(self.co_words), len(self.co_grams), sum(self.co_words.values()))
        cached = self.__dict__.get("_colls")
        if cached is None or cached[0] != key:
            cached = (key, NgramCounts(spec.collocation_n, spec.window_size, spec.boundary, "norm",
                                       ngrams=self.co_grams, words=self.co_words,
                                       n_words=sum(self.co_words.values()), pairs=self.co_pairs))
            self.__dict__["_colls"] = cached
        return cached[1]

    @property
    def n_kept(self) -> int:
        """The number of kept (counted) tokens, the sum of :attr:`unigrams`."""
        return sum(self.unigrams.values())

    def frequency_table(self, min_count: int = 1, top: int | None = None) -> pd.DataFrame:
        """``term``, ``count``, ``per_10k``, ``rank``: as :func:`corpus_tools.frequency_table`
        (sorted by count desc, then term asc), without ``doc_freq``."""
        check_counts(min_count=min_count, top=top)
        return _table(self.unigrams, min_count, top)

    def ngram_table(self, n: int = 2, min_count: int = 1, top: int | None = None) -> pd.DataFrame:
        """n-gram frequencies (terms joined by a space), as :func:`corpus_tools.ngram_table`."""
        check_counts(n=n, min_count=min_count, top=top)
        if n == 1:
            return self.frequency_table(min_count, top)
        if n not in self.ngrams:
            raise KeyError(f"{n}-grams were not counted (ngram_sizes={self.spec.ngram_sizes})")
        return _table(Counter({" ".join(g): c for g, c in self.ngrams[n].items()}), min_count, top)


def _table(counts: Counter, min_count: int, top: int | None) -> pd.DataFrame:
    df = ranked_count_table(counts, min_count)  # frequency_table's order, rank and per_10k
    return df.head(top) if top is not None else df

class _Counter:
    """Accumulates the counts of one batch of articles (one worker's state)."""

    def __init__(self, spec: CountSpec):
        self.spec = spec
        self.result = CorpusCounts(spec, ngrams={n: Counter() for n in spec.ngram_sizes})
        self._norm: dict[str, str | None] = {}
        self._words = self.result.co_words
        self._grams = self.result.co_grams
        self._pairs = self.result.co_pairs

    @cached_property
    def _fast(self) -> FastTokenizer:
        return shared_fast_tokenizer()

    def _normalize_all(self, tokens: Iterable[str]) -> None:
        norm, normalize = self._norm, self.spec.options.normalize
        for tok in (tokens if isinstance(tokens, set) else set(tokens)).difference(norm):
            norm[tok] = normalize(tok)

    def add_articles(self, articles: Iterable[Article]) -> None:
        articles = list(articles)
        self.result.n_articles += len(articles)
        if self.spec.tokenizer == "fast" and not self.spec.needs_sequences:
            # Unigrams only: count raw tokens of the whole batch at C speed,
            # then normalise each distinct token once.
            raw = self._fast.counts("\n".join(b.text for a in articles for b in a.blocks))
            self._normalize_all(raw)
            norm, uni = self._norm, self.result.unigrams
            for tok, n in raw.items():
                self.result.n_tokens += n
                term = norm[tok]
                if term is not None:
                    uni[term] += n
            return
        for article in articles:
            self._add_sequences(self._sentences(article))

    def _sentences(self, article: Article) -> list[list[list[str]]]:
        """Tokens by block, then sentence."""
        if self.spec.tokenizer == "fast":
            return self._fast.sentences("\n".join(b.text for b in article.blocks))
        blocks: list[list[list[str]]] = []
        last = (None, None)
        for tok in iter_tokens(article):
            if tok.block != last[0]:
                blocks.append([[]])
            elif tok.sentence != last[1]:
                blocks[-1].append([])
            blocks[-1][-1].append(tok.text)
            last = (tok.block, tok.sentence)
        return blocks

    def _add_sequences(self, blocks: list[list[list[str]]]) -> None:
        self._normalize_all(set(chain.from_iterable(chain.from_iterable(blocks))))
        get = self._norm.__getitem__
        spec, res = self.spec, self.result
        unit_seqs: list[list[str | None]] = []
        article_seq: list[str | None] = []
        for block in blocks:
            block_seq: list[str | None] = []
            for sent in block:
                seq = list(map(get, sent))
                res.n_tokens += len(seq)
                res.unigrams.update(seq)
                for n in spec.ngram_sizes:
                    res.ngrams[n].update(zip(*(seq[k:] for k in range(n)), strict=False))  # shifted copies
                if spec.boundary == "sentence":
                    unit_seqs.append(seq)
                block_seq.extend(seq)
            if spec.boundary == "paragraph":
                unit_seqs.append(block_seq)
            article_seq.extend(block_seq)
        if spec.boundary == "article":
            unit_seqs.append(article_seq)
        if spec.window_size is not None:
            for seq in unit_seqs:
                self._words.update(seq)
                if spec.collocation_n == 2:
                    for gap in range(1, spec.window_size):
                        self._grams.update(zip(seq, seq[gap:], strict=False))
                else:
                    self._pairs.update(zip(seq, seq[1:], strict=False))
                    self._grams.update(zip(seq, seq[1:], seq[2:], strict=False))

    def finish(self) -> CorpusCounts:
        """Drop the place-holders of filtered tokens (None) and return the counts."""
        res = self.result
        res.unigrams.pop(None, None)
        for counter in (*res.ngrams.values(), self._grams, self._pairs):
            for key in [k for k in counter if None in k]:
                del counter[key]
        self._words.pop(None, None)
        return res


def count_articles(articles: Iterable[Article], spec: CountSpec | None = None, **spec_fields) -> CorpusCounts:
    """Counts of in-memory articles (a :class:`Corpus`, a list...).

    >>> from corpus_tools import Corpus
    >>> c = count_articles(Corpus.from_texts(["New York is big. New York grows."]), ngram_sizes=(2,))
    >>> c.unigrams["new"], c.ngrams[2][("new", "york")], c.n_tokens
    (2, 2, 9)
    """
    spec = spec or CountSpec(**spec_fields)
    counter = _Counter(spec)
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= 500:
            counter.add_articles(batch)
            batch = []
    counter.add_articles(batch)
    return counter.finish()


def corpus_files(path: str | os.PathLike | Iterable[str | os.PathLike]) -> tuple[list[Path], list[LoadProblem]]:
    """The files :func:`corpus_tools.load_corpus` would read, in its order, and the problems met listing them."""
    paths = [path] if isinstance(path, (str, os.PathLike)) else list(path)
    files: list[Path] = []
    problems: list[LoadProblem] = []
    for p in map(Path, paths):
        if not p.exists():
            raise CorpusNotFoundError(f"{p}: no such file or folder")
        found = walk_corpus_folder(p, False, problems) if p.is_dir() else [p]
        for f in found:
            if f.suffix.lower() in ACCEPTED_FORMATS:
                files.append(f)
            else:
                problems.append(LoadProblem(str(f), f"unsupported file type (accepted: {', '.join(ACCEPTED_FORMATS)})"))
    return files, problems


def _iter_file_articles(path: Path, spec: CountSpec, problems: list[LoadProblem]) -> Iterator[Article]:
    fmt = ACCEPTED_FORMATS[path.suffix.lower()]
    read = read_file_articles(path, fmt, fields=spec.fields, paragraph_break=spec.paragraph_break)
    for article, file_problems in read:
        problems.extend(file_problems)
        if article is not None:
            yield article


def count_files(files: Iterable[str | os.PathLike], spec: CountSpec | None = None, **spec_fields) -> CorpusCounts:
    """Counts of the articles in ``files``, read one file at a time (one process).

    A file that cannot be read or parsed is recorded in ``problems`` and
    skipped; it never stops the count.
    """
    spec = spec or CountSpec(**spec_fields)
    counter = _Counter(spec)
    for f in files:
        counter.add_articles(_iter_file_articles(Path(f), spec, counter.result.problems))
    return counter.finish()
