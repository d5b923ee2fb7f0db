"""A known abbreviation keeps its period wherever it stands (issue 12): mid-sentence,
before a capitalised word, and at a sentence or paragraph end, on both tokenizers."""

from __future__ import annotations

import pytest

import corpus_tools as ct
from corpus_tools.tokens.fast import FastTokenizer

TEXT = (
    "Officials in the U.S. said on Monday that trade grew.\n\n"   # mid-sentence
    "Her visit to the U.S. Then talks began in Geneva.\n\n"       # before a capitalised word
    "Next year she will move to the U.S.\n\n"                      # paragraph end
    "He said so at 5 p.m.\n\n"                                     # another listed abbreviation at the end
    "Prices rose in the U.S.)\n\n"                                 # closing bracket after it
    "The meeting ended."                                           # an ordinary word still loses its period
)


def _exact(text):
    return [t.text for t in ct.tokens.iter_tokens(ct.Article.from_text(text, id="a"))]


def _fast(text):
    blocks = "\n".join(b.text for b in ct.Article.from_text(text, id="a").blocks)
    return FastTokenizer().word_tokenize(blocks)


@pytest.mark.parametrize("tokens", [_exact, _fast], ids=["exact", "fast"])
def test_us_keeps_its_period_in_every_position(tokens):
    toks = tokens(TEXT)
    assert toks.count("U.S.") == 4
    assert "U.S" not in toks
    assert "p.m." in toks and "p.m" not in toks
    assert toks[-2:] == ["ended", "."]
    # the paragraph-end "U.S." is the paragraph's last token: no stray "." after it
    i = toks.index("move")
    assert toks[i:i + 4] == ["move", "to", "the", "U.S."]
    assert toks[toks.index("rose"):toks.index("rose") + 5] == ["rose", "in", "the", "U.S.", ")"]


def test_exact_and_fast_agree_token_for_token():
    assert _exact(TEXT) == _fast(TEXT)
    assert ct.tokens.FastTokenizer().counts("\n".join(
        b.text for b in ct.Article.from_text(TEXT, id="a").blocks))["U.S."] == 4


def test_paragraph_end_token_offsets_cover_the_period():
    article = ct.Article.from_text("Next year she will move to the U.S.", id="a")
    last = list(ct.tokens.iter_tokens(article))[-1]
    assert (last.text, article.text[last.start:last.end]) == ("U.S.", "U.S.")
    assert last.end == len(article.text)


def test_word_tokenize_differs_from_nltk_only_for_known_abbreviations():
    # NLTK's word_tokenize gives 'U.S', '.' here (Treebank's final-period rule);
    # corpus-tools keeps the abbreviation whole (documented in tokens.tokenize).
    assert ct.word_tokenize("He moved to the U.S.") == ["He", "moved", "to", "the", "U.S."]
    assert ct.word_tokenize("He moved to Paris.") == ["He", "moved", "to", "Paris", "."]
    # an abbreviation the splitter was given joins too; an unknown one does not
    splitter = ct.tokens.SentenceSplitter(abbreviations=["Kan."])
    assert ct.word_tokenize("He went to Kan.", splitter=splitter)[-1] == "Kan."
    assert ct.word_tokenize("He went to Kan.")[-2:] == ["Kan", "."]


@pytest.mark.parametrize("tokenizer", ["exact", "fast"])
def test_kwic_and_frequency_count_every_us_alike(tokenizer):
    corpus = ct.Corpus.from_texts([TEXT, "The U.S. and the U.K. met. Both left the U.S."])
    tokens = ct.tokens.corpus_token_table(corpus, {"lowercase": False, "words_only": False}, tokenizer=tokenizer)
    freq = ct.frequency_table(tokens).set_index("term")["count"]
    assert freq["U.S."] == 6
    assert "U.S" not in freq.index
    assert len(ct.kwic_table(corpus, "U.S.", tokens=tokens)) == 6
    assert len(ct.kwic_table(corpus, "u.s.", tokens=tokens)) == 6  # case-insensitive by default


def test_join_abbreviation_periods_only_joins_a_period_after_a_listed_word():
    join = ct.tokens.join_abbreviation_periods
    assert join(["the", "U.S", "."]) == ["the", "U.S."]
    assert join(["the", "ex-Gov", "."]) == ["the", "ex-Gov."]
    assert join(["left", "."]) == ["left", "."]
    assert join(["U.S.", "."]) == ["U.S.", "."]  # already has its period: the second one is a sentence end
    assert join(["."]) == ["."]
