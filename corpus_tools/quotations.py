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

**Speakers.**  Tried in this order, within the quotation's sentence:

1. ``“...,” Putin said`` / ``“...,” he said`` / ``“...,” the ministry said``
   (speaker then reporting verb right after the quotation);
2. ``“...,” said a statement`` (verb then speaker, up to the next comma or
   full stop);
3. ``“...”, firing drones, the General Staff said`` (``, SPEAKER VERB`` later
   in the same sentence);
4. ``X said: “...”`` / ``he told Putin: “...”`` (speaker, verb, optional
   object, colon or comma right before the quotation); ``according to X``
   after the quotation (in its sentence) or before it;
5. ``X ... said on Tuesday that ... “...”`` (a reporting verb earlier in the
   sentence: the speaker right before it, or, when the verb follows
   "and" - ``Xi barely mentioned ... and said`` - the clause's first name).

Reporting verbs are :data:`REPORTING_VERBS`.  ``speaker`` is the speaker as
written.  ``resolved_speaker`` replaces "he"/"she" with the nearest
preceding candidate, which is either the named speaker of an earlier
quotation or a name introduced by a title ("President Volodymyr
Zelenskiy" gives "Volodymyr Zelenskiy", see :data:`TITLES`); other
pronouns and descriptions ("the 54-year-old") are kept as they are.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from corpus_tools.corpus import Article, Corpus
from corpus_tools.tokenize import NEWS_ABBREVIATIONS, is_word, iter_tokens

__all__ = ["QUOTATION_COLUMNS", "REPORTING_VERBS", "TITLES", "Quotation", "find_quotations",
           "quotation_summary", "quotation_table", "quoted_word_mask", "speaker_table"]

OPENING_GLYPHS = "\u201c\u201e\u201f\u00ab"  # “ „ ‟ «
CLOSING_GLYPHS = "\u201d\u00bb"  # ” »
QUOTE_MARKS = OPENING_GLYPHS + CLOSING_GLYPHS + '"'
_OPEN_BEFORE = set("([{\u2014\u2013-/")  # a mark after these (or a space) opens
_CLOSE_AFTER = set(".,;:!?)]}\u2014\u2013-…")  # a mark before these (or a space) closes

_VERB_STEMS = ("say", "tell", "add", "ask", "state", "explain", "write", "respond", "reply", "declare",
               "insist", "warn", "note", "announce", "comment", "urge", "argue", "claim", "recall",
               "acknowledge", "tweet", "conclude", "remark", "answer", "shout", "promise", "vow", "admit",
               "suggest", "predict", "stress", "emphasise", "emphasize", "maintain", "concede", "confirm",
               "caution", "assert", "told", "said", "wrote")
_IRREGULAR = {"say": ["says", "said", "saying"], "admit": ["admits", "admitted", "admitting"],
              "tell": ["tells", "telling"], "write": ["writes", "writing"],
              "told": ["told"], "said": ["said"], "wrote": ["wrote"]}


def _forms(stem: str) -> list[str]:
    if stem in _IRREGULAR:
        return [stem, *_IRREGULAR[stem]]
    if stem.endswith("e"):
        return [stem, stem + "s", stem + "d", stem[:-1] + "ing"]
    if stem.endswith("y") and stem not in ("say",):
        return [stem, stem[:-1] + "ies", stem[:-1] + "ied", stem + "ing"]
    es = "es" if stem.endswith(("sh", "ss", "ch")) else "s"
    return [stem, stem + es, stem + "ed", stem + "ing"]


#: Verbs that attribute speech, in all the forms matched.
REPORTING_VERBS: frozenset[str] = frozenset(f for s in _VERB_STEMS for f in _forms(s))

#: Words that introduce a person's name ("President X Y").
TITLES: frozenset[str] = frozenset(
    """President Minister Chancellor Secretary General Colonel Admiral Senator Governor Mayor Judge
    Justice Pope King Queen Prince Princess Ambassador spokesperson spokesman spokeswoman Mr Mrs Ms Dr
    Professor Commander Chief Director Commissioner Premier Lieutenant Captain Sergeant Major""".split()
)

_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you"}
_RESOLVABLE = {"he", "she"}
_VERB = "(?:" + "|".join(sorted(REPORTING_VERBS, key=lambda v: (-len(v), v))) + ")"
_CAP = r"[A-Z][\w'’\-]*"
# a name: capitalised words, name particles inside ("Corriere della Sera"), an optional "Mr." in front
_NAME = (rf"(?:(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Prof|St)\.\s+)?{_CAP}"
         rf"(?:\s+(?:{_CAP}|of|de|del|della|van|von|al|bin|da|di|le|la))*(?<!\s(?:of|de|la|le|da|di))")
_PRON = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t|[Yy]ou)"
# a description: determiner + up to 8 words, none of them a conjunction or relative word
_W = r"(?!(?:and|or|but|that|which|who|whom|when|while|as|if|then)\b)[\w'’\-]+"
_DESC = rf"(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+{_W}(?:\s+{_W}){{0,7}}?"
_SPEAKER = rf"(?P<speaker>{_PRON}|{_DESC}|{_NAME})"
_AFTER_SPEAKER_VERB = re.compile(rf"^[\s,]*{_SPEAKER}\s+(?:also\s+|later\s+)?(?P<verb>{_VERB})\b")
_AFTER_VERB_SPEAKER = re.compile(
    rf"^[\s,]*(?P<verb>{_VERB})\s+(?P<speaker>(?:{_DESC}|{_NAME})(?:\s+[\w'’\-]+)*?)\s*(?=[,.;:!?]|$)")
_LATER_SPEAKER_VERB = re.compile(
    rf",\s+(?P<speaker>{_PRON}|{_DESC}|{_NAME}|[A-Z][\w'’\-]*(?:\s+[\w'’\-]+){{0,6}}?)\s+(?P<verb>{_VERB})\b")
_ACCORDING = re.compile(rf"\b[Aa]ccording to\s+(?P<speaker>{_DESC}|{_NAME})\s*(?=[,.;:!?]|$)")
_BEFORE_COLON = re.compile(
    rf"{_SPEAKER}\s+(?:\w+\s+)?(?P<verb>{_VERB})(?:\s+[\w'’\-]+){{0,3}}?\s*[:,]\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“„A-Z0-9])")
_STOP_CAPS = {"During", "After", "Before", "In", "On", "At", "As", "When", "While", "But", "And", "Yet",
              "The", "A", "An", "If", "Since", "Although", "Despite", "Meanwhile", "Separately", "However"}
# a title, then a name of two or three capitalised words ("General Staff of" is no name)
_TITLED = re.compile(rf"\b(?:{'|'.join(sorted(TITLES))})\.?\s+(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){{1,2}})")


@dataclass(frozen=True)
class Quotation:
    """One direct quotation: where it is, what it says, who said it."""

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


@lru_cache(maxsize=256)
def _sentence_ends(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of the sentence ends in ``text``, except after an abbreviation ("Mr. Jones")."""
    out = []
    for m in _SENTENCE_END.finditer(text):
        word = re.search(r"([\w.]+)$", text[max(0, m.start() - 30) : m.start()])
        if word and word.group(1).lower() in NEWS_ABBREVIATIONS:
            continue
        out.append((m.start(), m.end()))
    return tuple(out)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the sentence(s) around ``text[start:end]`` (within one block)."""
    ends = _sentence_ends(text)
    starts, stops = [a for a, _ in ends], [b for _, b in ends]
    i = bisect.bisect_right(stops, max(start - 1, 0))  # the last sentence end before the span
    left = stops[i - 1] if i else 0
    j = bisect.bisect_left(starts, end + 1)  # the first sentence end after it
    right = ends[j][0] + 1 if j < len(ends) else len(text)
    return left, right


def _count_in(sorted_offsets: list[int], segments) -> int:
    """How many offsets fall inside the half-open ``segments``."""
    return sum(bisect.bisect_left(sorted_offsets, e) - bisect.bisect_left(sorted_offsets, s) for s, e in segments)


def _speaker_kind(speaker: str) -> str:
    if speaker.lower() in _PRONOUNS:
        return "pronoun"
    first = speaker.split()[0].lower()
    return "description" if first in {"the", "a", "an", "its", "his", "her", "their"} else "name"


def _attribute(open_text: str, qs: int, close_text: str, qe: int) -> tuple[str | None, str | None, int]:
    """Speaker, rule name and the speaker's offset in its block (-1 when none)."""
    _, sent_end = _sentence_bounds(close_text, qe, qe)
    after = close_text[qe + 1 : sent_end]
    cut = min((after.find(c) for c in QUOTE_MARKS if c in after), default=len(after))
    after = after[:cut]
    base = qe + 1
    # "...please.” Commenting on..., the White House said": the sentence ended inside the quotation, so
    # only a speaker right after it ("...!” Smith shouted.") can be its attribution
    ended = re.search(r"[.!?]\s*$", close_text[:qe]) is not None
    for rule, rx in (("quote, SPEAKER VERB", _AFTER_SPEAKER_VERB), ("quote, VERB SPEAKER", _AFTER_VERB_SPEAKER),
                     ("quote ..., SPEAKER VERB", _LATER_SPEAKER_VERB), ("quote, according to SPEAKER", _ACCORDING)):
        if ended and rx in (_LATER_SPEAKER_VERB, _ACCORDING):
            continue
        m = rx.search(after)
        if m and m.group("speaker").split()[0] not in _STOP_CAPS:
            return m.group("speaker"), rule, base + m.start("speaker")
    sent_start, _ = _sentence_bounds(open_text, qs, qs)
    before = open_text[sent_start : max(qs - 1, sent_start)]
    cut = max((before.rfind(c) for c in QUOTE_MARKS), default=-1)
    before, base = before[cut + 1 :], sent_start + cut + 1
    for rule, rx in (("SPEAKER VERB: quote", _BEFORE_COLON), ("according to SPEAKER, quote", _ACCORDING)):
        m = rx.search(before)
        if m:
            return m.group("speaker"), rule, base + m.start("speaker")
    # the nearest reporting verb that has a subject ("final remarks that" has none: try the next one back)
    for v in reversed(list(re.finditer(rf"\b{_VERB}\b", before))):
        head = before[: v.start()]
        m = re.search(rf"{_SPEAKER}\s+(?:\w+ly\s+|also\s+)?$", head)
        if m and m.group("speaker").split()[0] not in _STOP_CAPS:
            return m.group("speaker"), "SPEAKER VERB ... quote", base + m.start("speaker")
        if re.search(r"\band\s+(?:\w+ly\s+|also\s+)?$", head):
            for m in re.finditer(rf"(?<![\w'’]){_NAME}|\b{_PRON}\b", head):
                word = m.group().split()[0]
                if word not in _STOP_CAPS:
                    return m.group(), "SPEAKER ... and VERB ... quote", base + m.start()
    return None, None, -1


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
    candidates: list[tuple[int, str]] = []  # (offset, name) for pronoun resolution
    for b in article.blocks:
        candidates.extend((b.start + m.start("name"), m.group("name")) for m in _TITLED.finditer(b.text))
    out: list[Quotation] = []
    for raw in _spans(article):
        segs = tuple(raw["segments"])
        first = by_index[raw["block"]]
        last_index = max(i for s, i in block_at if s <= segs[-1][0])
        last = by_index[last_index]
        qs, qe = segs[0][0] - first.start, segs[-1][1] - last.start
        speaker, rule, where = _attribute(first.text, qs, last.text, qe)
        kind = resolved = None
        if speaker is not None:
            speaker = speaker.strip(" ,")
            kind = _speaker_kind(speaker)
            offset = (last.start if rule and rule.startswith("quote") else first.start) + where
            resolved = speaker
            if kind == "pronoun" and speaker.lower() in _RESOLVABLE:
                earlier = [c for c in candidates if c[0] < segs[0][0]]
                resolved = max(earlier)[1] if earlier else speaker
            elif kind == "name":
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


def _articles(data) -> list[Article]:
    if isinstance(data, Article):
        return [data]
    if isinstance(data, Corpus) or isinstance(data, (list, tuple)):
        return list(data)
    raise TypeError(f"expected a Corpus or Article, not {type(data).__name__}")


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
            for a in _articles(data) for q in find_quotations(a)]
    df = pd.DataFrame(rows, columns=QUOTATION_COLUMNS)
    return df.astype({"quote": "int64", "block": "int64", "last_block": "int64", "start": "int64",
                      "end": "int64", "words": "int64", "closed": "bool"})


def quotation_summary(data) -> pd.DataFrame:
    """Per article: ``quotations``, ``words``, ``quoted_words``, ``quoted_share``, ``speakers``, ``unattributed``.

    ``words`` counts the article's word tokens (headings included);
    ``quoted_share`` = quoted_words / words (NaN for an empty article);
    ``speakers`` is the number of distinct resolved speakers.  Corpus order.

    >>> r = quotation_summary(Article.from_text('“Yes,” he said. Fine.', id="x")).to_dict("records")[0]
    >>> r["quotations"], r["words"], r["quoted_words"], r["quoted_share"]
    (1, 4, 1, 0.25)
    """
    rows = []
    for a in _articles(data):
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
    :func:`quotation_summary`).  With ``resolved=False`` pronouns are
    counted as written.

    >>> a = Article.from_text('“Yes,” Ann said. “No,” Bob said. “Go,” Ann said.', id="x")
    >>> speaker_table(a)[["speaker", "quotations"]].values.tolist()
    [['Ann', 2], ['Bob', 1]]
    """
    rows = []
    for order, a in enumerate(_articles(data)):
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
