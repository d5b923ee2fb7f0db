"""Property-based tests (hypothesis) for the tokeniser, the block splitter and the loader.

The text strategies mix arbitrary Unicode (surrogates excluded: they cannot
be in a decoded file), the characters news scrapes break on (quotes of every
kind, control characters, Unicode line and paragraph separators, runs of
punctuation, Markdown hashes) and news-like fragments ("Mr.", "U.S.", a date
header).  Example counts come from the hypothesis profile in conftest.py.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import warnings

import pandas as pd
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import corpus_tools as ct
from corpus_tools.blocks import _MARKDOWN_OPENING, split_blocks

ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
NASTY_CHARS = list("\"'’‘ʼ`´“”«».,!?;:…-–—()[]{}#*&<>/\\|@$%^~_=+\n\r\t \u00a0\u2028\u2029\u0085\u200b\x0b\x0c\x1c"
                   "\x1e\x00\x07\ufeff\u3000")
NASTY_TEXT = st.text(alphabet=st.sampled_from(NASTY_CHARS), max_size=200)
FRAGMENTS = st.sampled_from([
    "Mr.", "U.S.", "Brig. Gen.", "``", "''", '"', "'s", "n't", "date 2023-01-01 ", "\n\n", "\n", "\r\n", "\r",
    "# ", "## Heading ##", "C#", "...", "!!!!!!!!", "Xi’s", "$15.6 billion", "e.g.", "12-point", "<script>",
])
WORDS = st.sampled_from(["The", "talks", "ended", "Putin", "said", "Kyiv", "on", "Monday", "war", "x", "Ａ", "é",
                         "naïve", "Zürich", "李", "١٢٣"])
TEXT = st.one_of(
    ANY_TEXT,
    NASTY_TEXT,
    st.lists(st.one_of(ANY_TEXT, NASTY_TEXT, FRAGMENTS, WORDS, WORDS, WORDS, st.just(" "), st.just(". ")),
             max_size=40).map("".join),
)
# Texts that read as articles: words, sentence ends, wrapped lines, blank lines, headings.
ARTICLE_TEXT = st.lists(
    st.one_of(WORDS, WORDS, WORDS, FRAGMENTS, st.sampled_from([" ", " ", ". ", ", ", "\n", "\n\n", "\n \n"])),
    min_size=1, max_size=60,
).map("".join)


def kinds_and_texts(blocks):
    return [(b.kind, b.text) for b in blocks]


# -- tokenising never crashes, and its output is self-consistent -----------------

@given(TEXT)
def test_tokenisers_never_crash_and_agree(text):
    sentences = ct.split_sentences(text)
    words = ct.word_tokenize(text)
    assert all(isinstance(s, str) and s for s in sentences)
    assert all(isinstance(w, str) and w and not w.isspace() for w in words)
    article = ct.Article.from_text(text, id="a")
    toks = list(ct.iter_tokens(article))
    # positions count every token from 0; sentences never go backwards; blocks are in order
    assert [t.position for t in toks] == list(range(len(toks)))
    assert all(a.sentence <= b.sentence and a.block <= b.block for a, b in zip(toks, toks[1:], strict=False))
    # iter_tokens is word_tokenize block by block (sentences never cross blocks)
    assert [t.text for t in toks] == [w for b in article.blocks for w in ct.word_tokenize(b.text)]
    table = ct.tokens(article, words_only=False, lowercase=False)
    assert table["token"].tolist() == [t.text for t in toks] == table["norm"].tolist()


@given(TEXT)
def test_token_offsets_map_back_to_the_source_text(text):
    article = ct.Article.from_text(text, id="a")
    full = article.text
    for tok in ct.iter_tokens(article):
        block = article.blocks[tok.block]
        assert block.start <= tok.start < tok.end <= block.end
        assert ct.normalize_apostrophes(full[tok.start:tok.end]) == tok.text
    for block in article.blocks:
        assert full[block.start:block.end] == block.text


@given(TEXT)
def test_sentence_spans_lie_inside_the_text_in_order(text):
    spans = ct.SentenceSplitter().spans(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False))


# -- blocks -------------------------------------------------------------------------

@given(st.one_of(TEXT, ARTICLE_TEXT))
def test_blocks_are_stable_when_the_article_text_is_split_again(text):
    article = ct.Article.from_text(text, id="a")
    # Article.text keeps the block texts (a Markdown heading loses its "#", so only
    # the texts are compared, and only when no heading's own text opens with "# ");
    # the written form keeps the kinds too, always.
    if not any(_MARKDOWN_OPENING.match(b.text) for b in article.headings):
        assert [b.text for b in split_blocks(article.text)] == [b.text for b in article.blocks]
    written = ct.article_to_record(article)["text"]
    assert kinds_and_texts(split_blocks(written)) == kinds_and_texts(article.blocks)
    for b in article.blocks:
        assert b.text and b.text == " ".join(b.text.split())  # one line, white space normalised


@given(st.one_of(TEXT, ARTICLE_TEXT))
def test_blocks_survive_crlf_cr_and_lf(text):
    lf = ct.Article.from_text(text.replace("\r\n", "\n").replace("\r", "\n"), id="a")
    for newline in ("\r\n", "\r"):
        other = ct.Article.from_text(lf_text(text).replace("\n", newline), id="a")
        assert kinds_and_texts(other.blocks) == kinds_and_texts(lf.blocks)


def lf_text(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


@given(ARTICLE_TEXT, st.sampled_from(["\n", "\r\n", "\r"]),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-32"]))
def test_files_load_the_same_blocks_whatever_line_ends_bom_and_encoding(tmp_path_factory, text, newline, encoding):
    text = lf_text(text).lstrip("\ufeff")
    assume(text.strip(" \n\ufeff"))
    if encoding == "utf-16-le-bom":
        data = codecs.BOM_UTF16_LE + text.replace("\n", newline).encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + text.replace("\n", newline).encode("utf-16-be")
    else:
        data = text.replace("\n", newline).encode(encoding)
    path = tmp_path_factory.mktemp("enc") / "a.txt"
    path.write_bytes(data)
    expected, _ = ct.parse_txt_article(text, "a")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ct.CorpusLoadWarning)
        try:
            loaded = ct.load_corpus(path)[0]
        except ct.EmptyCorpusError:
            assert not expected.blocks  # e.g. only a date header, or only Markdown hashes
            return
    assert kinds_and_texts(loaded.blocks) == kinds_and_texts(expected.blocks)
    assert loaded.date == expected.date


# -- counts: invariant to order, additive over parts ----------------------------------

def merged_counts(tables):
    both = pd.concat([t[["term", "count", "doc_freq"]] for t in tables])
    return both.groupby("term")[["count", "doc_freq"]].sum()


@given(st.lists(ARTICLE_TEXT, min_size=1, max_size=8), st.randoms(use_true_random=False), st.data())
def test_counts_invariant_to_order_and_to_splitting_and_merging(texts, rnd, data):
    corpus = ct.Corpus.from_texts(texts)
    whole = ct.frequency_table(corpus)
    shuffled = list(corpus)
    rnd.shuffle(shuffled)
    assert ct.frequency_table(ct.Corpus(shuffled)).equals(whole)  # byte-identical table
    cut = data.draw(st.integers(0, len(texts)))
    parts = [ct.Corpus(shuffled[:cut]), ct.Corpus(shuffled[cut:])]
    tables = [ct.frequency_table(p) for p in parts if len(p)]
    merged = merged_counts(tables)
    if whole.empty:
        assert merged.empty
        return
    expected = whole.set_index("term")[["count", "doc_freq"]].sort_index()
    assert merged.sort_index().equals(expected)
    # the per-10k rate of the whole is the merged count over the total of the parts
    total = sum(int(t["count"].sum()) for t in tables)
    rates = whole.set_index("term")["per_10k"]
    assert ((merged["count"] * 10_000 / total - rates.reindex(merged.index)).abs() < 1e-9).all()


@settings(max_examples=max(30, settings.default.max_examples // 5))  # writes files: the slowest property
@given(st.lists(ARTICLE_TEXT, min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_load_counts_do_not_depend_on_file_order(tmp_path_factory, texts, rnd):
    folder = tmp_path_factory.mktemp("order")
    paths = []
    for i, text in enumerate(texts):
        p = folder / f"{i:02d}.txt"
        p.write_text(text + "\nfiller words here.", encoding="utf-8")
        paths.append(p)
    shuffled = paths[:]
    rnd.shuffle(shuffled)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ct.CorpusLoadWarning)
        a, b = ct.load_corpus(paths), ct.load_corpus(shuffled)
    assert sorted(a.ids) == sorted(b.ids)
    # per-article tables list articles in corpus order (documented); their rows do not change
    def by_article(c):
        table = ct.frequency_table(c, by_article=True)
        return table.sort_values(["article", "rank"], kind="mergesort").reset_index(drop=True)

    assert by_article(a).equals(by_article(b))
    assert ct.frequency_table(a).equals(ct.frequency_table(b))
    assert ct.ngram_table(a, 2).equals(ct.ngram_table(b, 2))


# -- JSONL: load, write, load round-trips ------------------------------------------------

JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.text(max_size=20),
                         st.floats(allow_nan=False, allow_infinity=False))
RECORDS = st.fixed_dictionaries(
    {"text": st.one_of(ARTICLE_TEXT, TEXT)},
    optional={
        "id": st.text(min_size=1, max_size=12),
        "date": st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat),
        "title": st.text(max_size=30),
        "outlet": JSON_SCALARS,
        "tags": st.lists(JSON_SCALARS, max_size=3),
    },
)


@given(st.lists(RECORDS, min_size=1, max_size=6))
def test_jsonl_load_write_load_round_trips(tmp_path_factory, records):
    folder = tmp_path_factory.mktemp("jsonl")
    src = folder / "feed.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ct.CorpusLoadWarning)
        try:
            first = ct.load_corpus(src)
        except ct.EmptyCorpusError:
            assert all(not ct.Article.from_text(r["text"], id="x").blocks or not r["text"].strip()
                       for r in records)
            return
        out = ct.save_jsonl(first, folder / "out.jsonl")
        second = ct.load_corpus(out)
    assert second.problems == []  # what we write always loads cleanly
    assert second.ids == first.ids
    for a, b in zip(first, second, strict=True):
        assert (b.date, b.title, b.meta) == (a.date, a.title, a.meta)
        assert kinds_and_texts(b.blocks) == kinds_and_texts(a.blocks)
    again = ct.save_jsonl(second, folder / "again.jsonl")
    assert again.read_bytes() == out.read_bytes()  # writing is deterministic and idempotent
