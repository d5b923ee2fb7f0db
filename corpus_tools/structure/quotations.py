"""Direct quotations in news text, and who said them.

No NLTK or pandas tool extracts quotations with attribution, so this module
does it by hand with a small, documented set of rules.

**Quote marks.**  Double quotes: typographic ``“ ”``, low ``„``,
guillemets ``« »`` and straight ``"``.  A straight ``"`` between two letters
or digits (``Kuwait"s``, typed for an apostrophe on the wire) is an
apostrophe, never a quote mark.  Single quotes (straight ``'…'`` and
typographic ``‘…’``) are found in a second pass, outside the double-quoted
text, as a pair within one paragraph (or over paragraphs, below): an opening mark after a space
or an opening bracket and before a letter (not an elision such as ``'em``
or ``'90s``), closed by the first mark after a non-space and before a space,
punctuation or the paragraph end; a mark inside a word (``can't``, ``club’s``)
is an apostrophe.  A plural possessive (``the owners’ union``: after an
"s", before a lower-case word) closes the quotation only when no later mark
can.  Their ``notes`` say ``"single quotes"``.  Each mark's role is read from
its position before its shape, which tolerates real-world typing errors: a
mark after a letter or punctuation and before a space or the end
(``right now,“ he said``) *closes* a quotation even if it is an opening
glyph, and a mark after a space and before a letter *opens* one.  Only a
mark that its position does not settle falls back on its glyph.

**Nested quotations.**  A quotation inside another is part of the outer one:
``"He said 'no' to me," she said`` and the British ``‘He said “no”,’ she
said`` each give one quotation, ``He said 'no' to me,`` / ``He said “no”,``,
with the inner marks kept in its text (single marks inside a double-quoted
quotation are never read as quotations; a double-quoted quotation inside a
single-quoted one is dropped, and the outer one's ``notes`` say
``"nested quotation kept inside"``).

**Quotations over several paragraphs.**  When a paragraph ends inside a
quotation, the quotation continues into the next paragraph if that one
opens with a quote mark (the news convention: no closing mark at the end of
the first paragraph, a fresh opening mark at the start of the next), or if
the next paragraph's first mark is in closing position (the quotation went
on without a new opening mark).  Otherwise it ends, unterminated, with its
paragraph.  A heading always ends a quotation.  Single quotes follow the
first convention only: a single opening mark left open at a paragraph's end
continues into the next paragraph if that one opens with a single mark
(British dialogue); otherwise it is no quotation (it was an apostrophe).

Such a quotation is found, and its speaker attributed, as one (the tag usually
sits in its first or its last paragraph), then returned as one
:class:`Quotation` per paragraph (per block), each with its own block, offsets,
text and words and the speaker of the whole: the annotation convention of one
entry per paragraph.  The parts share ``quotation`` (the number of the whole
quotation in its article) and are numbered by ``part`` of ``parts``, so the
whole can be read back (``groupby(["article", "quotation"])``); their
``notes`` say ``"part 2 of 3 of a quotation over paragraphs"``.  A quotation
that runs on with no reopening mark (a typing error) stays one; in fiction
so does one reopened after a paragraph ending in a question (a lost closing
mark before a reply, or the same speaker going on: undecided, ``notes`` say
so).

**Speakers** are found and resolved by :mod:`corpus_tools.structure.speakers`; the
``rule`` column names the attribution rule that matched.  In fiction (an article with a
chapter heading) the dialogue rules of :mod:`corpus_tools.structure.dialogue` run too:
narration that introduces a quotation, untagged turns alternated back from a tagged one,
titles + surnames as antecedents, a group's turns.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache, partial

import numpy as np
import pandas as pd

from corpus_tools.model.corpus import Article, as_articles
from corpus_tools.structure.dialogue import (
    addressed_aliases,
    alternate_backwards,
    child_parent,
    child_speaker,
    definite_title,
    group_turns,
    introduced_speaker,
    is_title_description,
    narration_other,
    narration_speaker,
    subject_antecedent,
    tag_name_mentions,
    title_gender,
    title_mentions,
    titled_names,
    trailing_pronoun,
)
from corpus_tools.structure.roles import is_chapter_block
from corpus_tools.structure.speakers import (
    QUOTE_CHARACTERS,
    CandidateIndex,
    attribute_speaker,
    based_firm,
    body_antecedent,
    body_name_before,
    colon_introduction,
    corpus_speaker_names,
    given_name_mentions,
    honorific_mentions,
    is_age_description,
    it_opened,
    last_apposed_person,
    named_organisation,
    organisation_antecedent,
    organisation_speaker,
    person_description,
    previous_paragraph_description,
    previous_paragraph_speaker,
    previous_paragraph_subject,
    previous_sentence_description,
    previous_sentence_subject,
    resolve_relation,
    resolve_speaker,
    role_antecedent,
    same_person,
    speaker_candidates,
    speaker_kind,
    speaker_names,
    statement_body,
    statement_issuer,
    subject_mentions,
    surname_first_tag,
)
from corpus_tools.tokens.tokenize import is_word, iter_tokens

__all__ = ["QUOTATION_COLUMNS", "QUOTE_MARKS", "Quotation", "find_quotations", "quotation_summary_table",
           "quotation_table", "quoted_flags", "quoted_word_mask", "speaker_table", "vocatives"]

SINGLE_MARKS = "'\u2018\u2019"  # ' ‘ ’
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
        Number of the quotation (of the part, for a quotation over paragraphs) in its article, from 0.
    block, last_block : int
        Blocks it starts and ends in: the same block, a quotation reopened over
        paragraphs being one part per paragraph (see ``quotation``), except a
        quotation that ran on into the next paragraph with no reopening mark (a
        typing error, one quotation) and, in fiction, one reopened after a
        paragraph ending in a question (kept whole: see the module docstring).
    start, end : int
        Offsets in :attr:`Article.text` of its first character and of its
        closing mark (or paragraph end): the marks are not included.
    text : str
        The quoted words of this part (white space normalised), a reopening mark left out.
    words : int
        Word tokens inside it.
    closed : bool
        False when no closing mark ends it: an unterminated quotation, or a part
        of a quotation over paragraphs left open for the next paragraph (every
        part but the last; ``notes`` tells them apart).
    speaker, speaker_kind, resolved_speaker, rule : str or None
        See :mod:`corpus_tools.structure.speakers`; None when no rule matched.
    notes : str
        Repairs made, ``"; "``-separated ("closing mark typed as opening"...).
    segments : tuple of (int, int)
        ``(start, end)`` per paragraph of it (one, but for the two exceptions under ``last_block``).
    speaker_name : str or None
        The resolved speaker with the article's name variants merged
        ("Lewis" and "E.F. Hutton Group analyst Michael Lewis" both give
        "Michael Lewis"; see :func:`corpus_tools.structure.speakers.speaker_names`).
    quotation, part, parts : int
        A quotation over several paragraphs is returned as one part per
        paragraph: ``quotation`` numbers the whole quotation in its article
        (shared by its parts; equal to ``index`` numbering only when no
        quotation runs over paragraphs), ``part`` is this part's number from 0,
        ``parts`` how many the quotation has (1 for a quotation in one paragraph).
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
    speaker_name: str | None = None
    quotation: int = 0
    part: int = 0
    parts: int = 1


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


def _is_apostrophe(text: str, i: int) -> bool:
    """A straight double quote between two letters or digits (``Kuwait"s``): an apostrophe typed as ``"``."""
    return text[i] == '"' and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


_ELISIONS = {"em", "til", "tis", "twas", "cause", "n", "round", "bout", "nuff", "s"}
_LATER_SINGLE_CLOSE = re.compile(r"(?<=\S)['\u2019](?=[\s.,;:!?)\]\u2014\u2013\"\u201d]|$)")


def _single_pairs(text: str, covered: list[tuple[int, int]], reopened: bool = False
                  ) -> tuple[list[tuple[int, int]], int | None]:
    """``(opening, closing)`` offsets of the single-quoted quotations of one paragraph, outside ``covered``,
    and the offset of an opening mark left open at the paragraph's end (None if there is none).

    With ``reopened`` the paragraph's first mark, at its start, reopens a quotation of the paragraph
    before: it opens whatever follows it.
    """
    pairs: list[tuple[int, int]] = []
    starts = [a for a, _ in covered]
    open_at = None
    for m in re.finditer(r"['\u2018\u2019]", text):
        i = m.start()
        k = bisect.bisect_right(starts, i) - 1
        if k >= 0 and i <= covered[k][1]:
            continue  # inside a double-quoted quotation: nested, part of it
        ch = text[i]
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if open_at is None:
            if reopened and not text[:i].strip():
                open_at = i
                continue
            if ch == "\u2019" or not (prev.isspace() or prev in _OPEN_BEFORE or prev in QUOTE_MARKS):
                continue
            word = re.match(r"[A-Za-z]+", text[i + 1 : i + 8])
            if not nxt.isalpha() or (word and word.group().lower() in _ELISIONS and
                                     not text[i + 1 + len(word.group()) : i + 2 + len(word.group())].isalpha()):
                continue
            open_at = i
            continue
        if ch == "\u2018" or prev.isspace() or not (nxt.isspace() or nxt in _CLOSE_AFTER or nxt in QUOTE_MARKS
                                                     or i + 1 == len(text)):
            continue
        possessive = prev in "sS" and nxt == " " and text[i + 2 : i + 3].islower()
        if possessive and _LATER_SINGLE_CLOSE.search(text, i + 1):
            continue
        pairs.append((open_at, i))
        open_at = None
    return pairs, open_at


def _spans(article: Article) -> list[dict]:
    """Raw quotation spans (offsets into article.text) with notes; no speakers yet."""
    found = _double_spans(article)
    starts = [b.start for b in article.blocks]
    by_block: dict[int, list[tuple[int, int]]] = {}
    for q in found:
        for s, e in q["segments"]:
            by_block.setdefault(bisect.bisect_right(starts, s) - 1, []).append((s, e))
    singles = []
    carry: dict | None = None  # a single-quoted quotation left open at the end of the paragraph before
    for block in article.blocks:
        if not any(c in block.text for c in SINGLE_MARKS):
            carry = None
            continue
        covered = sorted((s - block.start - 1, e - block.start) for s, e in by_block.get(block.index, ()))
        lead = len(block.text) - len(block.text.lstrip())
        reopens = (carry is not None and block.kind == "paragraph" and lead < len(block.text)
                   and block.text[lead] in "'\u2018")
        if carry is not None and not reopens:
            carry = None  # never reopened: an apostrophe or a typo, not a quotation
        pairs, dangling = _single_pairs(block.text, covered, reopened=reopens)
        for k, (o, c) in enumerate(pairs):
            if k == 0 and reopens and o == lead:
                # the British convention: no closing mark at the end of a paragraph, a fresh opening one
                # at the start of the next
                carry.setdefault("parts", []).append(len(carry["segments"]))
                carry["segments"].append((block.start + o + 1, block.start + c))
                carry["marks"] += (block.start + o, block.start + c)
                carry["closed"] = True
                singles.append(carry)
                carry = None
                continue
            singles.append({"block": block.index, "segments": [(block.start + o + 1, block.start + c)],
                            "notes": ["single quotes"], "closed": True, "marks": (block.start + o, block.start + c)})
        if dangling is not None:
            if carry is not None and dangling == lead:
                carry.setdefault("parts", []).append(len(carry["segments"]))
                carry["segments"].append((block.start + dangling + 1, block.end))  # still open: a third paragraph?
                carry["marks"] += (block.start + dangling,)
            else:
                carry = {"block": block.index, "segments": [(block.start + dangling + 1, block.end)],
                         "notes": ["single quotes", "continues in next paragraph (reopened)"], "closed": False,
                         "marks": (block.start + dangling,)}
        elif carry is not None:
            carry = None
    if singles:
        found = _without_nested(found, singles)
        found = sorted(found + singles, key=lambda q: q["segments"][0][0])
    return [q for q in found if any(e > s for s, e in q["segments"])]


def _without_nested(doubles: list[dict], singles: list[dict]) -> list[dict]:
    """``doubles`` less those inside a single-quoted quotation (‘He said “no”,’ she said: one quotation).

    The outer quotation keeps the inner one in its text and says so in its notes.
    """
    spans = sorted((q["marks"][0], q["marks"][-1], n) for n, q in enumerate(singles))
    opens = [a for a, _, _ in spans]
    kept = []
    for q in doubles:
        s, e = q["segments"][0][0], q["segments"][-1][1]
        k = bisect.bisect_left(opens, s) - 1  # the nearest single quotation opening before it
        # the closest opening may be an inner pair of its own: look back over a few
        inside = next((spans[j] for j in range(k, max(-1, k - 4), -1) if spans[j][1] >= e), None)
        if inside is None:
            kept.append(q)
        elif "nested quotation kept inside" not in singles[inside[2]]["notes"]:
            singles[inside[2]]["notes"].append("nested quotation kept inside")
    return kept


# the double quote marks of a text found by one C scan, not a Python step per character
_QUOTE_MARK = re.compile("[" + re.escape(QUOTE_MARKS) + "]")


def _double_spans(article: Article) -> list[dict]:
    """Raw double-quoted spans (offsets into article.text) with notes."""
    found: list[dict] = []
    current: dict | None = None
    fiction = any(is_chapter_block(b) for b in article.blocks)
    for block in article.blocks:
        text = block.text
        marks = [(i, _role(text, i)) for i in (m.start() for m in _QUOTE_MARK.finditer(text))
                 if not _is_apostrophe(text, i)]
        seg_start = None
        if current is not None:
            first = marks[0] if marks else None
            if block.kind == "paragraph" and first and first[1] != "close" and text[: first[0]].strip() == "":
                current["notes"].append("continues in next paragraph (reopened)")
                current.setdefault("parts", []).append(len(current["segments"]))  # a new part starts here
                if fiction and article.blocks[block.index - 1].text.rstrip().endswith("?"):
                    # rules15: fiction, '"... Where sayest thou Pip was, boy?' then '"Astern there, sir!"': a
                    # question left open may be a lost closing mark before someone's reply, or the same speaker
                    # going on; undecided, the quotation is kept whole (not split into paragraph parts)
                    current["notes"].append(_UNDECIDED)
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
    return found


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
    blocks = article.blocks
    starts = [b.start for b in blocks]
    if word_starts is None:
        word_starts = [t.start for t in iter_tokens(article) if is_word(t.text)]
    raws = _spans(article)
    if not raws:  # nothing quoted: no speaker to look for (the candidates' search is most of the cost)
        return []
    marked = _marked_blocks(article, raws)
    fiction = any(is_chapter_block(b) for b in blocks)
    mentions = _narrative_mentions(honorific_mentions(article), raws) if fiction else []
    # in fiction the narration's given names ("Catherine blushed") are antecedents too
    given = _narrative_mentions(given_name_mentions(article), raws, fallback=False) if fiction else []
    # in fiction a name inside the dialogue ("if Weston had asked me") is someone talked about, not a speaker
    found = _narrative_mentions(speaker_candidates(article), raws, fallback=False) if fiction \
        else speaker_candidates(article)
    candidates = CandidateIndex(found + given)
    # in fiction "Lady Tressel", "Captain Whitcombe" in the narration: antecedents and persons of turn-taking
    titles = _narrative_mentions(title_mentions(article), raws, fallback=False) if fiction else []
    # and the narration's mentions of a one-word name a tag gives ("said Quin"; not in the lexicon)
    tagged = _narrative_mentions(tag_name_mentions(article), raws, fallback=False) if fiction else []
    if tagged:
        known = {n for _, n in given}
        tagged = [(o, n) for o, n in tagged if n not in known]
        for o, n in tagged:
            candidates.add(o, n)
    if titles:
        at = {o for o, _ in mentions}
        mentions = sorted([*mentions, *((o, n) for o, n in titles if o not in at)])
        for o, n in titles:
            candidates.add(o, n, title_gender(n))
    people = sorted(given + titles + tagged)
    quoted_blocks: set[int] = set()  # the blocks the quotations so far reach (fiction's narration has none)
    subjects = CandidateIndex([] if fiction else _narrative_mentions(subject_mentions(article), raws, fallback=False))
    out: list[Quotation] = []
    turns = _Turns()
    for raw in raws:
        segs = tuple(raw["segments"])
        first = blocks[raw["block"]]
        last_index = bisect.bisect_right(starts, segs[-1][0]) - 1
        last = blocks[last_index]
        qs, qe = segs[0][0] - first.start, segs[-1][1] - last.start
        speaker, rule, where = attribute_speaker(marked[first.index], qs, marked[last_index], qe, QUOTE_MARKS)
        kind = resolved = titled = antecedent = None
        where_block = None  # the block the speaker was found in, when not the quotation's own
        if fiction:
            speaker, rule, where, antecedent = _fiction_introduced(article, text, first, segs, out, people, speaker,
                                                                   rule, where)
        if speaker is None and rule is None and not fiction and (
                tagged := surname_first_tag(marked[last_index], qe, text)):
            # rules14: '“...,” Oh said' after "Oh Mi-kyung": a surname written first that is also a common word
            speaker, rule, where = tagged
        if speaker is None and rule is None and not fiction and (
                it := it_opened(marked[first.index], qs)) is not None and (
                body := body_antecedent(article, first.text, it + 1, first.start + it)):
            # rules14: 'The institute said in a statement that ... It described the floor as ‘...’': the body
            speaker, rule, where = body, "It VERB ... partial quote (the body of the sentence before)", it
        if (speaker is None and rule is None and not fiction and first.index > 0
                and not marked[first.index][: max(qs - 1, 0)].strip()
                and blocks[first.index - 1].kind == "paragraph"
                and (intro := colon_introduction(marked[first.index - 1])
                     or previous_paragraph_speaker(marked[first.index - 1]))):
            # "Its director general, Paula Brandt, said:" closing the paragraph before this quoted one, or
            # "Coach Tim Ross said the team was tired." (reported speech before a run of quoted paragraphs)
            speaker, rule, where = intro
            where_block = blocks[first.index - 1]
        # (news: a rule that decided "no speaker", a scare quote, inherits none; fiction's rules never do that)
        if speaker is None and (rule is None or fiction) and out:
            # the people the previous paragraph's quotations address (its speaker's, one paragraph)
            addressed = [v for q in out[-3:] if q.block == out[-1].block for v in vocatives(q.text)] \
                if fiction else []
            # the narration paragraph right before the previous quotation's, when the exchange restarts after it
            narration = None
            if fiction and out[-1].block > 0 and (len(out) < 2 or out[-2].last_block < out[-1].block - 1):
                nb = blocks[out[-1].block - 1]
                narration = (nb.start, nb.start + len(nb.text))
            # fiction: one short narration paragraph naming nobody ("This was invitation enough.") between
            # the previous quotation and this one does not end the exchange
            bridged = fiction and out[-1].last_block == first.index - 2 and _nameless_aside(blocks[first.index - 1])
            speaker, rule = _inherited(out[-1], raw, first, marked[first.index], qs, fiction, turns, candidates,
                                       mentions, addressed, narration, bridged)
            if fiction and rule == "turn-taking: the nearest other named person" and (
                    before := _previous_block(article, blocks[out[-1].block])) and (
                    other := narration_other(text, before, out[-1].resolved_speaker, people)):
                speaker, rule = other, "turn-taking: the other person, the subject of the narration before"
        if speaker is None and fiction:
            speaker, rule, antecedent = narration_speaker(text, first.start, segs[0][0] - 1,
                                                          _narration_block(article, first, quoted_blocks),
                                                          _recent_spans(out, first.index), people)
        if speaker is not None and where >= 0 and speaker[:1].isupper() and " and " not in speaker:
            # "The Ministry of Industry and Commerce said": the whole body, not the run after "and"
            at = where_block or (last if rule and rule.startswith("quote") else first)
            speaker = body_name_before(marked[at.index], where, speaker)
        if speaker is not None:
            # (rules14: a dash written as two hyphens after the tag is no part of the name: 'repeated Edward--"but')
            speaker = organisation_speaker(speaker.strip(" ,").rstrip("-–—"))
            kind = speaker_kind(speaker)
            resolved = antecedent or resolve_speaker(speaker, candidates, segs[0][0])
            if fiction and antecedent is None and speaker in ("he", "she") and where >= 0 and (
                    narrated := _narration_before(article, first, qs, quoted_blocks)):
                # '"...," said she.' opening the paragraph after narration: the subject the narration goes on with
                resolved = subject_antecedent(text, *narrated, speaker, people) or resolved
            if (not fiction and speaker.lower() in ("he", "she") and rule
                    and (subject := previous_sentence_subject(
                        marked[first.index], qs, partial(candidates.names_surname, before=segs[0][0])))
                    and ((nearest := candidates.nearest_item("all", segs[0][0])) is None
                         or first.start + subject[0] > nearest[0])
                    and resolve_speaker(speaker, [(0, subject[1])], 1) == subject[1]):
                # '... Ben, who drove the bus, was worse off. “...,” he said': the subject of the sentence
                # just before, nearer than any speaker named earlier, or with none named (and of the pronoun's gender)
                resolved = subject[1]
                rule += " (he/she: the subject of the sentence before)"
                candidates.add(first.start + subject[0], subject[1])  # and the antecedent of the next "he"
            elif (not fiction and (speaker.lower() in ("he", "she") or is_age_description(speaker)) and rule
                  and not text[first.start : segs[0][0] - 1].strip() and first.index > 0
                  and (prev := blocks[first.index - 1]).kind == "paragraph"
                  and (subject := previous_paragraph_subject(
                      prev.text, partial(_named_in_full, text, prev.start)))
                  and ((nearest := candidates.nearest_item("all", segs[0][0])) is None
                       or prev.start + subject[0] > nearest[0])
                  and resolve_speaker(speaker, [(0, subject[1])], 1) == subject[1]):
                # 'Brenner, 29, was gracious in defeat.' / '“...,” he told reporters.': a paragraph that opens
                # with the quotation goes on with the person the paragraph before was about (rules13: so does
                # '“...,” the 26-year-old said', which the nearest speaker named before took)
                resolved = subject[1]
                rule += " (he/she: the subject of the paragraph before)"
                candidates.add(prev.start + subject[0], subject[1])
            elif (not fiction and speaker.lower() in ("he", "she") and rule
                  and (described := previous_sentence_description(marked[first.index], qs, speaker.lower()))):
                # 'A truck driver in the queue said he had slept there. “...,” he said': the unnamed person
                # the sentence before introduced, not the last named speaker (a name inside that sentence,
                # "interviewed on Main Street", is no rival: the sentence's own "he" is the described person)
                resolved = described[1]
                rule += " (he/she: the person described in the sentence before)"
                candidates.add(first.start + described[0], described[1])
            elif (not fiction and speaker.lower() in ("he", "she") and rule
                  and not text[first.start : segs[0][0] - 1].strip() and first.index > 0
                  and (prev := blocks[first.index - 1]).kind == "paragraph"
                  and (described := previous_paragraph_description(prev.text, speaker.lower()))
                  and ((nearest := candidates.nearest_item("all", segs[0][0])) is None
                       or prev.start + described[0] >= nearest[0])):
                # 'One of them, a retired tram driver, put it simply.' / '“...,” he said.': the same across
                # the paragraph break
                resolved = described[1]
                rule += " (he/she: the person described in the paragraph before)"
                candidates.add(prev.start + described[0], described[1])
            if not fiction and resolved == speaker and speaker.lower() in ("he", "she"):
                # no speaker or titled name before it: the full name that last opened a sentence
                resolved = subjects.resolve(speaker, segs[0][0])
            if (not fiction and resolved == speaker and speaker.lower() in ("he", "she") and first.index > 0
                    and not text[first.start : segs[0][0] - 1].strip()
                    and (prev := blocks[first.index - 1]).kind == "paragraph"
                    and (person := last_apposed_person(prev.text))
                    and resolve_speaker(speaker, [(0, person[1])], 1) == person[1]):
                # nobody to resolve to yet: 'The bird was found by Tom Hale, a student from Truro, who ...' /
                # '“...,” he said': the person the paragraph before introduced with an apposition
                resolved = person[1]
                rule += " (he/she: the person introduced in the paragraph before)"
                candidates.add(prev.start + person[0], person[1])  # and the antecedent of the next "he"
            if not fiction and resolved != speaker and speaker.lower() in ("he", "she"):
                # "“...,” she said" resolved to Marie-Claude Roy: a later "he" is someone else
                candidates.learn(resolved, "m" if speaker.lower() == "he" else "f")
            if rule and rule.startswith("quote, was his/her REPLY to "):
                # "was her observation to Mary": the last speaker who is not the one addressed
                addressee = rule.removeprefix("quote, was his/her REPLY to ")
                other = turns.other(addressee)
                if other is not None and same_person(resolved, addressee):
                    resolved = other
            if (kind == "description" and not fiction and resolved == speaker and out
                    and out[-1].block >= first.index - 1
                    and (issuer := statement_issuer(speaker, out[-1].resolved_speaker, blocks[out[-1].block].text))):
                resolved = issuer  # 'In a statement, Acme said ... “...,” the statement said.': Acme's words
            elif (kind == "description" and not fiction and resolved == speaker and first.index > 0
                  and blocks[first.index - 1].kind == "paragraph"
                  and (issuer := statement_body(speaker, blocks[first.index - 1].text))):
                # rules14: 'The port authority said in a statement that ...' / '“...,” the statement said.': the
                # body the paragraph before says issued it, with no quotation of its own there
                resolved = issuer
            if kind == "description" and not fiction and resolved == speaker:
                named = candidates.resolve_description(speaker, segs[0][0], first.start)
                # '“...,” Lewis said. “...,” said the minister.': a new tag right after the named speaker's
                # quotation in the same paragraph is another person
                if not (out and out[-1].block == first.index and same_person(out[-1].resolved_speaker, named)):
                    resolved = named
                # "the company said": the organisation the lead is about
                resolved = organisation_antecedent(article, speaker) or resolved
                if resolved == speaker:  # "the centre said": the "... Centre" named before
                    resolved = named_organisation(article, speaker, segs[0][0]) or resolved
                if resolved == speaker:  # "the company says": the firm introduced as "Leeds-based Arlo Vision"
                    resolved = based_firm(article, speaker, segs[0][0]) or resolved
                if resolved == speaker:  # "said the spinner": the person introduced as "spinner Tom Avery"
                    resolved = role_antecedent(article, speaker, segs[0][0]) or resolved
                if (resolved == speaker and _ONE_WORD_PERSON.match(speaker) and first.index > 0
                        and not text[first.start : segs[0][0] - 1].strip()
                        and (prev := blocks[first.index - 1]).kind == "paragraph"
                        and (subject := previous_paragraph_subject(prev.text))):
                    # 'Vandecasteele, who opened the sprint, was left kicking himself.' / '“...,” the Belgian
                    # said.': the person the paragraph before was about
                    resolved = subject[1]
            if fiction and (relation := child_parent(speaker, mentions, given, segs[0][0])
                            or resolve_relation(speaker, mentions, segs[0][0])):
                resolved = relation  # "his wife" next to "Mr. Bennet": "Mrs. Bennet"
                candidates.add(segs[0][0], relation)
            elif fiction and (titled := definite_title(speaker, titles, segs[0][0])):
                resolved = titled  # "continued the Colonel": the "Colonel Hale" the chapter names
            elif speaker.lower() == "it" and out and out[-1].speaker_kind == "description" \
                    and not person_description(out[-1].resolved_speaker):
                resolved = out[-1].resolved_speaker  # "It says ..." after "the report says": the report
            elif speaker.lower() == "it" and not fiction and (
                    org := candidates.nearest_item("org", segs[0][0])) \
                    and org[0] >= blocks[max(0, first.index - 1)].start:
                # '“...,” it said' after "Acme Corp said ...": the organisation of this paragraph or the last
                resolved = org[1]
            elif speaker.lower() == "it" and not fiction and where >= 0 and (
                    at_block := where_block or (last if rule and rule.startswith("quote") else first)) and (
                    body := body_antecedent(article, at_block.text, where, at_block.start + where)):
                # rules14: "The campaign group Ore Watch called for ..., which it said ...", "Te Kura, the
                # regional authority, welcomed it. In a statement, it said ...": the body opening the sentence
                resolved = body
            if fiction and (child := child_speaker(" ".join(text[a:b] for a, b in segs), resolved, given)):
                resolved, rule = child, f"{rule}; the child who calls the parent"  # "..., Mama, ...": not Mama's
            if where >= 0 and not (fiction and resolved != speaker and kind == "description") and (
                    kind == "name" or person_description(speaker)):
                # a named speaker (or a person described: "the regional manager") is a candidate for later pronouns
                offset = (where_block or (last if rule and rule.startswith("quote") else first)).start + where
                candidates.add(offset, speaker)
            elif where < 0 and rule and rule.startswith("turn-taking") and kind == "name":
                candidates.add(first.start, speaker)  # a reply's speaker, found by turn-taking, is a "he"/"she" later
            if titled or (fiction and where < 0 and rule and rule.startswith("narration") and kind == "name"):
                candidates.add(first.start, resolved, title_gender(resolved))  # a speaker the narration named
        words = _count_in(word_starts, segs)
        out.append(Quotation(
            article=article.id, index=len(out), block=first.index, last_block=last_index,
            start=segs[0][0], end=segs[-1][1], text=" ".join(" ".join(text[s:e].split()) for s, e in segs if e > s),
            words=words, closed=raw["closed"], speaker=speaker, speaker_kind=kind, resolved_speaker=resolved,
            rule=rule, notes="; ".join(raw["notes"]), segments=segs, speaker_name=None))
        turns.push(out[-1].resolved_speaker)
        quoted_blocks.update(range(first.index, last_index + 1))
    if fiction:
        out = _fiction_turns(article, out)
    names = speaker_names(article, [q.resolved_speaker for q in out], families=fiction)
    if fiction:
        names = titled_names(article, names)
        aliases = addressed_aliases([(q.speaker, [v for v in vocatives(q.text) if " " not in v]) for q in out
                                     if q.rule and q.rule.startswith("quote")])
        names = [aliases.get(n, n) if n else n for n in names]
    out = [replace(q, speaker_name=n) for q, n in zip(out, names, strict=True)]
    return _paragraph_parts(out if fiction else _headline_quotes(article, _repeated_quotes(out, article)),
                            article, word_starts, [raw.get("parts", []) for raw in raws])


_UNDECIDED = "after a question: kept whole (a reply, or the same speaker?)"


def _paragraph_parts(quotes: list[Quotation], article: Article, word_starts: list[int],
                     breaks: list[list[int]]) -> list[Quotation]:
    """Each quotation reopened in a later paragraph as one part per paragraph (see the module docstring), every
    part with the whole quotation's speaker, rule and repairs; ``index`` numbers the parts, ``quotation`` the
    whole quotations.  ``breaks``: per quotation, the numbers of the segments that a reopening mark starts (a
    paragraph the quotation ran into with no reopening mark, a typing error, stays in its part).  A part with
    no quoted text (a reopening mark and nothing after it) is left out."""
    text = article.text
    starts = [b.start for b in article.blocks]
    out: list[Quotation] = []
    for n, (q, cuts) in enumerate(zip(quotes, breaks, strict=True)):
        bounds = [0, *cuts, len(q.segments)]
        groups: list[tuple[tuple[int, int], ...]] = []
        for i, j in zip(bounds, bounds[1:], strict=False):
            g = tuple((s, e) for s, e in q.segments[i:j] if e > s)
            if groups and g and g[0] != q.segments[i]:
                groups[-1] += g  # a reopening mark with nothing after it: the rest runs on the part before
            elif g:
                groups.append(g)
        if not cuts or _UNDECIDED in q.notes or len(groups) <= 1:
            if cuts and len(groups) == 1 and _UNDECIDED not in q.notes:
                # the other paragraphs hold only a reopening mark: one quotation, where its words are
                g = groups[0]
                q = replace(q, block=bisect.bisect_right(starts, g[0][0]) - 1,
                            last_block=bisect.bisect_right(starts, g[-1][0]) - 1, start=g[0][0], end=g[-1][1],
                            segments=g, closed=q.closed and g[-1][1] == q.end)
            out.append(replace(q, index=len(out), quotation=n))
            continue
        for k, g in enumerate(groups):
            notes = "; ".join(x for x in (q.notes, f"part {k + 1} of {len(groups)} of a quotation over paragraphs")
                              if x)
            out.append(replace(q, index=len(out), block=bisect.bisect_right(starts, g[0][0]) - 1,
                               last_block=bisect.bisect_right(starts, g[-1][0]) - 1, start=g[0][0], end=g[-1][1],
                               text=" ".join(" ".join(text[s:e].split()) for s, e in g),
                               words=_count_in(word_starts, g), notes=notes, segments=g, quotation=n, part=k,
                               parts=len(groups), closed=q.closed and g[-1][1] == q.end))  # its own closing mark
    return out


def _named_in_full(text: str, before: int, surname: str) -> bool:
    """Whether ``surname`` ends a full name ("Declan Halloran") in the 5,000 characters before ``before``.

    A one-word subject ("Halloran, the world No 4, was gracious.") is then that person, even when the full
    name was no speaker ("... to beat Declan Halloran 10-8"); the window keeps the test linear.
    """
    return re.search(rf"\b[A-Z][\w'’\-]+\s+{re.escape(surname)}\b", text[max(0, before - 5000) : before]) is not None


# "the Belgian", "the Dutchman", "the veteran": one word after "the" that may stand for a person just named
_ONE_WORD_PERSON = re.compile(r"^the\s+(?:[A-Z][a-z]+(?:ian|an|ese|ish|ch|man|woman|ard|i)|veteran|youngster|"
                              r"teenager|champion|newcomer|rookie)$")


def _previous_block(article: Article, block) -> tuple[int, int] | None:
    """``(start, end)`` of the paragraph before ``block`` (None for the first, or after a chapter heading)."""
    if block.index == 0 or is_chapter_block(article.blocks[block.index - 1]):
        return None
    prev = article.blocks[block.index - 1]
    return prev.start, prev.start + len(prev.text)


def _fiction_introduced(article: Article, text: str, first, segs, out: list[Quotation],
                        people: list[tuple[int, str]],
                        speaker: str | None, rule: str | None, where: int,
                        ) -> tuple[str | None, str | None, int, str | None]:
    """Fiction: a tag's speaker ending in a pronoun is the pronoun ("a moment's pause he" -> "he"); an
    untagged quotation the narration introduces takes its subject
    (:func:`~corpus_tools.structure.dialogue.introduced_speaker`; the last value: a pronoun's antecedent)."""
    if speaker is not None and not (rule == "SPEAKER VERB ... quote" and speaker_kind(speaker) == "description"
                                    and not person_description(speaker) and not speaker.lower().startswith(
                                        ("his ", "her ", "their ")) and not is_title_description(speaker)):
        return trailing_pronoun(speaker), rule, where, None
    # (the subject of the verb before the quotation, a description of no person, was a wrong parse: "Alarmed at
    # the sudden cry of the old man, Pike was silent a moment; then said")
    speaker, rule, antecedent = introduced_speaker(text, first.start, segs[0][0] - 1,
                                                   _previous_block(article, first),
                                                   _recent_spans(out, first.index), people)
    return speaker, rule, -1, antecedent


def _narration_block(article: Article, block, quoted_blocks: set[int]) -> tuple[int, int] | None:
    """:func:`_previous_block` when it is narration: no quotation in it (``quoted_blocks``: the blocks
    quotations reach) and no double quote mark (a paragraph ending a quotation with a closing mark and no
    opening one is the end of someone's speech, not narration)."""
    prev = _previous_block(article, block)
    if prev is None or block.index - 1 in quoted_blocks or any(
            c in article.blocks[block.index - 1].text for c in QUOTE_MARKS):
        return None
    return prev


def _narration_before(article: Article, first, qs: int, quoted_blocks: set[int]) -> tuple[int, int] | None:
    """``(start, end)`` of the narration paragraph before a quotation that opens its own paragraph."""
    return None if first.text[: max(qs - 1, 0)].strip() else _narration_block(article, first, quoted_blocks)


def _recent_spans(out: list[Quotation], block: int) -> list[tuple[int, int]]:
    """``(opening mark, end)`` of the quotations so far that reach the paragraph before ``block`` or later
    (the narration rules look no further back; walking back over every quotation was quadratic)."""
    k = len(out)
    while k and out[k - 1].last_block >= block - 1:
        k -= 1
    return [(q.start - 1, q.end) for q in out[k:]]


def _fiction_turns(article: Article, quotes: list[Quotation]) -> list[Quotation]:
    """Fiction, over the whole chapter: a group's untagged turns after narration that has the group talking
    (:func:`~corpus_tools.structure.dialogue.group_turns`), then the untagged turns before a tagged one,
    alternated back from it (:func:`~corpus_tools.structure.dialogue.alternate_backwards`)."""
    out = list(quotes)
    blocks = article.blocks
    text = article.text
    quoted_blocks = {b for q in out for b in range(q.block, q.last_block + 1)}
    opens = [q.start - 1 - blocks[q.block].start <= len(blocks[q.block].text) - len(blocks[q.block].text.lstrip())
             for q in out]
    group = None
    for i, q in enumerate(out):
        if not opens[i] or (i and out[i - 1].block == q.block):
            if group and i and out[i - 1].block == q.block and q.rule and q.rule.startswith("continues"):
                out[i] = replace(q, speaker=group, speaker_kind="description", resolved_speaker=group,
                                 rule=out[i - 1].rule)
            continue
        prev = _narration_block(article, blocks[q.block], quoted_blocks)
        follows = i and out[i - 1].last_block == q.block - 1
        if not follows and prev is not None and (q.rule is None or q.rule.startswith(("turn-taking", "narration"))):
            group = group_turns(text, prev)
        elif not (follows and group and (q.rule is None or q.rule.startswith("turn-taking"))):
            group = None
        if group:
            out[i] = replace(q, speaker=group, speaker_kind="description", resolved_speaker=group,
                             rule="a group: the narration before the turns has a group talking")
    filled = alternate_backwards([(q.block, o, q.resolved_speaker, q.rule) for q, o in zip(out, opens, strict=True)])
    for i, f in enumerate(filled):
        if f is not None:
            out[i] = replace(out[i], speaker=f[0], speaker_kind=speaker_kind(f[0]), resolved_speaker=f[0], rule=f[1])
    return out


# after a quotation in a headline: "..., says crash survivor", "... - finance minister" (no determiner, no name)
_HEADLINE_ROLE = re.compile(r"^[\s,:'’\"”]*(?:[-–—:]\s*)?(?:(?:says|said|warns|admits|claims|tells)\s+)?"
                            r"(?P<role>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,3})\s*$")


def _headline_quotes(article: Article, quotes: list[Quotation]) -> list[Quotation]:
    """An unattributed quotation in the first block followed only by a bare role ("'...', says crash
    survivor") takes the person the article introduces with that role ("Crash survivor Lena Moss said",
    :func:`~corpus_tools.structure.speakers.role_antecedent`; rule "headline quote, role named in the body")."""
    out = list(quotes)
    for i, q in enumerate(out):
        if q.block != 0 or q.speaker_name:
            continue
        block = article.blocks[0]
        m = _HEADLINE_ROLE.match(block.text[q.end - block.start:])
        name = role_antecedent(article, f"the {m.group('role')}", len(article.text)) if m else None
        if name:
            out[i] = replace(q, speaker=m.group("role"), speaker_kind="description", resolved_speaker=name,
                             speaker_name=name, rule="headline quote, role named in the body")
    return out


def _quote_words(text: str) -> str:
    return " ".join(re.findall(r"[\w'’]+", text.casefold()))


def _repeated_quotes(quotes: list[Quotation], article: Article | None = None) -> list[Quotation]:
    """An unattributed quotation whose words a later attributed one repeats (a headline quoting the body:
    "'I will never drive again', says crash survivor") takes that one's speaker (rule "repeated later").

    Three words at least, or two when the quotation is its whole block (a subheading quoting the paragraph
    under it: "'Heavy rain'"); a scare quote ("so-called") keeps no speaker."""
    out = list(quotes)
    for i, q in enumerate(out):
        words = _quote_words(q.text)
        whole = article is not None and q.block == q.last_block and not article.blocks[q.block].text.strip(
            QUOTE_MARKS + SINGLE_MARKS + " ").replace(q.text.strip(), "", 1).strip(" ,.")
        if q.speaker_name or (q.rule or "").startswith("scare quote") or len(words.split()) < (2 if whole else 3):
            continue
        later = next((p for p in out[i + 1:] if p.speaker_name and words in _quote_words(p.text)), None)
        if later is not None:
            out[i] = replace(q, speaker=later.speaker, speaker_kind=later.speaker_kind,
                             resolved_speaker=later.resolved_speaker, speaker_name=later.speaker_name,
                             rule="repeated later by an attributed quotation")
    return out


def _narrative_mentions(mentions: list[tuple[int, str]], raws: list[dict],
                        fallback: bool = True) -> list[tuple[int, str]]:
    """The mentions outside every quotation, or (with ``fallback``) all of them when there are none outside.

    "his wife" is the wife of someone the narration names, not of the "Mr. Morris" a character talks about.
    """
    segs = sorted(s for q in raws for s in q["segments"])
    seg_starts = [a for a, _ in segs]
    outside = []
    for m in mentions:
        k = bisect.bisect_right(seg_starts, m[0]) - 1
        if not (k >= 0 and m[0] < segs[k][1]):
            outside.append(m)
    return outside or (mentions if fallback else [])


def _marked_blocks(article: Article, raws: list[dict]) -> dict[int, str]:
    """Each block's text as the attribution rules read it.

    A straight ``"`` typed for an apostrophe becomes ``'`` (it must not cut
    the sentence the rules search), and the marks of single-quoted
    quotations become ``"`` (so the rules stop at them as at double quotes).
    Same length as the block text: offsets are unchanged.
    """
    starts = [b.start for b in article.blocks]
    singles: dict[int, list[int]] = {}
    for q in raws:
        for m in q.get("marks", ()):
            singles.setdefault(bisect.bisect_right(starts, m) - 1, []).append(m)
    out = {}
    for b in article.blocks:
        chars = None
        if '"' in b.text:
            chars = list(b.text)
            for i, ch in enumerate(chars):
                if ch == '"' and _is_apostrophe(b.text, i):
                    chars[i] = "'"
        for m in singles.get(b.index, ()):
            chars = chars or list(b.text)
            chars[m - b.start] = '"'
        out[b.index] = "".join(chars) if chars is not None else b.text
    return out


_LEADING_SPACE = re.compile(r"\s*")


class _Turns:
    """The resolved speakers of the quotations so far, for turn-taking, in O(1) per quotation.

    ``other(name)`` is the speaker of the latest quotation *before the last one* whose speaker is a
    name other than ``name``: the two most recent distinct named speakers of those quotations are
    enough to answer it (walking back over every quotation made a long dialogue quadratic).
    """

    def __init__(self):
        self._pending: str | None = None  # the last quotation's speaker, not yet "before the last one"
        self._seen = False
        self._recent: list[str] = []  # at most two distinct named speakers, the most recent first

    def push(self, speaker: str | None) -> None:
        if self._seen and self._pending and speaker_kind(self._pending) == "name":
            self._recent = [self._pending, *[s for s in self._recent if not same_person(s, self._pending)]][:2]
        self._pending, self._seen = speaker, True

    def other(self, name: str | None) -> str | None:
        return next((s for s in self._recent if not same_person(s, name)), None)


_VOCATIVE = re.compile(r"(?:^|[,!?;]\s*|\b(?:dear|my dear)\s+)(?P<name>(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord)\.?"
                       r"\s+[A-Z][\w'’\-]+|[A-Z][a-z]+)\s*(?=[,!?;.]|$)")


def vocatives(text: str) -> list[str]:
    """The people a quotation addresses, in order: an honorific + surname, or a given name of the
    gender lexicon, set off by punctuation ("..., Mrs. Weston, of ...", "Kitty, for Heaven's sake").

    In a dialogue the person addressed is the likeliest to answer.

    >>> vocatives("I do not know what your opinion may be, Mrs. Weston, of this")
    ['Mrs. Weston']
    >>> vocatives("Well, I think so, Harriet.")
    ['Harriet']
    """
    return [m.group("name") for m in _VOCATIVE.finditer(text) if " " in m.group("name") or _given(m.group("name"))]


@lru_cache(maxsize=4096)
def _given(word: str) -> bool:
    """Whether ``word`` is a given name of the gender lexicon of :func:`given_name_mentions`."""
    return bool(given_name_mentions(Article.from_text(word, id="word")))


def _nameless_aside(block) -> bool:
    """A short narration paragraph (at most 12 words, one sentence) with no quotation and no name: a capital
    only on its first word ("This was invitation enough.").  In a dialogue it interrupts no exchange."""
    words = block.text.split()
    return (block.kind == "paragraph" and 0 < len(words) <= 12 and not any(c in block.text for c in QUOTE_MARKS)
            and not any(w[:1].isupper() for w in words[1:]) and block.text.rstrip().endswith((".", "!", "?"))
            and not re.search(r"[.!?]\s", block.text.strip()))


def _inherited(prev: Quotation, raw: dict, block, marked: str, qs: int, fiction: bool,
               turns: _Turns, candidates: CandidateIndex,
               mentions: list[tuple[int, str]], addressed: list[str] = (),
               narration: tuple[int, int] | None = None, bridged: bool = False) -> tuple[str | None, str | None]:
    """Speaker of an unattributed quotation from the quotations before it (or None, None).

    News: a quotation in the same paragraph as the previous one, or opening
    the paragraph right after it, continues the previous speaker.  Fiction
    (the article has a chapter heading): a paragraph opening with an
    unattributed quotation, right after another speaker's, is the reply of
    the last other named speaker of the chapter, or else of the person the
    previous paragraph's quotations address (:func:`vocatives`), or else of
    the nearest other named person; one short narration paragraph naming
    nobody between the two (``bridged``: "This was invitation enough.")
    keeps them adjacent.  When the previous quotation opened a new exchange
    right after a narration paragraph (``narration``: its offsets), the other person that paragraph names comes
    before the speakers of the exchange before it (who may have left the scene).
    """
    opens_block = _LEADING_SPACE.match(marked).end() >= qs - 1  # nothing but space before the opening mark
    adjacent = prev.block == block.index or (prev.last_block == block.index - 1 and opens_block) or (
        bridged and opens_block)
    if not adjacent or prev.resolved_speaker is None:
        return None, None
    if fiction and prev.block != block.index and opens_block:
        if narration is not None and turns.other(prev.resolved_speaker) is not None:
            # (with no earlier exchange the nearest other named person below finds the same people)
            a, b = narration
            j, k = bisect.bisect_left(mentions, (a,)), bisect.bisect_left(mentions, (b,))
            named = [n for o, n in sorted(candidates.recent(b, 20) + mentions[j:k]) if a <= o < b
                     and speaker_kind(n) == "name" and not same_person(n, prev.resolved_speaker)]
            if named:
                return named[-1], "turn-taking: the other person the narration before the exchange names"
        earlier = turns.other(prev.resolved_speaker)
        if earlier is not None:
            return earlier, "turn-taking: the speaker before the previous one"
        addressed = [v for v in addressed if not same_person(v, prev.resolved_speaker)]
        if addressed:
            return addressed[-1], "turn-taking: the person the previous quotation addressed"
        j = bisect.bisect_left(mentions, (block.start,))
        recent = candidates.recent(block.start, 20)
        for _, name in reversed(sorted(recent + mentions[max(0, j - 20) : j])):
            if not same_person(name, prev.resolved_speaker) and speaker_kind(name) == "name":
                return name, "turn-taking: the nearest other named person"
        return None, None
    return prev.resolved_speaker, "continues the previous quotation's speaker"


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
    return list(zip(word_starts, quoted_flags(quotes, word_starts).tolist(), strict=True))


def quoted_flags(quotes: list[Quotation], word_starts: list[int]) -> np.ndarray:
    """Whether each word token (by its start offset) lies inside one of ``quotes``: :func:`quoted_word_mask`'s flags.

    A token is inside when its start is in the last segment starting at or
    before it (a binary search per token, done by numpy for all at once).

    >>> q = find_quotations(Article.from_text('He said “yes” twice.', id="x"))
    >>> quoted_flags(q, [0, 3, 9, 14]).tolist()
    [False, False, True, False]
    """
    segs = sorted(s for q in quotes for s in q.segments)
    starts = np.asarray(word_starts, dtype=np.int64)
    if not segs:
        return np.zeros(len(starts), dtype=bool)
    seg_starts = np.array([a for a, _ in segs], dtype=np.int64)
    seg_ends = np.array([b for _, b in segs], dtype=np.int64)
    i = np.searchsorted(seg_starts, starts, side="right") - 1
    return (i >= 0) & (starts < seg_ends[np.maximum(i, 0)])


QUOTATION_COLUMNS = ["article", "quote", "block", "last_block", "start", "end", "text", "words", "closed",
                     "speaker", "speaker_kind", "resolved_speaker", "rule", "notes", "speaker_name",
                     "quotation", "part", "parts"]


def quotation_table(data) -> pd.DataFrame:
    """All quotations as a table, one row each, articles in corpus order, then text order.

    Columns: :data:`QUOTATION_COLUMNS`.  ``quote`` numbers the quotations of
    an article from 0; ``block``/``last_block`` are the first and last
    block; ``start``/``end`` are offsets into :attr:`Article.text` of the
    quoted text (marks excluded); ``words`` counts its word tokens;
    ``closed`` is False for an unterminated quotation; ``rule`` names the
    attribution rule that found the speaker; ``notes`` lists repairs;
    ``speaker_name`` is the resolved speaker with the article's name variants
    merged (the column to count people by).  A quotation over several
    paragraphs is one row per paragraph (``block`` = ``last_block``):
    ``quotation`` numbers the whole quotations of the article (its parts share
    it), ``part`` numbers the parts from 0 and ``parts`` counts them (1 for a
    quotation in one paragraph); every part carries the whole quotation's
    speaker and rule, ``notes`` says "part k of n ...", and ``closed`` is
    False for every part but the last (no closing mark ends them).

    >>> df = quotation_table(Article.from_text('“Yes,” he said.', id="x"))
    >>> df[["text", "speaker", "speaker_kind"]].values.tolist()
    [['Yes,', 'he', 'pronoun']]
    """
    rows = [(q.article, q.index, q.block, q.last_block, q.start, q.end, q.text, q.words, q.closed, q.speaker,
             q.speaker_kind, q.resolved_speaker, q.rule, q.notes, q.speaker_name, q.quotation, q.part, q.parts)
            for a in as_articles(data) for q in find_quotations(a)]
    df = pd.DataFrame(rows, columns=QUOTATION_COLUMNS)
    return df.astype({"quote": "int64", "block": "int64", "last_block": "int64", "start": "int64",
                      "end": "int64", "words": "int64", "closed": "bool", "quotation": "int64", "part": "int64",
                      "parts": "int64"})


def quotation_summary_table(data) -> pd.DataFrame:
    """Per article: ``quotations``, ``words``, ``quoted_words``, ``quoted_share``, ``speakers``, ``unattributed``.

    ``words`` counts the article's word tokens (headings included);
    ``quoted_share`` = quoted_words / words (NaN for an empty article);
    ``speakers`` is the number of distinct resolved speakers.  ``quotations`` and
    ``unattributed`` count whole quotations: a quotation over paragraphs, one row
    per part in :func:`quotation_table`, counts once.  Corpus order.

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
        rows.append((a.id, sum(q.part == 0 for q in quotes), len(mask), quoted,
                     quoted / len(mask) if mask else float("nan"), len(speakers),
                     sum(q.speaker is None and q.part == 0 for q in quotes)))
    return pd.DataFrame(rows, columns=["article", "quotations", "words", "quoted_words", "quoted_share",
                                       "speakers", "unattributed"])


def speaker_table(data, *, resolved: bool = True, by_article: bool = True) -> pd.DataFrame:
    """Speakers with their number of quotations and quoted words.

    Rows: articles in corpus order, then ``quotations`` descending, then
    ``speaker`` ascending.  Unattributed quotations are left out (see
    :func:`quotation_summary_table`).  With ``resolved=False`` pronouns are
    counted as written.  ``quotations`` counts whole quotations (a quotation
    over paragraphs once, not once per part); ``quoted_words`` sums all parts.

    With ``by_article=False``: one row per person of the whole corpus, the
    speakers counted by ``speaker_name`` (name variants merged in each
    article, :func:`corpus_tools.structure.speakers.speaker_names`), then
    merged across articles by
    :func:`corpus_tools.structure.speakers.corpus_speaker_names` ("Lewis"
    in one story and "Michael Lewis" in another are one person when no
    other full name of the corpus ends in "Lewis"; an ambiguous surname is
    not merged).  Columns ``speaker``, ``speaker_kind``, ``quotations``,
    ``quoted_words``, ``articles`` (how many articles quote them) and
    ``variants`` (the resolved speakers merged into the row, ``"; "``-joined,
    sorted); rows by ``quotations`` descending, then ``speaker``.

    >>> a = Article.from_text('“Yes,” Ann said. “No,” Bob said. “Go,” Ann said.', id="x")
    >>> speaker_table(a)[["speaker", "quotations"]].values.tolist()
    [['Ann', 2], ['Bob', 1]]
    >>> b = Article.from_text('Analyst Ann Lee spoke. “Up,” Lee said.', id="y")
    >>> speaker_table([a, b], by_article=False)[["speaker", "quotations", "articles", "variants"]].values.tolist()
    [['Ann Lee', 3, 2, 'Ann; Lee'], ['Bob', 1, 1, 'Bob']]
    """
    if not by_article:
        return _corpus_speaker_table(data)
    rows = []
    for order, a in enumerate(as_articles(data)):
        quotes = find_quotations(a)
        counts: Counter = Counter()
        words: Counter = Counter()
        for q in quotes:
            who = q.resolved_speaker if resolved else q.speaker
            if who:
                counts[who] += q.part == 0
                words[who] += q.words
        rows.extend((order, a.id, s, c, words[s]) for s, c in counts.items())
    df = pd.DataFrame(rows, columns=["_order", "article", "speaker", "quotations", "quoted_words"])
    df = df.sort_values(["_order", "quotations", "speaker"], ascending=[True, False, True], kind="mergesort")
    return df.drop(columns="_order").reset_index(drop=True).astype({"quotations": "int64", "quoted_words": "int64"})


CORPUS_SPEAKER_COLUMNS = ["speaker", "speaker_kind", "quotations", "quoted_words", "articles", "variants"]


def _corpus_speaker_table(data) -> pd.DataFrame:
    """:func:`speaker_table` with ``by_article=False``."""
    quotes = [q for a in as_articles(data) for q in find_quotations(a) if q.speaker_name]
    merged = corpus_speaker_names([q.speaker_name for q in quotes])
    counts: Counter = Counter()
    words: Counter = Counter()
    articles: dict[str, set[str]] = {}
    variants: dict[str, set[str]] = {}
    for q, who in zip(quotes, merged, strict=True):
        counts[who] += q.part == 0
        words[who] += q.words
        articles.setdefault(who, set()).add(q.article)
        variants.setdefault(who, set()).add(q.resolved_speaker)
    rows = sorted(((s, speaker_kind(s), c, words[s], len(articles[s]), "; ".join(sorted(variants[s])))
                   for s, c in counts.items()), key=lambda r: (-r[2], r[0]))
    return pd.DataFrame(rows, columns=CORPUS_SPEAKER_COLUMNS).astype(
        {"quotations": "int64", "quoted_words": "int64", "articles": "int64"})
