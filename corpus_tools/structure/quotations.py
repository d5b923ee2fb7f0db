"""Direct quotations in news text, and who said them.

No NLTK or pandas tool extracts quotations with attribution, so this module
does it by hand with a small, documented set of rules.

**Quote marks.**  Double quotes only: typographic ``“ ”``, low ``„``,
guillemets ``« »`` and straight ``"``.  (Single quotes are left alone: in
English text they are mostly apostrophes.)  Each mark's role is read from
its position before its shape, which tolerates real-world typing errors: a
mark after a letter or punctuation and before a space or the end
(``right now,“ he said``) *closes* a quotation even if it is an opening
glyph, and a mark after a space and before a letter *opens* one.  Only a
mark that its position does not settle falls back on its glyph.

**Quotations over several paragraphs.**  When a paragraph ends inside a
quotation, the quotation continues into the next paragraph if that one
opens with a quote mark (the news convention: no closing mark at the end of
the first paragraph, a fresh opening mark at the start of the next), or if
the next paragraph's first mark is in closing position (the quotation went
on without a new opening mark).  Otherwise it ends, unterminated, with its
paragraph.  A heading always ends a quotation.

**Speakers** are found and resolved by :mod:`corpus_tools.structure.speakers`; the
``rule`` column names the attribution rule that matched.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from corpus_tools.model.corpus import Article, as_articles
from corpus_tools.structure.speakers import (
    QUOTE_CHARACTERS,
    attribute_speaker,
    resolve_speaker,
    speaker_candidates,
    speaker_kind,
)
from corpus_tools.tokens.tokenize import is_word, iter_tokens

__all__ = ["QUOTATION_COLUMNS", "QUOTE_MARKS", "Quotation", "find_quotations",
           "quotation_summary_table", "quotation_table", "quoted_word_mask", "speaker_table"]

OPENING_GLYPHS = "\u201c\u201e\u201f\u00ab"  # “ „ ‟ «
CLOSING_GLYPHS = "\u201d\u00bb"  # ” »
QUOTE_MARKS = QUOTE_CHARACTERS
_OPEN_BEFORE = set("([{\u2014\u2013-/")  # a mark after these (or a space) opens
_CLOSE_AFTER = set(".,;:!?)]}\u2014\u2013-…")  # a mark before these (or a space) closes


@dataclass(frozen=True)
class Quotation:
    """One direct quotation: where it is, what it says, who said it.

    Attributes
    ----------
    article : str
    index : int
        Number of the quotation in its article, from 0.
    block, last_block : int
        Blocks it starts and ends in (different when it runs over paragraphs).
    start, end : int
        Offsets in :attr:`Article.text` of its first character and of its
        closing mark (or paragraph end): the marks are not included.
    text : str
        The quoted words, paragraphs joined by a space, a reopening mark left out.
    words : int
        Word tokens inside it.
    closed : bool
        False when no closing mark was found.
    speaker, speaker_kind, resolved_speaker, rule : str or None
        See :mod:`corpus_tools.structure.speakers`; None when no rule matched.
    notes : str
        Repairs made, ``"; "``-separated ("closing mark typed as opening"...).
    segments : tuple of (int, int)
        ``(start, end)`` per paragraph.
    """

    article: str
    index: int
    block: int
    last_block: int
    start: int
    end: int
    text: str
    words: int
    closed: bool
    speaker: str | None
    speaker_kind: str | None
    resolved_speaker: str | None
    rule: str | None
    notes: str
    segments: tuple[tuple[int, int], ...]


def _role(text: str, i: int) -> str:
    """``"open"``, ``"close"`` or ``"either"`` for the quote mark at ``text[i]``."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    opens = (prev.isspace() or prev in _OPEN_BEFORE) and not (nxt.isspace())
    closes = (nxt.isspace() or nxt in _CLOSE_AFTER or nxt in QUOTE_MARKS) and not (prev.isspace())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if text[i] in OPENING_GLYPHS:
        return "open"
    if text[i] in CLOSING_GLYPHS:
        return "close"
    return "either"


def _spans(article: Article) -> list[dict]:
    """Raw quotation spans (offsets into article.text) with notes; no speakers yet."""
    found: list[dict] = []
    current: dict | None = None
    for block in article.blocks:
        text = block.text
        marks = [(i, _role(text, i)) for i, ch in enumerate(text) if ch in QUOTE_MARKS]
        seg_start = None
        if current is not None:
            first = marks[0] if marks else None
            if block.kind == "paragraph" and first and first[1] != "close" and text[: first[0]].strip() == "":
                current["notes"].append("continues in next paragraph (reopened)")
                marks = marks[1:]
                seg_start = first[0] + 1
            elif block.kind == "paragraph" and first and first[1] == "close":
                current["notes"].append("continues in next paragraph (no reopening mark)")
                seg_start = 0
            else:
                current["notes"].append("unterminated")
                found.append(current)
                current = None
        for i, role in marks:
            glyph = text[i]
            if current is not None:
                if role != "open":
                    if glyph in OPENING_GLYPHS:
                        current["notes"].append("closing mark typed as opening")
                    current["segments"].append((block.start + seg_start, block.start + i))
                    current["closed"] = True
                    found.append(current)
                    current = None
                    continue
                if not text[seg_start:i].strip():
                    continue  # a doubled opening mark
                # an opening mark inside a quotation: the previous one was never closed
                current["segments"].append((block.start + seg_start, block.start + i))
                current["notes"].append("unterminated")
                found.append(current)
                current = None
            if role == "close":
                continue  # stray closing mark (inch sign, typo): not a quotation
            current = {"block": block.index, "segments": [], "notes": [], "closed": False}
            if glyph in CLOSING_GLYPHS:
                current["notes"].append("opening mark typed as closing")
            seg_start = i + 1
        if current is not None:
            current["segments"].append((block.start + seg_start, block.end))
    if current is not None:
        current["notes"].append("unterminated")
        found.append(current)
    return [q for q in found if any(e > s for s, e in q["segments"])]


def _count_in(sorted_offsets: list[int], segments) -> int:
    """How many offsets fall inside the half-open ``segments``."""
    return sum(bisect.bisect_left(sorted_offsets, e) - bisect.bisect_left(sorted_offsets, s) for s, e in segments)


def find_quotations(article: Article, word_starts: list[int] | None = None) -> list[Quotation]:
    """The direct quotations of one article, in text order (see the module docstring).

    Examples
    --------
    >>> a = Article.from_text('“We will win,” Smith said. Jones said: "Maybe."', id="x")
    >>> [(q.text, q.speaker, q.rule) for q in find_quotations(a)]
    [('We will win,', 'Smith', 'quote, SPEAKER VERB'), ('Maybe.', 'Jones', 'SPEAKER VERB: quote')]
    """
    text = article.text
    by_index = {b.index: b for b in article.blocks}
    block_at = sorted((b.start, b.index) for b in article.blocks)
    if word_starts is None:
        word_starts = [t.start for t in iter_tokens(article) if is_word(t.text)]
    candidates = speaker_candidates(article)
    out: list[Quotation] = []
    for raw in _spans(article):
        segs = tuple(raw["segments"])
        first = by_index[raw["block"]]
        last_index = max(i for s, i in block_at if s <= segs[-1][0])
        last = by_index[last_index]
        qs, qe = segs[0][0] - first.start, segs[-1][1] - last.start
        speaker, rule, where = attribute_speaker(first.text, qs, last.text, qe, QUOTE_MARKS)
        kind = resolved = None
        if speaker is not None:
            speaker = speaker.strip(" ,")
            kind = speaker_kind(speaker)
            resolved = resolve_speaker(speaker, candidates, segs[0][0])
            if kind == "name":  # a named speaker is a candidate for later pronouns
                offset = (last.start if rule and rule.startswith("quote") else first.start) + where
                candidates.append((offset, speaker))
        words = _count_in(word_starts, segs)
        out.append(Quotation(
            article=article.id, index=len(out), block=first.index, last_block=last_index,
            start=segs[0][0], end=segs[-1][1], text=" ".join(" ".join(text[s:e].split()) for s, e in segs if e > s),
            words=words, closed=raw["closed"], speaker=speaker, speaker_kind=kind, resolved_speaker=resolved,
            rule=rule, notes="; ".join(raw["notes"]), segments=segs))
    return out


def quoted_word_mask(article: Article, quotes: list[Quotation] | None = None,
                     word_starts: list[int] | None = None) -> list[tuple[int, bool]]:
    """``(token start offset, inside a quotation)`` for every word token of ``article``.

    ``quotes`` and ``word_starts`` (offsets of the word tokens, in order) may
    be passed when already computed, to save tokenising again.

    >>> quoted_word_mask(Article.from_text('He said “yes” twice.', id="x"))
    [(0, False), (3, False), (9, True), (14, False)]
    """
    if word_starts is None:
        word_starts = [t.start for t in iter_tokens(article) if is_word(t.text)]
    quotes = find_quotations(article, word_starts) if quotes is None else quotes
    segs = sorted(s for q in quotes for s in q.segments)
    seg_starts = [s for s, _ in segs]
    out = []
    for w in word_starts:
        i = bisect.bisect_right(seg_starts, w) - 1
        out.append((w, i >= 0 and w < segs[i][1]))
    return out


QUOTATION_COLUMNS = ["article", "quote", "block", "last_block", "start", "end", "text", "words", "closed",
                     "speaker", "speaker_kind", "resolved_speaker", "rule", "notes"]


def quotation_table(data) -> pd.DataFrame:
    """All quotations as a table, one row each, articles in corpus order, then text order.

    Columns: :data:`QUOTATION_COLUMNS`.  ``quote`` numbers the quotations of
    an article from 0; ``block``/``last_block`` are the first and last
    block; ``start``/``end`` are offsets into :attr:`Article.text` of the
    quoted text (marks excluded); ``words`` counts its word tokens;
    ``closed`` is False for an unterminated quotation; ``rule`` names the
    attribution rule that found the speaker; ``notes`` lists repairs.

    >>> df = quotation_table(Article.from_text('“Yes,” he said.', id="x"))
    >>> df[["text", "speaker", "speaker_kind"]].values.tolist()
    [['Yes,', 'he', 'pronoun']]
    """
    rows = [(q.article, q.index, q.block, q.last_block, q.start, q.end, q.text, q.words, q.closed, q.speaker,
             q.speaker_kind, q.resolved_speaker, q.rule, q.notes)
            for a in as_articles(data) for q in find_quotations(a)]
    df = pd.DataFrame(rows, columns=QUOTATION_COLUMNS)
    return df.astype({"quote": "int64", "block": "int64", "last_block": "int64", "start": "int64",
                      "end": "int64", "words": "int64", "closed": "bool"})


def quotation_summary_table(data) -> pd.DataFrame:
    """Per article: ``quotations``, ``words``, ``quoted_words``, ``quoted_share``, ``speakers``, ``unattributed``.

    ``words`` counts the article's word tokens (headings included);
    ``quoted_share`` = quoted_words / words (NaN for an empty article);
    ``speakers`` is the number of distinct resolved speakers.  Corpus order.

    >>> r = quotation_summary_table(Article.from_text('“Yes,” he said. Fine.', id="x")).to_dict("records")[0]
    >>> r["quotations"], r["words"], r["quoted_words"], r["quoted_share"]
    (1, 4, 1, 0.25)
    """
    rows = []
    for a in as_articles(data):
        word_starts = [t.start for t in iter_tokens(a) if is_word(t.text)]
        quotes = find_quotations(a, word_starts)
        mask = quoted_word_mask(a, quotes, word_starts)
        quoted = sum(inside for _, inside in mask)
        speakers = {q.resolved_speaker for q in quotes if q.resolved_speaker}
        rows.append((a.id, len(quotes), len(mask), quoted, quoted / len(mask) if mask else float("nan"),
                     len(speakers), sum(q.speaker is None for q in quotes)))
    return pd.DataFrame(rows, columns=["article", "quotations", "words", "quoted_words", "quoted_share",
                                       "speakers", "unattributed"])


def speaker_table(data, *, resolved: bool = True) -> pd.DataFrame:
    """Speakers with their number of quotations and quoted words.

    Rows: articles in corpus order, then ``quotations`` descending, then
    ``speaker`` ascending.  Unattributed quotations are left out (see
    :func:`quotation_summary_table`).  With ``resolved=False`` pronouns are
    counted as written.

    >>> a = Article.from_text('“Yes,” Ann said. “No,” Bob said. “Go,” Ann said.', id="x")
    >>> speaker_table(a)[["speaker", "quotations"]].values.tolist()
    [['Ann', 2], ['Bob', 1]]
    """
    rows = []
    for order, a in enumerate(as_articles(data)):
        quotes = find_quotations(a)
        counts: Counter = Counter()
        words: Counter = Counter()
        for q in quotes:
            who = q.resolved_speaker if resolved else q.speaker
            if who:
                counts[who] += 1
                words[who] += q.words
        rows.extend((order, a.id, s, c, words[s]) for s, c in counts.items())
    df = pd.DataFrame(rows, columns=["_order", "article", "speaker", "quotations", "quoted_words"])
    df = df.sort_values(["_order", "quotations", "speaker"], ascending=[True, False, True], kind="mergesort")
    return df.drop(columns="_order").reset_index(drop=True).astype({"quotations": "int64", "quoted_words": "int64"})
