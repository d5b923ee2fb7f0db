"""The fast tokenizer's array form (``token_arrays``) against the per-chunk loop it replaced.

``token_arrays`` finds chunk spans, sentence ends and token spans with array
arithmetic; the reference below walks the chunks one by one as the code
before it did (tokens of a chunk from the same caches, sentence ends by the
same Punkt decision, spans by aligning the tokens with the whole line), so
any difference is the arithmetic's.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from corpus_tools.tokens.fast import _CLOSERS, _FINAL_PERIOD, _PUNKT_NON_WORD, FastTokenizer, _line_end_breaks
from corpus_tools.tokens.tokenize import align_tokens

from .test_fast import HARD_CASES

DATA = Path(__file__).resolve().parents[1] / "data"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _reference(fast: FastTokenizer, text: str) -> list[tuple[str, int, int, int, int]]:
    """(token, start, end, line, sentence) by walking every chunk in Python."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'").replace("\x00", " ")
    rows, sentence, offset = [], 0, 0
    for line, block in enumerate(text.split("\n")):
        chunks = block.split()
        fast._fill(set(chunks), final=False)
        fast._fill([c for c in set(chunks) if _FINAL_PERIOD.search(c)], final=True)
        sents, current = [], []
        for i, chunk in enumerate(chunks):
            core = chunk.rstrip(_CLOSERS)
            if core and core[-1] == "." and _FINAL_PERIOD.search(chunk):
                if i == len(chunks) - 1 or fast._ends_sentence(chunk, chunks[i + 1]):
                    sents.append(current + list(fast._final[chunk]))
                    current = []
                    continue
            elif core and core[-1] in "?!" and (len(core) == len(chunk) or chunk[len(core)] in _PUNKT_NON_WORD):
                sents.append(current + list(fast._mid[chunk]))
                current = []
                continue
            current.extend(fast._mid[chunk])
        if current:
            sents.append(current)
        toks = [t for sent in sents for t in sent]
        sentences = [sentence + k for k, sent in enumerate(sents) for _ in sent]
        spans = list(align_tokens(toks, block))
        assert len(spans) == len(toks)
        rows.extend((t, offset + a, offset + b, line, s) for t, (a, b), s in zip(toks, spans, sentences, strict=True))
        sentence += len(sents)
        offset += len(block) + 1
    return rows


def _rows(fast: FastTokenizer, text: str) -> list[tuple[str, int, int, int, int]]:
    a = fast.token_arrays(text)
    return list(zip(a.tokens, a.starts.tolist(), a.ends.tolist(), a.lines.tolist(), a.sentences.tolist(), strict=True))


def _real_texts() -> list[str]:
    files = sorted(DATA.rglob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    assert len(files) > 180  # every annotated set, the Reuters sample and the seed
    return [p.read_text(encoding="utf-8") for p in files]


@pytest.mark.parametrize("text", HARD_CASES)
def test_hard_cases_match_the_chunk_loop(text):
    fast = FastTokenizer()
    assert _rows(fast, text) == _reference(FastTokenizer(), text)


def test_real_text_matches_the_chunk_loop():
    """News of every annotated set, the novels' chapters and the seed, line by line as written."""
    fast = FastTokenizer()
    for text in _real_texts():
        assert _rows(fast, text) == _reference(fast, text)


def test_spans_point_at_the_tokens():
    text = ("Mr. Xi\u2019s \u201cvisit\u201d cost $15.6 billion,\tthey said.\u00a0He left.\n\n"
            "  \u3000Next \"line\" here.")
    a = FastTokenizer().token_arrays(text)
    for tok, s, e in zip(a.tokens, a.starts.tolist(), a.ends.tolist(), strict=True):
        written = text[s:e].replace("\u2019", "'")
        assert written == tok or (tok in ("``", "''") and written == '"'), (tok, written)
    assert a.lines.tolist()[-1] == 2 and a.line_sentences.tolist() == [0, 2, 2]


def test_empty_text_and_blank_lines():
    a = FastTokenizer().token_arrays("\n\n")
    assert a.tokens == [] and a.line_sentences.tolist() == [0, 0, 0]
    b = FastTokenizer().token_arrays("One.\n\nTwo")
    assert b.sentences.tolist() == [0, 0, 1] and b.line_sentences.tolist() == [0, 1, 1]


def test_a_line_end_closes_a_sentence_only_when_it_holds_a_token():
    # chunks: "a" (1 token), an end chunk, then a tokenless chunk ending the line; a last line of
    # one tokenless chunk
    ends = np.array([False, True, False, False])
    last = np.array([False, False, True, True])
    counts = np.array([1, 2, 0, 0])
    assert _line_end_breaks(ends, last, counts).tolist() == [False, True, False, False]
    assert _line_end_breaks(ends, last, np.array([1, 2, 1, 0])).tolist() == [False, True, True, False]


def test_sentences_are_the_arrays_grouped():
    fast = FastTokenizer()
    text = "Hi there. Bye.\nNext block\n\nLast one? Yes!"
    assert fast.sentences(text) == [[["Hi", "there", "."], ["Bye", "."]], [["Next", "block"]],
                                    [["Last", "one", "?"], ["Yes", "!"]]]


def test_arrow_reads_white_space_as_str_split_does():
    """``counts`` splits with Arrow's kernel: white space as ``str.split()`` reads it, code point by code point."""
    import pyarrow as pa
    import pyarrow.compute as pc

    points = [c for c in range(1, 0x110000) if not 0xD800 <= c < 0xE000]
    split = pc.utf8_split_whitespace(pa.array([f"a{chr(c)}b" for c in points])).to_pylist()
    arrow = {c for c, parts in zip(points, split, strict=True) if len(parts) == 2}
    python = {c for c in points if chr(c).isspace()}
    assert arrow == python and len(python) == 29


@pytest.mark.parametrize("text", HARD_CASES)
def test_counts_are_the_arrays_tokens_counted(text):
    assert FastTokenizer().counts(text) == Counter(FastTokenizer().token_arrays(text).tokens)


def test_counts_on_real_text_are_the_arrays_tokens_counted():
    fast = FastTokenizer()
    texts = _real_texts()
    for text in texts:
        assert fast.counts(text) == Counter(fast.token_arrays(text).tokens)
    whole = "\n".join(texts)  # one call over many articles, as count_corpus makes it
    assert fast.counts(whole) == Counter(fast.token_arrays(whole).tokens)


def test_counts_with_a_lone_surrogate_fall_back_to_the_arrays():
    text = "He left.  Bad \ud800 byte here. \u00a0 Mr. Smith\tsaid so."
    counts = FastTokenizer().counts(text)
    assert counts == Counter(FastTokenizer().token_arrays(text).tokens)
    assert counts["."] == 3 and counts["\ud800"] == 1 and counts["Mr."] == 1


def test_counts_by_hand():
    # "left." before a lower-case word does not end a sentence (the splitter's rule), so keeps its period
    counts = FastTokenizer().counts("The U.S. left. the end.\n\n  Dr. Who?  \nIt's 5. So")
    assert counts == Counter({"The": 1, "U.S.": 1, "left.": 1, ".": 2, "the": 1, "end": 1, "Dr.": 1, "Who": 1,
                              "?": 1, "It": 1, "'s": 1, "5": 1, "So": 1})


@pytest.mark.parametrize("order", [("b", "e"), ("e", "b"), ("e",), ("e", "b", "e", "b")])
def test_token_rows_around_articles_without_text(order):
    """An article with no block (an empty text) anywhere in a run of articles has no rows; the others keep theirs."""
    from corpus_tools import Article, Corpus
    from corpus_tools.tokens.cache import RAW_TOKEN_OPTIONS, fast_token_arrow

    articles = [Article.from_text("" if k == "e" else "Hello there. Bye now.", id=f"{k}{i}")
                for i, k in enumerate(order)]
    table = fast_token_arrow(Corpus(articles), RAW_TOKEN_OPTIONS).to_pydict()
    texts = [a for a in articles if a.blocks]
    assert table["article"] == [a.id for a in texts for _ in range(6)]
    assert table["sentence"] == [0, 0, 0, 1, 1, 1] * len(texts)
    assert table["position"] == list(range(6)) * len(texts)
