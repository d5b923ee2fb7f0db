"""Per-article structure tables, computed in the tokenising pass and stored beside the token dataset.

The section-structure tables (blocks, sentences, headings, sections, block
roles, body sections, quotations, the quotation summary, speakers) need an
article's text and its tokens.  Tokenising each article again for each
table (as the in-memory functions do when called one by one) costs about as
much as building the whole dataset, and always uses the exact tokenizer.
Here they are computed once, in the worker that has just tokenised a batch
of articles (:func:`write_dataset_part`, through the ``on_chunk`` hook of
:func:`~corpus_tools.tokens.dataset.write_token_part`), from the article
text and *the dataset's own tokens*: word counts agree with the tokenizer
the dataset was built with.  Quotations are found once per article and
shared by the four tables that need them; the block roles decided for the
token rows (:func:`article_roles`) make the ``block_roles`` table; the
``blocks``, ``sentences`` and ``sections`` tables are computed over the
part's token columns at once (numpy runs and bincounts, ``is_word`` once per
distinct token) instead of looping over one Token object per token.

Each table of each part is a small Parquet file ``<kind>-<part>.parquet``
(``sections-00003.parquet``) listed, with its size and SHA-256, under the
part's ``files`` in the manifest and verified with the parts: a damaged
file means a rebuild.  The corpus-level input, the recurring lines that the
boilerplate detector takes for page furniture
(:func:`corpus_tools.structure.roles.recurring_lines`), is computed once by
the parent before the workers start and recorded in the manifest's
``structure`` record, with a fingerprint of the structure rules' source
(:func:`structure_fingerprint`): editing a rule or the corpus rebuilds.

:func:`structure_table` reads one kind for the whole corpus.  With
``tokenizer="exact"`` every table equals the in-memory function's
(``ct.section_table(corpus)`` ...); with ``"fast"`` only the word and
sentence counts can differ, where the fast tokens differ (on about 0.01 %
of tokens of real prose).
"""

from __future__ import annotations

import hashlib
import importlib
import os
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache
from itertools import accumulate
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from corpus_tools.io.atomic import atomic_write
from corpus_tools.model.corpus import Article
from corpus_tools.structure.body import body_section_table
from corpus_tools.structure.quotations import Quotation, find_quotations, quoted_flags
from corpus_tools.structure.roles import BLOCK_ROLE_COLUMNS, block_roles, recurring_lines, role_sections_of
from corpus_tools.structure.sections import heading_table, sections
from corpus_tools.tokens.blockroles import ArticleRoles, RoleRules, register_role_rules
from corpus_tools.tokens.dataset import TokenDataset, file_entry, write_token_part
from corpus_tools.tokens.tokenize import is_word

__all__ = [
    "RECURRING_MIN_COUNT",
    "STRUCTURE_FORMAT",
    "STRUCTURE_TABLES",
    "article_roles",
    "corpus_recurring_lines",
    "structure_file_name",
    "structure_fingerprint",
    "structure_record",
    "structure_table",
    "structure_tables",
    "write_dataset_part",
]

#: Bumped when the stored tables change shape or meaning.
STRUCTURE_FORMAT = 2  # 2: quotations over paragraphs, one row per part
#: ``min_count`` of the corpus-level boilerplate detector (the default of ``block_role_table``).
RECURRING_MIN_COUNT = 3

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()


def _schema(*columns: tuple[str, pa.DataType]) -> pa.Schema:
    return pa.schema(list(columns))


#: Every stored table and its column types, in the column order of the in-memory function:
#: blocks = ``block_table``, sentences = ``sentence_table``, headings = ``heading_table``,
#: sections = ``section_table``, block_roles = ``block_role_table``, body_sections =
#: ``body_section_table``, quotations = ``quotation_table``, quotation_summary =
#: ``quotation_summary_table``, speakers = ``speaker_table``.
STRUCTURE_TABLES: dict[str, pa.Schema] = {
    "blocks": _schema(("article", _S), ("block", _I), ("kind", _S), ("section", _I), ("words", _I),
                      ("sentences", _I)),
    "sentences": _schema(("article", _S), ("section", _I), ("block", _I), ("sentence", _I), ("words", _I)),
    "headings": _schema(("article", _S), ("section", _I), ("block", _I), ("heading", _S), ("kind", _S),
                        ("words", _I), ("prefix", _S), ("source", _S), ("predicate", _S), ("continuity", _I),
                        ("fit", _I), ("reason", _S)),
    "sections": _schema(("article", _S), ("section", _I), ("kind", _S), ("heading", _S), ("heading_block", _I),
                        ("first_block", _I), ("last_block", _I), ("paragraphs", _I), ("sentences", _I),
                        ("words", _I), ("heading_words", _I), ("mean_sentence_length", _F),
                        ("median_sentence_length", _F), ("quoted_words", _I), ("quoted_share", _F)),
    "block_roles": _schema(("article", _S), ("block", _I), ("kind", _S), ("role", _S), ("section", _I),
                           ("words", _I), ("text", _S), ("reason", _S), ("signal", _S), ("dateline", _S)),
    "body_sections": _schema(("article", _S), ("section", _I), ("kind", _S), ("heading", _S),
                             ("heading_block", _I), ("first_block", _I), ("last_block", _I), ("paragraphs", _I),
                             ("words", _I)),
    "quotations": _schema(("article", _S), ("quote", _I), ("block", _I), ("last_block", _I), ("start", _I),
                          ("end", _I), ("text", _S), ("words", _I), ("closed", _B), ("speaker", _S),
                          ("speaker_kind", _S), ("resolved_speaker", _S), ("rule", _S), ("notes", _S),
                          ("speaker_name", _S), ("quotation", _I), ("part", _I), ("parts", _I)),
    "quotation_summary": _schema(("article", _S), ("quotations", _I), ("words", _I), ("quoted_words", _I),
                                 ("quoted_share", _F), ("speakers", _I), ("unattributed", _I)),
    "speakers": _schema(("article", _S), ("speaker", _S), ("quotations", _I), ("quoted_words", _I)),
}


def structure_file_name(kind: str, index: int) -> str:
    """File name of table ``kind`` of part ``index``.

    >>> structure_file_name("sections", 3)
    'sections-00003.parquet'
    """
    if kind not in STRUCTURE_TABLES:
        raise ValueError(f"kind must be one of {list(STRUCTURE_TABLES)}, not {kind!r}")
    return f"{kind}-{index:05d}.parquet"


@cache
def _rules_digest() -> str:
    h = hashlib.sha256(repr(STRUCTURE_FORMAT).encode())
    for name in ("body", "headings", "quotations", "roles", "sections", "speakers"):
        # by name: the package namespace shadows some modules with a function of theirs (``sections``)
        module = importlib.import_module(f"corpus_tools.structure.{name}")
        h.update(b"\x1e" + Path(module.__file__).read_bytes())
    h.update(b"\x1e" + Path(__file__).read_bytes())
    return h.hexdigest()


def structure_fingerprint(recurring: Mapping[str, int]) -> str:
    """Hex SHA-256 of what decides the stored tables besides the corpus and its tokens.

    The source of the structure modules (a rule edited gives another
    fingerprint), this module's, :data:`STRUCTURE_FORMAT`, and the
    corpus-level recurring lines.

    >>> a = structure_fingerprint({})
    >>> a == structure_fingerprint({}), a == structure_fingerprint({"load comments": 3})
    (True, False)
    """
    h = hashlib.sha256(_rules_digest().encode())
    h.update(repr(sorted(recurring.items())).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def corpus_recurring_lines(articles: Sequence[Article]) -> dict[str, int]:
    """The corpus-level input of the structure tables: :func:`recurring_lines` with :data:`RECURRING_MIN_COUNT`."""
    return recurring_lines(list(articles), min_count=RECURRING_MIN_COUNT)


def article_roles(article: Article, recurring: Mapping[str, int]) -> ArticleRoles:
    """The block roles of ``article`` for its token rows: :func:`~corpus_tools.structure.roles.block_roles`
    with the corpus-level ``recurring`` lines, and the body section of each block
    (:func:`~corpus_tools.structure.roles.role_sections_of`; a block outside the body gets the
    section it sits in: that of the last body block before it, 0 before the first).  The rule records ride along in
    ``detail``, so the ``block_roles`` table of the same pass reuses them; the length of a dateline
    in front of a paragraph in ``prefixes`` (its tokens' role is ``"dateline"``)."""
    roles = block_roles(article, recurring=recurring)
    sections, current = [], 0
    for s in role_sections_of(roles):  # -1 outside the body: the section the block sits in instead
        current = s if s >= 0 else current
        sections.append(current)
    # a dateline in front of a paragraph ("HOUSTON, March 2 (Reuters) -"): its tokens are no body text
    prefixes = tuple(len(r.dateline) if r.dateline and article.blocks[r.block].text.startswith(r.dateline) else 0
                     for r in roles)
    return ArticleRoles(tuple(r.role for r in roles), tuple(sections), tuple(roles),
                        prefixes if any(prefixes) else ())


# The token stage puts a role on every row but sits below the structure rules: it declares what it
# needs (tokens.blockroles.RoleRules) and the rules are installed here, the one module that already
# feeds the structure rules into the token dataset (import corpus_tools imports it).
register_role_rules(RoleRules(corpus_recurring_lines, article_roles, _rules_digest))


def structure_record(recurring: Mapping[str, int]) -> dict:
    """The manifest's ``structure`` record: format, fingerprint, tables, and the recurring lines used."""
    return {"format": STRUCTURE_FORMAT, "fingerprint": structure_fingerprint(recurring),
            "tables": list(STRUCTURE_TABLES), "recurring_min_count": RECURRING_MIN_COUNT,
            "recurring": dict(recurring)}


def _quotation_frames(articles: list[Article], quotes: dict[str, list[Quotation]],
                      masks: dict[str, np.ndarray]) -> dict[str, pd.DataFrame]:
    """The three quotation tables from quotations already found (the columns of
    :func:`~corpus_tools.structure.quotations.quotation_table`,
    :func:`~corpus_tools.structure.quotations.quotation_summary_table` and
    :func:`~corpus_tools.structure.quotations.speaker_table`; the tests check they are equal)."""
    table, summary, speakers = [], [], []
    for a in articles:
        qs = quotes[a.id]
        table.extend((q.article, q.index, q.block, q.last_block, q.start, q.end, q.text, q.words, q.closed, q.speaker,
                      q.speaker_kind, q.resolved_speaker, q.rule, q.notes, q.speaker_name, q.quotation, q.part,
                      q.parts) for q in qs)
        mask = masks[a.id]
        quoted = int(mask.sum())
        named = {q.resolved_speaker for q in qs if q.resolved_speaker}
        # (whole quotations: a quotation over paragraphs, one row per part, counts once)
        summary.append((a.id, sum(q.part == 0 for q in qs), len(mask), quoted,
                        quoted / len(mask) if len(mask) else float("nan"), len(named),
                        sum(q.speaker is None and q.part == 0 for q in qs)))
        counts: Counter = Counter()
        words: Counter = Counter()
        for q in qs:
            if q.resolved_speaker:
                counts[q.resolved_speaker] += q.part == 0
                words[q.resolved_speaker] += q.words
        speakers.extend(sorted(((a.id, s, c, words[s]) for s, c in counts.items()), key=lambda r: (-r[2], r[1])))
    names = STRUCTURE_TABLES
    return {"quotations": pd.DataFrame(table, columns=names["quotations"].names),
            "quotation_summary": pd.DataFrame(summary, columns=names["quotation_summary"].names),
            "speakers": pd.DataFrame(speakers, columns=names["speakers"].names)}


def _block_role_frame(articles: list[Article], roles: Mapping[str, ArticleRoles]) -> pd.DataFrame:
    """:func:`~corpus_tools.structure.roles.block_role_table` from roles already decided (the tests check equality)."""
    rows = []
    for a in articles:
        detail = list(roles[a.id].detail)
        for role, section in zip(detail, role_sections_of(detail), strict=True):  # -1 outside the body here
            block = a.blocks[role.block]
            rows.append((a.id, role.block, role.kind, role.role, section, len(block.text.split()), block.text,
                         role.reason, role.signal, role.dateline))
    df = pd.DataFrame(rows, columns=BLOCK_ROLE_COLUMNS)
    return df.astype({"block": "int64", "section": "int64", "words": "int64"})


def _word_mask(tokens: pd.Series) -> np.ndarray:
    """:func:`~corpus_tools.tokens.is_word` of every token, decided once per distinct token."""
    codes, distinct = pd.factorize(tokens, sort=False)
    return np.array([is_word(t) for t in distinct], dtype=bool)[codes] if len(codes) else np.zeros(0, bool)


def _article_index(column: pd.Series, articles: list[Article]) -> np.ndarray:
    """The position in ``articles`` of each row's article: one dict look-up per distinct id, not per row."""
    order = {a.id: i for i, a in enumerate(articles)}
    codes, distinct = pd.factorize(column, sort=False)
    return np.array([order[x] for x in distinct], dtype=np.int64)[codes] if len(codes) else np.zeros(0, np.int64)


def _block_frames(articles: list[Article], raw: pd.DataFrame, word: np.ndarray,
                  heading_section: Mapping[str, list[int]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`~corpus_tools.structure.sections.block_table` and
    :func:`~corpus_tools.structure.sections.sentence_table` computed over the token columns at once.

    The rows of ``raw`` are in text order, articles contiguous, and a sentence never crosses a block
    (so within an article a sentence number is one run of rows): a sentence's words are a sum over
    its run, a block's sentences the number of runs in it.  The tests check both equal the
    in-memory functions, which loop over Token objects.
    """
    art = _article_index(raw["article"], articles)
    block = raw["block"].to_numpy(dtype=np.int64)
    sentence = raw["sentence"].to_numpy(dtype=np.int64)
    n = len(art)
    # runs of one (article, sentence): where either changes
    starts = np.flatnonzero(np.r_[True, (art[1:] != art[:-1]) | (sentence[1:] != sentence[:-1])]) if n else \
        np.zeros(0, np.int64)
    sent_words = np.add.reduceat(word.astype(np.int64), starts) if n else np.zeros(0, np.int64)
    s_art, s_block, s_sentence = art[starts], block[starts], sentence[starts]
    ids = [a.id for a in articles]
    s_section = [heading_section[ids[a]][b] for a, b in zip(s_art.tolist(), s_block.tolist(), strict=True)]
    sentences = pd.DataFrame({"article": [ids[a] for a in s_art.tolist()], "section": s_section,
                              "block": s_block.tolist(), "sentence": s_sentence.tolist(),
                              "words": sent_words.tolist()},
                             columns=["article", "section", "block", "sentence", "words"])
    # per block: words and sentence runs, by a flat (article, block) index
    offsets = np.cumsum([0] + [len(a.blocks) for a in articles])
    flat = offsets[art] + block if n else np.zeros(0, np.int64)
    size = int(offsets[-1])
    words = np.bincount(flat, weights=word, minlength=size).astype(np.int64)
    runs = np.bincount(offsets[s_art] + s_block if len(starts) else np.zeros(0, np.int64),
                       minlength=size).astype(np.int64)
    rows = [(a.id, b.index, b.kind, heading_section[a.id][b.index]) for a in articles for b in a.blocks]
    blocks = pd.DataFrame(rows, columns=["article", "block", "kind", "section"])
    blocks["words"], blocks["sentences"] = words.tolist(), runs.tolist()
    return blocks, sentences


def _section_frame(articles: list[Article], raw: pd.DataFrame, word: np.ndarray,
                   heading_section: Mapping[str, list[int]],
                   masks: Mapping[str, np.ndarray]) -> pd.DataFrame:
    """:func:`~corpus_tools.structure.sections.section_table` computed over the token columns at once.

    Per word token: its heading section (a Token's ``section``), whether its block is a heading
    (counted in ``heading_words``), and whether it is quoted (``masks``: the
    :func:`~corpus_tools.structure.quotations.quoted_flags` of each article's word tokens in row
    order, found once for this table and the quotation summary).  A sentence is one run of rows of an article, so a
    section's sentence lengths are the lengths of the runs of its paragraph words; mean and
    median are taken with :mod:`statistics` as there, so the floats are the same.  The tests
    check equality with the in-memory function, which loops over Token objects.
    """
    rows_word = raw[word]
    art = _article_index(rows_word["article"], articles)
    block = rows_word["block"].to_numpy(dtype=np.int64)
    sentence = rows_word["sentence"].to_numpy(dtype=np.int64)
    heading = (rows_word["block_kind"] == "heading").to_numpy(dtype=bool)
    block_off = np.cumsum([0] + [len(a.blocks) for a in articles])
    flat_heading_section = np.array([s for a in articles for s in heading_section[a.id]], dtype=np.int64)
    sec = flat_heading_section[block_off[art] + block] if len(art) else np.zeros(0, np.int64)
    n_sections = [sum(b.kind == "heading" for b in a.blocks) + 1 for a in articles]
    sec_off = np.cumsum([0] + n_sections)
    key = sec_off[art] + sec if len(art) else np.zeros(0, np.int64)
    size = int(sec_off[-1])
    # quoted flags in row order: the masks are the articles' word rows in this very order
    quoted = np.concatenate([masks[a.id] for a in articles]) if articles else np.zeros(0, dtype=bool)
    if len(quoted) != len(art):
        raise AssertionError("the quoted-word masks do not cover the word rows")
    body = ~heading
    heading_words = np.bincount(key[heading], minlength=size)
    words = np.bincount(key[body], minlength=size)
    quoted_words = np.bincount(key[body & quoted], minlength=size)
    # sentence lengths: runs of one (article, sentence) among the paragraph words
    b_art, b_sentence, b_key = art[body], sentence[body], key[body]
    run_starts = np.flatnonzero(np.r_[True, (b_art[1:] != b_art[:-1]) | (b_sentence[1:] != b_sentence[:-1])]) \
        if len(b_art) else np.zeros(0, np.int64)
    run_lengths = np.diff(np.r_[run_starts, len(b_art)]).tolist()
    lengths: dict[int, list[int]] = {}
    for k, n in zip(b_key[run_starts].tolist(), run_lengths, strict=True):
        lengths.setdefault(k, []).append(n)
    rows = []
    for i, a in enumerate(articles):
        for s in sections(a):
            k = int(sec_off[i]) + s.index
            ls = lengths.get(k, [])
            blocks = s.blocks
            n = int(words[k])
            rows.append((
                a.id, s.index, s.kind, s.heading.text if s.heading else None, s.heading.index if s.heading else -1,
                blocks[0].index if blocks else -1, blocks[-1].index if blocks else -1, len(s.paragraphs),
                len(ls), n, int(heading_words[k]),
                statistics.fmean(ls) if ls else float("nan"),
                float(statistics.median(ls)) if ls else float("nan"),
                int(quoted_words[k]), int(quoted_words[k]) / n if n else float("nan")))
    df = pd.DataFrame(rows, columns=STRUCTURE_TABLES["sections"].names)
    ints = ("section", "heading_block", "first_block", "last_block", "paragraphs", "sentences", "words",
            "heading_words", "quoted_words")
    return df.astype({**{c: "int64" for c in ints}, "mean_sentence_length": "float64",
                      "median_sentence_length": "float64", "quoted_share": "float64"})


def structure_tables(articles: Sequence[Article], raw_tokens: pd.DataFrame, recurring: Mapping[str, int],
                     roles: Mapping[str, ArticleRoles] | None = None) -> dict[str, pd.DataFrame]:
    """Every table of :data:`STRUCTURE_TABLES` for ``articles``, from their raw token table.

    ``raw_tokens`` holds every token of the articles
    (:data:`~corpus_tools.tokens.cache.RAW_TOKEN_OPTIONS`), as the dataset
    stores them; ``recurring`` is the corpus-level input
    (:func:`corpus_recurring_lines` of the whole corpus); ``roles`` the
    block roles the token rows were given (:func:`article_roles`; None:
    decided here).
    """
    articles = list(articles)
    if roles is None:
        roles = {a.id: article_roles(a, recurring) for a in articles}
    # The section-structure tables number sections by headings (a Token's ``section``); the token
    # rows hold the body section instead, so the heading count of each block is recomputed here.
    heading_section = {a.id: list(accumulate(int(b.kind == "heading") for b in a.blocks)) for a in articles}
    word = _word_mask(raw_tokens["token"])  # is_word once per distinct token, not once per token and table
    word_starts: dict[str, list[int]] = {a.id: [] for a in articles}
    for a, start in zip(raw_tokens["article"].to_numpy()[word].tolist(),
                        raw_tokens["start"].to_numpy()[word].tolist(), strict=True):
        word_starts[a].append(start)
    blocks, sentences = _block_frames(articles, raw_tokens, word, heading_section)
    quotes = {a.id: find_quotations(a, word_starts[a.id]) for a in articles}
    masks = {a.id: quoted_flags(quotes[a.id], word_starts[a.id]) for a in articles}  # once, for two tables

    return {"blocks": blocks,
            "sentences": sentences,
            "headings": heading_table(articles),
            "sections": _section_frame(articles, raw_tokens, word, heading_section, masks),
            "block_roles": _block_role_frame(articles, roles),
            "body_sections": body_section_table(articles, recurring=recurring,
                                                roles={a.id: roles[a.id].detail for a in articles}),
            **_quotation_frames(articles, quotes, masks)}


def write_dataset_part(articles: Sequence[Article], folder: str | os.PathLike, index: int, tokenizer: str,
                       recurring: Mapping[str, int]) -> dict:
    """Part ``index`` of a dataset: its token part file and, from the same tokens, its structure tables.

    Runs in a worker process or a Dask task (a top-level function of
    picklable arguments).  Returns the manifest entry of
    :func:`~corpus_tools.tokens.dataset.write_token_part` with ``files``:
    ``{kind: {file, rows, bytes, sha256}}``.
    """
    collected: dict[str, list[pa.Table]] = {kind: [] for kind in STRUCTURE_TABLES}

    def on_chunk(chunk: list[Article], raw: pd.DataFrame, roles: Mapping[str, ArticleRoles]) -> None:
        for kind, frame in structure_tables(chunk, raw, recurring, roles).items():
            collected[kind].append(pa.Table.from_pandas(frame, schema=STRUCTURE_TABLES[kind], preserve_index=False))

    entry = write_token_part(articles, folder, index, tokenizer, recurring=recurring, on_chunk=on_chunk)
    files = {}
    for kind, schema in STRUCTURE_TABLES.items():
        table = pa.concat_tables(collected[kind]) if collected[kind] else schema.empty_table()
        path = Path(folder) / structure_file_name(kind, index)
        atomic_write(path, lambda tmp, t=table: pq.write_table(t, tmp, compression="zstd"))
        files[kind] = file_entry(path, table.num_rows)
    return {**entry, "files": files}


def structure_table(dataset: TokenDataset, kind: str) -> pd.DataFrame:
    """Table ``kind`` (:data:`STRUCTURE_TABLES`) of the whole corpus, read from the dataset's part files.

    Rows in corpus order, as the in-memory function orders them; with a
    dataset built with ``tokenizer="exact"`` the table equals it
    (``structure_table(ds, "sections")`` equals ``ct.section_table(corpus)``).

    Raises
    ------
    KeyError
        The dataset holds no such table (a dataset written without them).
    """
    if kind not in STRUCTURE_TABLES:
        raise ValueError(f"kind must be one of {list(STRUCTURE_TABLES)}, not {kind!r}")
    schema = STRUCTURE_TABLES[kind]
    try:
        paths = [dataset.folder / p["files"][kind]["file"] for p in dataset.manifest["parts"]]
    except KeyError:
        raise KeyError(f"{dataset.folder}: no {kind!r} structure table in this dataset") from None
    table = pa.concat_tables([pq.read_table(p, schema=schema) for p in paths]) if paths else schema.empty_table()
    frame = table.to_pandas()
    for field in schema:
        if field.type == pa.string() and table.column(field.name).null_count == len(frame):
            # a text column with no value at all (no quotation attributed): pandas makes it an object
            # column of None from Python rows, as the in-memory functions build them
            frame[field.name] = pd.Series([None] * len(frame), dtype=object, index=frame.index)
    return frame
