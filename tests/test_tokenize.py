"""Tokenising: Treebank words with typographic apostrophes, Punkt sentences, provenance."""

from __future__ import annotations

import os
import subprocess
import sys

import nltk
import pytest
from conftest import SEEDS

import corpus_tools as ct


def test_typographic_apostrophe_equals_ascii():
    assert ct.word_tokenize("Xi’s visit") == ct.word_tokenize("Xi's visit") == ["Xi", "'s", "visit"]
    assert ct.word_tokenize("haven’t") == ["have", "n't"]
    # Plain NLTK gets this wrong, which is why we normalise first:
    assert nltk.tokenize.NLTKWordTokenizer().tokenize("China’s") == ["China", "’", "s"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a two-day, year-long Shahed-136 raid", ["a", "two-day", ",", "year-long", "Shahed-136", "raid"]),
        ("about $15.6 billion", ["about", "$", "15.6", "billion"]),
        ("China’s 12-point plan.", ["China", "'s", "12-point", "plan", "."]),
        ("“I agree,” Putin said", ["“", "I", "agree", ",", "”", "Putin", "said"]),
    ],
)
def test_treebank_tokens(text, expected):
    assert ct.word_tokenize(text) == expected


def test_abbreviations_do_not_end_sentences():
    text = ("Brig. Gen. Patrick Ryder told reporters. Mr. Smith flew to the U.S. on Monday. "
            "Then he left, e.g. at 9 p.m. on Friday.")
    assert ct.split_sentences(text) == [
        "Brig. Gen. Patrick Ryder told reporters.",
        "Mr. Smith flew to the U.S. on Monday.",
        "Then he left, e.g. at 9 p.m. on Friday.",
    ]


def test_user_abbreviations_and_training():
    text = "Officials from Kan. Delegates arrived later. It left."
    assert ct.split_sentences(text) == ["Officials from Kan.", "Delegates arrived later.", "It left."]
    assert ct.SentenceSplitter(["Kan."]).split(text) == ["Officials from Kan. Delegates arrived later.", "It left."]
    training = "The Kan. delegation met in Kan. and the Kan. team waited. It left. Others left. More left."
    trained = ct.SentenceSplitter.trained_on([training] * 5)
    assert "kan" in trained.params.abbrev_types
    assert trained.split(text) == ["Officials from Kan. Delegates arrived later.", "It left."]


def test_lowercase_after_full_stop_does_not_start_a_sentence():
    assert ct.split_sentences("The Kan. delegation arrived. It left.") == [
        "The Kan. delegation arrived.", "It left."]
    assert ct.split_sentences("Is it? yes it is.") == ["Is it?", "yes it is."]


def test_seed_sentences(seed_article):
    sentences = [s for b in seed_article.blocks for s in ct.split_sentences(b.text)]
    assert len(sentences) == 44
    assert ("Separately, the United States intends to speed up delivery to Ukraine of 31 Abrams battle "
            "tanks to the autumn, Pentagon spokesperson Brigadier General Patrick Ryder told reporters."
            ) in sentences


def test_offsets_map_back_to_source(seed_article):
    text = seed_article.text
    toks = list(ct.iter_tokens(seed_article))
    assert len(toks) == 1226
    for t in toks:
        assert ct.normalize_apostrophes(text[t.start : t.end]) == t.text
    assert [t.position for t in toks] == list(range(len(toks)))
    # sections: lead 0, then one per heading
    assert sorted({t.section for t in toks}) == [0, 1, 2, 3, 4]
    heading_blocks = {b.index for b in seed_article.headings}
    assert {t.block for t in toks if t.block_kind == "heading"} == heading_blocks


def test_token_table_columns_and_filters(seed_corpus):
    df = ct.tokens(seed_corpus, lowercase=False, words_only=False)
    assert list(df.columns) == ["article", "section", "block", "block_kind", "sentence", "position",
                                "start", "end", "token", "norm"]
    assert len(df) == 1226 and df["sentence"].max() == 43
    words = ct.tokens(seed_corpus)
    assert len(words) == 1106  # 1226 tokens less 120 punctuation tokens
    assert words["norm"].str.lower().eq(words["norm"]).all()
    nostop = ct.tokens(seed_corpus, stopwords="english")
    stop = ct.get_stopwords("english")
    assert not nostop["norm"].isin(stop).any() and "'s" not in set(nostop["norm"])
    assert len(ct.tokens(seed_corpus, min_length=4)) == (words["norm"].str.len() >= 4).sum()


def test_stemming_and_options():
    opts = ct.TokenOptions(stem="porter")
    assert [opts.normalize(w) for w in ["Running", "countries", "."]] == ["run", "countri", None]
    assert ct.TokenOptions(stem="snowball").normalize("generously") == "generous"
    with pytest.raises(ValueError, match="stem must be"):
        ct.TokenOptions(stem="lancaster")
    with pytest.raises(ValueError, match="min_length"):
        ct.TokenOptions(min_length=0)
    assert hash(ct.TokenOptions(stopwords=["a", "b"])) == hash(ct.TokenOptions(stopwords=("b", "a")))


def test_stopword_sources(tmp_path):
    assert len(ct.get_stopwords("english")) == 179
    f = tmp_path / "stop.txt"
    f.write_text("# mine\nFoo\nbar # trailing comment\n\n", encoding="utf-8")
    assert ct.get_stopwords(f) == {"foo", "bar"}
    with pytest.raises(ValueError, match="neither a named list"):
        ct.get_stopwords("klingon")


def test_no_nltk_data_and_no_download(tmp_path):
    """Everything works in a fresh process where NLTK finds no data and may not download."""
    script = """
import nltk, nltk.data
def refuse(*a, **k):
    raise SystemExit("tried to download or load NLTK data")
nltk.download = refuse
nltk.data.load = refuse
nltk.data.find = refuse
nltk.data.path[:] = []
import corpus_tools as ct
assert ct.word_tokenize("Mr. Xi’s plan. It failed.") == ["Mr.", "Xi", "'s", "plan", ".", "It", "failed", "."]
c = ct.load_corpus(SEEDS)
t = ct.frequency_table(c, stopwords="english", stem="porter")
print(t.iloc[0].term, t.iloc[0]["count"])
"""
    env = {**os.environ, "NLTK_DATA": str(tmp_path), "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", script.replace("SEEDS", repr(str(SEEDS)))],
                         capture_output=True, text=True, env=env, check=True).stdout
    assert out.split() == ["ukrain", "15"]
