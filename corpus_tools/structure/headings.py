"""What kind of heading is this: a real subheading, or an inserted link to another story?

News pages interleave the article with links to other stories, set like
headings ("China diplomatic offensive lays down new challenge for US").
Such a line is kept in place (it still opens a section, as in the token
table), but :func:`classify_headings` labels it ``"link"`` instead of
``"subheading"``.  No tagger or model is involved (NLTK's POS tagger needs
downloadable data); the decision uses four explainable signals, all
reported:

``prefix``
    The line starts with a link label ("Read more:", "Related:", "See also").
``source``
    After a final colon, bar or dash comes a short proper name (1-4
    capitalised words, name particles such as "della" allowed), and before
    it a clause of at least 4 words: "Ukraine waiting for ...: Corriere della
    Sera".  Headlines credit their source this way; subheadings do not.
``predicate``
    A cue that the line is a headline *clause* with a finite verb, not a
    noun phrase: an auxiliary or modal ("is", "will", "has"...), headline
    "to" + verb, a lower-case word ending in -s after the first word and
    before the last ("... offensive *lays* down ..."), or an -ing/-ed word
    right after a capitalised subject ("Ukraine *waiting*").  A cue, not a
    parse: plural nouns can trip it, which is why it never decides alone.
``continuity`` and ``fit``
    Lexical cohesion (content-word stems shared; NLTK stopwords and Porter
    stemmer): ``continuity`` between the ``neighbourhood`` paragraphs before the
    heading and those after it, ``fit`` between the heading and the
    paragraphs after it.  A link interrupts a topic that goes on
    (continuity > fit); a subheading introduces what follows.

Rule: ``"link"`` if ``prefix``; else if ``source``; else if ``predicate``
and the line has at least :data:`MIN_CLAUSE_WORDS` words and
``continuity > fit``.  Otherwise ``"subheading"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corpus_tools.model.blocks import Block
from corpus_tools.model.corpus import Article
from corpus_tools.tokens.nltk_loading import import_nltk
from corpus_tools.tokens.stopwords import get_stopwords
from corpus_tools.tokens.tokenize import is_word, word_tokenize

__all__ = ["HEADING_KINDS", "MIN_CLAUSE_WORDS", "HeadingSignals", "classify_headings", "content_stems"]

#: The finer kinds of a heading block (``Block.kind`` stays "heading").
HEADING_KINDS = ("subheading", "link")
#: Shortest heading, in words, taken for a headline clause.
MIN_CLAUSE_WORDS = 5

_LINK_PREFIX = re.compile(r"^(?:read more|related|see also|also read|more on this|recommended|further reading|"
                          r"click here|watch|listen)\s*[:\-–—|]", re.IGNORECASE)
_PARTICLES = {"of", "de", "del", "della", "di", "da", "du", "des", "van", "von", "al", "el", "la", "le", "the", "y",
              "and", "&"}
_SOURCE_SEPARATOR = re.compile(r"\s*(?::|\s[|\-–—])\s+")
_AUXILIARIES = {"is", "are", "was", "were", "be", "been", "will", "would", "could", "can", "may", "might", "must",
                "should", "shall", "has", "have", "had", "does", "do", "did", "says", "said", "won't", "can't"}
_NOT_VERB_S = ("ss", "us", "is", "ics", "ous", "'s", "’s")
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my"}


@dataclass(frozen=True)
class HeadingSignals:
    """A heading block, its kind, and the signals that decided it."""

    block: int
    text: str
    kind: str
    words: int
    prefix: str
    source: str
    predicate: str
    continuity: int
    fit: int
    reason: str


@lru_cache(maxsize=1)
def _stemmer():
    import_nltk()
    from nltk.stem import PorterStemmer  # needs no downloaded data

    return PorterStemmer()


@lru_cache(maxsize=4096)  # the same paragraphs are compared for several headings and tables
def content_stems(text: str) -> frozenset[str]:
    """Porter stems of the content words of ``text`` (NLTK English stopwords removed).

    >>> sorted(content_stems("Residents queued for water and food."))
    ['food', 'queu', 'resid', 'water']
    """
    stop = get_stopwords("english")
    stem = _stemmer().stem
    return frozenset(stem(t.lower()) for t in word_tokenize(text)
                     if is_word(t) and t.lower() not in stop and not t.startswith("'"))


def _source(text: str) -> str:
    separators = list(_SOURCE_SEPARATOR.finditer(text))
    if not separators:
        return ""
    head, tail = text[: separators[-1].start()], text[separators[-1].end() :]
    words = tail.split()
    if len(head.split()) < 4 or not 1 <= len(words) <= 4 or not words[0][0].isupper():
        return ""
    if all(w[0].isupper() or w.lower() in _PARTICLES for w in words):
        return tail
    return ""


def _predicate(text: str) -> str:
    words = [w.strip(",;:\"“”'‘’()") for w in text.split()]
    words = [w for w in words if w]
    for i, w in enumerate(words):
        low = w.lower()
        if i > 0 and low in _AUXILIARIES:
            return w
        if i > 0 and low == "to" and i + 1 < len(words) and words[i + 1].islower() \
                and words[i + 1] not in _DETERMINERS:
            return f"to {words[i + 1]}"
        if 0 < i < len(words) - 1 and w.islower() and w.endswith("s") and not w.endswith(_NOT_VERB_S) and len(w) > 3:
            return w
        if i > 0 and w.islower() and w.endswith(("ing", "ed")) and words[i - 1][:1].isupper():
            return w
    return ""


def _window(blocks: tuple[Block, ...], k: int, step: int, size: int) -> list[Block]:
    """Up to ``size`` paragraphs from block ``k`` in direction ``step``, stopping at a heading."""
    out: list[Block] = []
    i = k + step
    while 0 <= i < len(blocks) and len(out) < size and blocks[i].kind == "paragraph":
        out.append(blocks[i])
        i += step
    return out


def classify_headings(article: Article, neighbourhood: int = 1) -> list[HeadingSignals]:
    """Kind and signals of every heading of ``article``, in text order.

    Parameters
    ----------
    article : Article
    neighbourhood : int
        Paragraphs on each side compared for ``continuity`` and ``fit``
        (the neighbourhood stops at the neighbouring headings).

    Examples
    --------
    >>> text = ("Troops crossed the river at dawn near the bridge.\\n\\n"
    ...         "Rebels seize capital as president flees: Reuters\\n\\n"
    ...         "The troops held the bridge by noon.\\n\\nLocal reaction\\n\\nShops stayed shut.")
    >>> [(h.text, h.kind, h.reason) for h in classify_headings(Article.from_text(text, id="x"))]
    [('Rebels seize capital as president flees: Reuters', 'link', 'source after colon'), \
('Local reaction', 'subheading', 'no link signal')]
    """
    if not isinstance(neighbourhood, int) or neighbourhood < 1:
        raise ValueError(f"neighbourhood must be a positive integer, not {neighbourhood!r}")
    blocks = article.blocks
    out = []
    for pos, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        text = block.text
        before = _window(blocks, pos, -1, neighbourhood)
        after = _window(blocks, pos, +1, neighbourhood)
        after_stems = content_stems(" ".join(b.text for b in after))
        continuity = len(content_stems(" ".join(b.text for b in before)) & after_stems)
        fit = len(content_stems(text) & after_stems)
        prefix_m = _LINK_PREFIX.match(text)
        prefix = prefix_m.group() if prefix_m else ""
        source, predicate = _source(text), _predicate(text)
        n_words = len(text.split())
        if prefix:
            kind, reason = "link", "link label"
        elif source:
            kind, reason = "link", "source after colon"
        elif predicate and n_words >= MIN_CLAUSE_WORDS and continuity > fit:
            kind, reason = "link", "headline clause interrupting a continuing topic"
        elif predicate and n_words >= MIN_CLAUSE_WORDS:
            kind, reason = "subheading", "headline clause, but it introduces what follows"
        else:
            kind, reason = "subheading", "no link signal"
        out.append(HeadingSignals(block.index, text, kind, n_words, prefix, source, predicate, continuity, fit,
                                  reason))
    return out
