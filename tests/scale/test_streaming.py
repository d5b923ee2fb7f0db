"""Streaming counts equal the in-memory tables; merging, n_jobs, memory bound, progress, token cache."""

from __future__ import annotations

import dataclasses
import json
import tracemalloc
from collections import Counter
from itertools import combinations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import ARTICLE_TEXT

import corpus_tools as ct
from corpus_tools.scale.streaming import CountSpec, corpus_files
from corpus_tools.stats.counts import count_ngrams

OPTIONS = [ct.TokenOptions(), ct.TokenOptions(stopwords="english"), ct.TokenOptions(lowercase=False, words_only=False)]


def _table_counts(table: pd.DataFrame) -> dict[str, int]:
    return dict(zip(table["term"], table["count"], strict=True))


@pytest.mark.parametrize("tokenizer", ["exact", "fast"])
@pytest.mark.parametrize("options", OPTIONS, ids=["default", "stopwords", "raw"])
def test_counts_equal_the_in_memory_tables_on_the_seed(seed_corpus, tokenizer, options):
    # the streaming engine counts text without block roles, every block: the in-memory table with
    # boilerplate kept (the seed's three related-story links are left out of the default table)
    toks = ct.token_table(seed_corpus, dataclasses.replace(options, boilerplate=True))
    for boundary in ("sentence", "paragraph", "article"):
        spec = CountSpec(tokenizer=tokenizer, options=options, ngram_sizes=(2, 3), window_size=5, boundary=boundary)
        counts = ct.scale.count_articles(seed_corpus, spec)
        assert dict(counts.unigrams) == _table_counts(ct.frequency_table(toks))
        for n in (2, 3):
            assert {" ".join(g): c for g, c in counts.ngrams[n].items()} == _table_counts(ct.ngram_table(toks, n))
        assert counts.collocations == count_ngrams(toks, 2, window_size=5, boundary=boundary)
        trigrams = ct.scale.count_articles(seed_corpus, CountSpec(tokenizer=tokenizer, options=options, window_size=3,
                                                            collocation_n=3, boundary=boundary))
        assert trigrams.collocations == count_ngrams(toks, 3, boundary=boundary)
    assert counts.n_tokens == 1226  # all tokens of the seed, before filtering
    assert counts.frequency_table().equals(_frequency_columns(ct.frequency_table(toks)))


def _frequency_columns(table: pd.DataFrame) -> pd.DataFrame:
    return table[["term", "count", "per_10k", "rank"]]


def test_collocation_pairs_by_brute_force():
    # "red fox . cold day" one paragraph, W = 3: positions red0 fox1 .2 cold3
    # day4; pairs with 0 < j - i <= 2 among kept tokens (the "." is filtered
    # but keeps its position): (red,fox) (fox,cold) (cold,day); (red,cold)
    # has j - i = 3: out.
    corpus = ct.Corpus.from_texts(["Red fox. Cold day"])
    counts = ct.scale.count_articles(corpus, window_size=3, boundary="paragraph")
    assert dict(counts.collocations.ngrams) == {("red", "fox"): 1, ("fox", "cold"): 1, ("cold", "day"): 1}
    assert counts.collocations.n_words == 4
    # the same by brute force over positions, on a longer text
    text = "The cat sat on the mat. The dog sat on the cat.\n\nA cat and a dog."
    corpus = ct.Corpus.from_texts([text])
    toks = ct.token_table(corpus)
    brute: Counter = Counter()
    rows = list(toks[["block", "position", "norm"]].itertuples(index=False))
    for x, y in combinations(rows, 2):
        if x.block == y.block and 0 < y.position - x.position <= 3:
            brute[x.norm, y.norm] += 1
    assert dict(ct.scale.count_articles(corpus, window_size=4).collocations.ngrams) == dict(brute)


def _write_corpus(folder, n_files: int, repeat: int = 1):
    # the vocabulary is the same for any n_files >= 4 (Word0..Word3, item0..item{3*repeat-1})
    folder.mkdir(parents=True, exist_ok=True)
    texts = ["Mr. Smith’s firm can't pay $5 million, it said. The U.S. deal collapsed.",
             "Officials met on Jan. 5 in Kyiv. They agreed: talks would resume.\n\nA new paragraph.",
             "Prices rose 3.5% in 2023. Analysts (and traders) were surprised... Really?"]
    for i in range(n_files):
        lines = [json.dumps({"id": f"f{i}-{k}", "text": texts[(i + k) % 3] + f" Word{i % 4} item{k}."})
                 for k in range(3 * repeat)]
        (folder / f"part{i:03d}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (folder / "notes.txt").write_text("date 2024-01-02\nA plain text article. It counts too.", "utf-8")


def test_streaming_files_equals_loading_then_counting(tmp_path):
    _write_corpus(tmp_path / "c", 4)
    (tmp_path / "c" / "broken.jsonl").write_text('{"id": 1, "text": "Fine text."}\n{not json\n', "utf-8")
    with pytest.warns(ct.CorpusLoadWarning):
        corpus = ct.load_corpus(tmp_path / "c")
    for tokenizer in ("exact", "fast"):
        streamed = ct.count_corpus(tmp_path / "c", tokenizer=tokenizer, n_jobs=1, ngram_sizes=(2,), window_size=3)
        in_memory = ct.scale.count_articles(corpus, tokenizer=tokenizer, ngram_sizes=(2,), window_size=3)
        assert streamed.unigrams == in_memory.unigrams and streamed.ngrams == in_memory.ngrams
        assert streamed.collocations == in_memory.collocations
        assert streamed.n_articles == len(corpus) == 4 * 3 + 1 + 1
        assert any("malformed JSON" in p.reason for p in streamed.problems)


def test_counts_of_parts_add_up_to_the_whole(tmp_path):
    _write_corpus(tmp_path / "c", 3)
    files, _ = corpus_files(tmp_path / "c")
    spec = CountSpec(ngram_sizes=(2, 3), window_size=4, boundary="sentence")
    whole = ct.scale.count_files(files, spec)
    parts = [ct.scale.count_files([f], spec) for f in files]
    total = sum(parts)
    assert total.unigrams == whole.unigrams and total.ngrams == whole.ngrams
    assert total.collocations == whole.collocations and total.n_tokens == whole.n_tokens
    with pytest.raises(ValueError, match="different settings"):
        whole + ct.scale.count_files(files, CountSpec(ngram_sizes=(2,)))


def test_n_jobs_gives_the_one_process_result(tmp_path):
    _write_corpus(tmp_path / "c", 6)
    kw = dict(ngram_sizes=(2, 3), window_size=5, options=ct.TokenOptions(stopwords="english"), progress=False)
    one = ct.count_corpus(tmp_path / "c", n_jobs=1, **kw)
    two = ct.count_corpus(tmp_path / "c", n_jobs=2, batches_per_worker=2, **kw)
    assert two.unigrams == one.unigrams and two.ngrams == one.ngrams
    assert two.collocations == one.collocations
    assert (two.n_articles, two.n_tokens) == (one.n_articles, one.n_tokens)
    assert two.frequency_table().equals(one.frequency_table())


def test_memory_is_bounded_by_the_vocabulary(tmp_path):
    # Ten times the text over the same vocabulary: the peak of Python
    # allocations while counting stays about the same (files are read one at
    # a time; only the counters persist).  Ten times the memory would fail.
    _write_corpus(tmp_path / "small", 4, repeat=20)
    _write_corpus(tmp_path / "large", 40, repeat=20)
    peaks = {}
    for name in ("small", "large"):
        files, _ = corpus_files(tmp_path / name)
        ct.scale.count_files(files[:1])  # warm the tokenizer caches
        tracemalloc.start()
        counts = ct.scale.count_files(files, ngram_sizes=(2,))
        peaks[name] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert counts.n_articles == 60 * (len(files) - 1) + 1  # 60 records per JSONL file + notes.txt
    assert peaks["large"] < 1.5 * peaks["small"], peaks


def test_progress_bar_only_when_asked(tmp_path, capsys):
    _write_corpus(tmp_path / "c", 2)
    ct.count_corpus(tmp_path / "c", n_jobs=1, progress=False)
    assert capsys.readouterr().err == ""
    ct.count_corpus(tmp_path / "c", n_jobs=1, progress=True)
    assert "3/3" in capsys.readouterr().err  # 2 JSONL files + notes.txt


def test_bad_settings_are_clear_errors():
    with pytest.raises(ValueError, match="tokenizer must be 'fast' or 'exact'"):
        CountSpec(tokenizer="quick")
    with pytest.raises(ValueError, match="ngram_sizes"):
        CountSpec(ngram_sizes=(1,))
    with pytest.raises(ValueError, match="window_size must be >= 2"):
        CountSpec(window_size=1)
    with pytest.raises(ValueError, match="boundary"):
        CountSpec(boundary="page")
    with pytest.raises(ValueError, match="n_jobs"):
        ct.count_corpus("seeds", n_jobs=0)
    with pytest.raises(ct.CorpusNotFoundError, match="nope"):
        ct.count_corpus("nope-folder")
    with pytest.raises(TypeError, match="either spec or its fields"):
        ct.count_corpus("seeds", spec=CountSpec(), window_size=3)


def test_in_memory_sources(seed_corpus):
    whole = ct.count_corpus(seed_corpus, ngram_sizes=(2,))
    from_generator = ct.count_corpus((a for a in seed_corpus), ngram_sizes=(2,))
    assert from_generator.unigrams == whole.unigrams and from_generator.ngrams == whole.ngrams
    assert whole.unigrams["ukraine"] == 15  # the seed's most frequent content word (tests/test_seed.py)


def test_token_cache_key_and_table(tmp_path, seed_corpus):
    a = ct.Corpus.from_texts(["One text here.", "Another one."])
    b = ct.Corpus.from_texts(["One text here.", "Another one!"])
    key = ct.tokens.token_cache_key(a)
    assert key == ct.tokens.token_cache_key(ct.Corpus.from_texts(["One text here.", "Another one."]))
    assert key != ct.tokens.token_cache_key(b)  # content
    assert key != ct.tokens.token_cache_key(a, ct.TokenOptions(stopwords="english"))  # options
    assert key != ct.tokens.token_cache_key(a, tokenizer="exact")  # tokenizer (the default is "fast")
    fresh = ct.token_table(seed_corpus)
    first = ct.tokens.cached_token_table(seed_corpus, tmp_path)
    files = list(tmp_path.glob("tokens-*.parquet"))
    assert len(files) == 1
    again = ct.tokens.cached_token_table(seed_corpus, tmp_path)
    pd.testing.assert_frame_equal(first, fresh)
    pd.testing.assert_frame_equal(again, fresh)
    assert list(tmp_path.glob("tokens-*.parquet")) == files and not list(tmp_path.glob(".tokens-*"))
    exact = ct.tokens.cached_token_table(seed_corpus, tmp_path, tokenizer="exact")
    pd.testing.assert_frame_equal(exact, fresh)  # the default fast path agrees fully on the seed
    assert len(list(tmp_path.glob("tokens-*.parquet"))) == 2


def test_silent_counting_starts_no_thread(tmp_path):
    # a silent count creates no tqdm bar (whose monitor thread would make
    # later process pools avoid "fork")
    import threading

    _write_corpus(tmp_path / "c", 2)
    before = {t.name for t in threading.enumerate()}
    ct.count_corpus(tmp_path / "c", n_jobs=1, progress=False)
    assert {t.name for t in threading.enumerate()} <= before


# -- tokenising never crashes, and its output is self-consistent -----------------


def merged_counts(tables):
    both = pd.concat([t[["term", "count", "doc_freq"]] for t in tables])
    return both.groupby("term")[["count", "doc_freq"]].sum()

@given(st.lists(ARTICLE_TEXT, min_size=1, max_size=8), st.randoms(use_true_random=False), st.data())
def test_counts_invariant_to_order_and_to_splitting_and_merging(texts, rnd, data):
    corpus = ct.Corpus.from_texts(texts)
    # boilerplate kept: lines recurring across a corpus are boilerplate, so a part of a corpus may
    # recur fewer times than the whole; the other roles are per article and split cleanly
    keep = {"boilerplate": True}
    whole = ct.frequency_table(corpus, options=keep)
    shuffled = list(corpus)
    rnd.shuffle(shuffled)
    assert ct.frequency_table(ct.Corpus(shuffled), options=keep).equals(whole)  # byte-identical table
    assert ct.frequency_table(ct.Corpus(shuffled)).equals(ct.frequency_table(corpus))  # the default too
    cut = data.draw(st.integers(0, len(texts)))
    parts = [ct.Corpus(shuffled[:cut]), ct.Corpus(shuffled[cut:])]
    tables = [ct.frequency_table(p, options=keep) for p in parts if len(p)]
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
