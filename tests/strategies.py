"""Hypothesis strategies shared by the property tests of several stages.

The text strategies mix arbitrary Unicode (surrogates excluded: they cannot
be in a decoded file), the characters news scrapes break on (quotes of every
kind, control characters, Unicode line and paragraph separators, runs of
punctuation, Markdown hashes) and news-like fragments ("Mr.", "U.S.", a date
header).  Example counts come from the hypothesis profile in conftest.py.
"""

from __future__ import annotations

from hypothesis import strategies as st

__all__ = ["ANY_TEXT", "ARTICLE_TEXT", "FRAGMENTS", "NASTY_TEXT", "TEXT", "WORDS"]

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
