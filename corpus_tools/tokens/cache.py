"""Tokenise a corpus once per run: a token-table cache keyed by content and settings.

A report runner renders several notebooks over the same corpus; each would
tokenise it again.  :func:`cached_token_table` returns the token table of
:func:`corpus_tools.token_table`, reading it from a Parquet file (via pyarrow)
when one exists for the same corpus *content* and the same tokeniser
settings, and writing it (atomically) otherwise.

The key (:func:`token_cache_key`) is a SHA-256 over: a format version, the
corpus-tools version, the tokeniser (``"exact"``/``"fast"``), the token
options, everything else that decides a token (:func:`tokenizer_fingerprint`:
NLTK's version, the Unicode database version, the abbreviation list and the
source of the tokenising modules), the fingerprint of the block-role rules
(the rows carry block roles: :mod:`corpus_tools.tokens.blockroles`), and
every article's id, block kinds and block texts, in corpus order.  So editing one character of one article,
renaming an article, or changing an option gives a new cache file; loading
the same files again, from anywhere, hits the cache.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from corpus_tools._version import __version__
from corpus_tools.io.atomic import atomic_write
from corpus_tools.model.corpus import Article, Corpus
from corpus_tools.tokens import fast as _fast_module
from corpus_tools.tokens import stopwords as _stopwords_module
from corpus_tools.tokens import tokenize as _tokenize_module
from corpus_tools.tokens.blockroles import PREFIX_ROLE, ArticleRoles, corpus_block_roles, role_rules
from corpus_tools.tokens.fast import shared_fast_tokenizer
from corpus_tools.tokens.tokenize import (
    DEFAULT_TOKENIZER,
    NEWS_ABBREVIATIONS,
    TOKEN_COLUMNS,
    TokenOptions,
    token_table,
)

__all__ = ["RAW_TOKEN_OPTIONS", "arrow_token_table", "cached_token_table", "corpus_token_table", "fast_token_arrow",
           "fast_token_table", "renormalized_table", "token_cache_key", "tokenizer_fingerprint"]

CACHE_FORMAT = 3  # 3: rows carry the block role, sections are body sections

#: Options that keep every token as written, boilerplate blocks included: the one table a
#: report caches, from which each notebook derives its own (:func:`renormalized_table`).
RAW_TOKEN_OPTIONS = TokenOptions(lowercase=False, words_only=False, boilerplate=True)


@cache
def tokenizer_fingerprint() -> str:
    """Hex SHA-256 of everything besides the text and options that decides a token.

    NLTK's version (Punkt and Treebank rules), the Unicode database version
    (``str.isalnum``, ``\\w`` and case folding depend on it), the abbreviation
    list, and the source files of the tokenising modules, so that editing a
    rule invalidates every cache even when the package version is unchanged
    (a development checkout).

    >>> len(tokenizer_fingerprint())
    64
    """
    h = hashlib.sha256()
    # NLTK's version from its metadata, the string nltk.__version__ holds, without importing NLTK
    nltk_version = importlib.metadata.version("nltk")
    h.update(repr((nltk_version, unicodedata.unidata_version, sorted(NEWS_ABBREVIATIONS))).encode())
    for module in (_tokenize_module, _fast_module, _stopwords_module):
        h.update(b"\x1e" + Path(module.__file__).read_bytes())
    return h.hexdigest()


def token_cache_key(corpus: Corpus, options: TokenOptions | Mapping[str, object] | None = None,
                    tokenizer: str = DEFAULT_TOKENIZER) -> str:
    """Hex SHA-256 of the corpus content and the tokeniser settings (see the module docstring).

    >>> from corpus_tools import Corpus
    >>> a = token_cache_key(Corpus.from_texts(["One text."]))
    >>> a == token_cache_key(Corpus.from_texts(["One text."])), a == token_cache_key(Corpus.from_texts(["One text!"]))
    (True, False)
    """

    if tokenizer not in ("exact", "fast"):
        raise ValueError(f"tokenizer must be 'exact' or 'fast', not {tokenizer!r}")
    options = TokenOptions.coerce(options)
    settings = {k: v for k, v in asdict(options).items() if not k.startswith("_")}
    if isinstance(settings.get("stopwords"), frozenset):
        settings["stopwords"] = sorted(settings["stopwords"])
    h = hashlib.sha256()
    # the rows carry block roles, decided by the structure rules: a rule edited is another table
    h.update(repr((CACHE_FORMAT, __version__, tokenizer_fingerprint(), role_rules().fingerprint(), tokenizer,
                   sorted(settings.items()))).encode())
    for article in corpus:
        h.update(b"\x1earticle\x1f" + article.id.encode("utf-8", "surrogatepass"))
        for block in article.blocks:
            h.update(b"\x1e" + block.kind.encode() + b"\x1f" + block.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def fast_token_table(corpus: Corpus, options: TokenOptions | Mapping[str, object] | None = None, *,
                     recurring: Mapping[str, int] | None = None) -> pd.DataFrame:
    """The token table of :func:`corpus_tools.token_table`, with
    :class:`~corpus_tools.tokens.fast.FastTokenizer` tokens.

    Same columns and meaning (``recurring``: as there); ``start``/``end`` are found by aligning the
    tokens with the block text, as the exact path does.

    >>> from corpus_tools import Corpus
    >>> fast_token_table(Corpus.from_texts(["Mr. Xi’s visit ended."]))["token"].tolist()
    ['Mr.', 'Xi', "'s", 'visit', 'ended']
    """
    return arrow_token_table(fast_token_arrow(corpus, options, recurring=recurring))


def arrow_token_table(table: pa.Table) -> pd.DataFrame:
    """A token table held as Arrow (:func:`fast_token_arrow`, a part file) as the DataFrame
    :func:`corpus_tools.token_table` gives: same column types."""
    return _typed(table.to_pandas())


def fast_token_arrow(corpus: Corpus, options: TokenOptions | Mapping[str, object] | None = None, *,
                     recurring: Mapping[str, int] | None = None,
                     roles: Mapping[str, ArticleRoles] | None = None) -> pa.Table:
    """:func:`fast_token_table` as a pyarrow Table (columns :data:`TOKEN_COLUMNS`, int64 and string).

    What the token dataset's part files store: built straight from Python lists, without a
    pandas DataFrame in between (pandas' construction cost more than the tokenizer).
    ``recurring`` and ``roles``: see :func:`corpus_tools.token_table`.
    """
    options = TokenOptions.coerce(options)
    articles = list(corpus)
    if roles is None:
        roles = corpus_block_roles(articles, recurring)
    # All blocks of all articles as the lines of one text, tokenised in one call; every column is
    # then array arithmetic over the tokens (a Python step per token and column cost more than
    # the tokenizer did).  A line break inside a block (none by construction) is read as a space,
    # so that lines and blocks stay one to one.
    blocks = [b for a in articles for b in a.blocks]
    texts = [b.text.replace("\n", " ") for b in blocks]
    arrays = shared_fast_tokenizer().token_arrays("\n".join(texts))
    line_offset = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]]) if texts else np.zeros(0, dtype=np.int64)
    line_article = np.repeat(np.arange(len(articles)), [len(a.blocks) for a in articles])
    line_role, line_section, line_prefix = [], [], []
    for article in articles:
        block_roles, block_sections = roles[article.id][:2]
        prefixes = roles[article.id].prefixes
        line_role.extend(block_roles[b.index] for b in article.blocks)
        line_section.extend(block_sections[b.index] for b in article.blocks)
        line_prefix.extend(prefixes[b.index] if prefixes else 0 for b in article.blocks)

    line = arrays.lines
    article = line_article[line]
    first_line = np.searchsorted(line_article, np.arange(len(articles)))  # every article has a block
    # an article's positions and sentences count all its tokens, the ones left out below too
    position = np.arange(len(line)) - np.searchsorted(line, first_line)[article]
    # (an article without blocks points past the last line: padded, and no token reads it)
    sentence = arrays.sentences - np.append(arrays.line_sentences, 0)[first_line][article]
    in_block = arrays.starts - line_offset[line]
    start = in_block + np.array([b.start for b in blocks], dtype=np.int64)[line]
    end = arrays.ends - line_offset[line] + np.array([b.start for b in blocks], dtype=np.int64)[line]

    role_names = sorted({*line_role, PREFIX_ROLE})
    role_code = {r: i for i, r in enumerate(role_names)}
    role = np.array([role_code[r] for r in line_role], dtype=np.int64)[line]
    prefix = np.array(line_prefix, dtype=np.int64)[line]
    # a dateline in front of the lead ("LONDON (AP) —"): its tokens' role is "dateline"
    role = np.where(in_block < prefix, role_code[PREFIX_ROLE], role)
    tokens = arrays.tokens
    if options.normalize_is_identity:
        norms = tokens
    else:
        norm_of = {t: options.normalize(t) for t in set(tokens)}
        norms = [norm_of[t] for t in tokens]
    keep = np.array([options.keeps_role(r) for r in role_names], dtype=bool)[role]
    if norms is not tokens:
        keep &= np.fromiter((v is not None for v in norms), dtype=bool, count=len(norms))
    if not keep.all():  # options filter some tokens out: keep the rows of the others
        kept = np.flatnonzero(keep)
        tokens = [tokens[i] for i in kept.tolist()]
        norms = tokens if norms is arrays.tokens else [norms[i] for i in kept.tolist()]
        line, article, position, sentence, start, end, role = (
            x[kept] for x in (line, article, position, sentence, start, end, role))

    def strings(values: list[str], codes: np.ndarray) -> pa.Array:
        return pa.array(values, pa.string()).take(pa.array(codes))

    token_array = pa.array(tokens, pa.string())
    return pa.table({
        "article": strings([a.id for a in articles], article),
        "section": pa.array(np.array(line_section, dtype=np.int64)[line]),
        "block": pa.array(np.array([b.index for b in blocks], dtype=np.int64)[line]),
        "block_kind": strings([b.kind for b in blocks], line),
        "role": strings(role_names, role),
        "sentence": pa.array(sentence),
        "position": pa.array(position),
        "start": pa.array(start),
        "end": pa.array(end),
        "token": token_array,
        "norm": token_array if norms is tokens else pa.array(norms, pa.string()),
    }).select(list(TOKEN_COLUMNS))


_TEXT_COLUMNS = frozenset({"article", "block_kind", "role", "token", "norm"})


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    """The column types :func:`corpus_tools.token_table` gives (a Parquet round trip may change string types)."""
    return df.astype(_token_dtypes())


@cache
def _token_dtypes() -> dict:
    # token_table's text columns hold the type pandas infers for Python strings (object in
    # pandas 2, "str" in pandas 3); read it off a one-cell frame rather than by tokenising
    text = pd.DataFrame({"x": ["a"]})["x"].astype(str).dtype
    return {c: (text if c in _TEXT_COLUMNS else "int64") for c in TOKEN_COLUMNS}


def cached_token_table(
    corpus: Corpus | list[Article],
    cache_dir: str | os.PathLike,
    *,
    options: TokenOptions | Mapping[str, object] | None = None,
    tokenizer: str = DEFAULT_TOKENIZER,
) -> pd.DataFrame:
    """The token table of ``corpus``, from ``cache_dir`` when it is there.

    Parameters
    ----------
    corpus : Corpus
    cache_dir : path
        Folder for ``tokens-<key>.parquet`` files (created if needed), e.g.
        the report's output folder.
    options : TokenOptions, optional
    tokenizer : {"exact", "fast"}
        ``"exact"`` (default): :func:`corpus_tools.token_table`; ``"fast"``:
        :func:`fast_token_table`.

    Returns
    -------
    pandas.DataFrame
        Equal to a fresh :func:`corpus_tools.token_table` (or :func:`fast_token_table`) table.
    """
    corpus = corpus if isinstance(corpus, Corpus) else Corpus(list(corpus))
    options = TokenOptions.coerce(options)
    key = token_cache_key(corpus, options, tokenizer)
    folder = Path(cache_dir)
    path = folder / f"tokens-{key[:32]}.parquet"
    if path.exists():
        try:
            return _typed(pd.read_parquet(path, engine="pyarrow"))
        except (OSError, ValueError):
            pass  # a damaged cache file is rebuilt below
    table = _typed(token_table(corpus, options)) if tokenizer == "exact" else fast_token_table(corpus, options)
    # atomic: readers never see half a file
    atomic_write(path, lambda tmp: table.to_parquet(tmp, engine="pyarrow", index=False))
    return table


def renormalized_table(raw: pd.DataFrame, options: TokenOptions | Mapping[str, object] | None = None) -> pd.DataFrame:
    """Apply ``options`` to a table of all tokens (made with :data:`RAW_TOKEN_OPTIONS`).

    Equal to tokenising again with ``options``, because normalisation looks
    at one token at a time; each distinct token is normalised once.

    >>> from corpus_tools import Corpus
    >>> from corpus_tools.tokens import token_table
    >>> raw = token_table(Corpus.from_texts(["The cat sat."]), RAW_TOKEN_OPTIONS)
    >>> renormalized_table(raw, TokenOptions(stopwords="english"))["norm"].tolist()
    ['cat', 'sat']
    """
    options = TokenOptions.coerce(options)
    forms = {t: options.normalize(t) for t in raw["token"].unique()}
    norm = raw["token"].map(forms)
    if options.excluded_roles:  # the role filter: a property of the row's block, not of the token
        norm = norm.where(~raw["role"].isin(options.excluded_roles))
    out = raw.loc[norm.notna()].copy()
    out["norm"] = norm[norm.notna()].astype(str)
    return _typed(out.reset_index(drop=True))


def corpus_token_table(
    corpus: Corpus | list[Article],
    options: TokenOptions | Mapping[str, object] | None = None,
    *,
    cache_dir: str | os.PathLike | None = None,
    tokenizer: str = DEFAULT_TOKENIZER,
) -> pd.DataFrame:
    """The token table for ``options``, tokenising at most once per cache folder.

    With ``cache_dir``, all tokens are cached there once
    (:func:`cached_token_table` with :data:`RAW_TOKEN_OPTIONS`) and ``options``
    are applied to the cached table, so notebooks with different options
    share one tokenisation.  Without it: a fresh table.  Either way the
    result equals :func:`corpus_tools.token_table` (``tokenizer="exact"``) or
    :func:`fast_token_table` (``"fast"``) with ``options``.

    >>> from corpus_tools import Corpus
    >>> corpus_token_table(Corpus.from_texts(["Xi’s visit."]))["norm"].tolist()
    ['xi', "'s", 'visit']
    """
    if tokenizer not in ("exact", "fast"):
        raise ValueError(f"tokenizer must be 'exact' or 'fast', not {tokenizer!r}")
    options = TokenOptions.coerce(options)
    if cache_dir is None:
        corpus = corpus if isinstance(corpus, Corpus) else Corpus(list(corpus))
        return _typed(token_table(corpus, options)) if tokenizer == "exact" else fast_token_table(corpus, options)
    raw = cached_token_table(corpus, cache_dir, options=RAW_TOKEN_OPTIONS, tokenizer=tokenizer)
    return renormalized_table(raw, options)
