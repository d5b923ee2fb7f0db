"""Who speaks in a novel's dialogue: the rules used only for fiction (an article with a chapter heading).

A novel tags few of its turns.  It introduces a speech with narration
("The Colonel closed the matter by exclaiming--", "..., and adding, “...”"), lets
two people alternate untagged, names its people by a title and a surname
("Captain Whitcombe", later "the Captain"), and sometimes gives a run of
turns to a group ("the ladies of the house began talking of him").  News
does none of this, so these rules never run on news;
:func:`corpus_tools.structure.quotations.find_quotations` calls them when the
article has a chapter heading, and the ``rule`` column of every quotation
says which of them decided (the rule names below, in quotes).

* :func:`title_mentions`: every "Title Surname" of the text ("Lady Tressel",
  "Admiral Penn", "Mr Vernon", "Miss Vernon") with the gender its title
  gives; the narration's mentions are antecedents for "he"/"she" and the
  other persons of turn-taking, as given names are.
* :func:`definite_title`: "the Colonel" is the person the chapter names
  "Colonel ..." (the nearest before, else the first after).
* :func:`trailing_pronoun`: "After a moment's pause he said:" gives "he",
  not "a moment's pause he".
* :func:`introduced_speaker`: a quotation with no tag, introduced by the
  narration of its own sentence ("..., and adding, “...”": rule "narration
  SPEAKER ..., quote (the sentence introduces it)") or by a narration
  paragraph ending in a dash or a colon ("...by exclaiming--" then the
  quotation's paragraph: rule "narration SPEAKER ...-- (the paragraph before
  introduces the quotation)"): the subject of the last clause that names a
  person (a pronoun, a title + surname, a given name, "the Colonel").
* :func:`narration_speaker`: a quotation opening the paragraph after a
  narration paragraph, or following a whole narration sentence of its own
  paragraph, with no other rule to decide: the subject of that narration's
  last sentence (rule "narration SPEAKER ... . quote (the narration before
  names the speaker)").  Weaker than the two above; used last.
* :func:`alternate_backwards`: a run of untagged turns in consecutive
  paragraphs that ends in a tagged turn alternates back from it: the turn
  before the tagged one is the other person's, the one before that the
  tagged speaker's, and so on (rule "turn-taking backwards from a tagged
  turn").  The other person is the last other speaker before the run.  An
  untagged stretch inside a run, after an attributed turn, alternates back
  from the tagged turn that ends it when the attributed turn falls on the
  other person's side ("her first address was, “...”" then untagged turns
  up to "cried Catherine").
* :func:`group_turns`: the untagged turns right after a narration paragraph
  whose last sentence has a group of people talking ("the ladies ... began
  talking", "the two girls whispered") are the group's (rule "a group: the
  narration before the turns has a group talking").
* :func:`titled_names`: a surname merged from "Captain Whitcombe" is
  written as the chapter writes it most, with its title or without
  ("Captain Whitcombe"; "Quin" where "Captain Quin" is rarer).
* :func:`tag_name_mentions`: a one-word name a tag gives ("said Quin") that
  no lexicon knows makes its narration mentions antecedents.
* :func:`subject_antecedent`: a narration "he"/"she" is the subject the
  narration goes on with, not the nearest name ("Mr. Gray was the first to
  call on Mr. Lee. He had meant to ..."); used for the subjects the rules
  above find and for a tag's "said she" opening the paragraph after
  narration.  :func:`narration_other`: the other person of an exchange is
  the subject of the narration before it (rule "turn-taking: the other
  person, the subject of the narration before").
* :func:`is_title_description`: "the Colonel" is a person; another
  description of no person taken as the subject before the verb ("the
  sudden cry of the old man") is no speaker, and the introducing
  narration decides.
* Family: :func:`child_parent` ("her mother" is the "Mrs." of the daughter
  the chapter names in full), :func:`child_speaker` (a quotation calling
  "Mama" is the child's, not the mother's: rule "...; the child who calls
  the parent"), :func:`addressed_aliases` ("'..., Harriet,' said Mrs.
  Ford ... to Miss Orme": one person, written with the given name).

Every rule is a pattern of dialogue writing, tested on passages written for
``tests/structure/test_dialogue.py``; no name or word of a test chapter is
in this module.
"""

from __future__ import annotations

import bisect
import re

from corpus_tools.model.corpus import Article
from corpus_tools.structure.speakers import REPORTING_VERBS, resolve_speaker, same_person, speaker_kind

__all__ = ["FICTION_TITLES", "addressed_aliases", "alternate_backwards", "child_parent", "child_speaker",
           "definite_title", "group_turns", "introduced_speaker", "is_title_description", "narration_other",
           "narration_speaker", "narration_subject", "subject_antecedent", "tag_name_mentions", "title_gender",
           "title_mentions", "titled_names", "trailing_pronoun"]

#: the titles a novel writes before a surname, with the gender each gives (None: either)
FICTION_TITLES: dict[str, str | None] = {
    "Mr": "m", "Sir": "m", "Lord": "m", "Captain": "m", "Admiral": "m", "Colonel": "m", "Major": "m",
    "General": "m", "Lieutenant": "m", "Mrs": "f", "Miss": "f", "Ms": "f", "Lady": "f", "Dame": "f",
    "Dr": None, "Doctor": None}
_TITLE_RUN = "|".join(FICTION_TITLES)
_TITLED = re.compile(rf"\b(?P<title>{_TITLE_RUN})(?P<dot>\.?)\s+(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![a-z])")
_DEFINITE_TITLE = re.compile(rf"\b[Tt]he\s+(?P<title>{_TITLE_RUN})\b(?!\s+[A-Z])")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
# where a clause ends: a semicolon, a colon, a dash, or "and"/"but" (after a comma or not)
_CLAUSE_BREAK = re.compile(r";|:|--|—|,?\s+(?:and|but)\s+")
# a sentence end ("Mr. Gray" is none)
_SENTENCE_BREAK = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?][\"”’)]*\s+(?=[\"“A-Z_])")


def title_gender(name: str) -> str | None:
    """``"m"``, ``"f"`` or None: the gender the title of a "Title Surname" gives ("Lady Tressel": "f").

    >>> title_gender("Captain Whitcombe"), title_gender("Mrs. Lane"), title_gender("Dr Ross"), title_gender("Ann")
    ('m', 'f', None, None)
    """
    return FICTION_TITLES.get(name.split()[0].rstrip("."))


def title_mentions(article: Article) -> list[tuple[int, str]]:
    """``(offset, "Title Surname")`` of every title + surname in the article, in text order.

    The title is written as the text writes it ("Mr. Vernon", "Mr Vernon"); a possessive "'s" is left
    out ("Lady Tressel's patience" gives "Lady Tressel").

    >>> title_mentions(Article.from_text("Lady Tressel's eye met Captain Whitcombe and Mr. Vernon.", id="x"))
    [(0, 'Lady Tressel'), (23, 'Captain Whitcombe'), (45, 'Mr. Vernon')]
    """
    return [(b.start + m.start(), f"{m.group('title')}{m.group('dot')} {m.group('name')}")
            for b in article.blocks for m in _TITLED.finditer(b.text)]


_VERBS = "|".join(sorted(REPORTING_VERBS, key=lambda v: (-len(v), v)))
_TAG_NAME = re.compile(rf"\b(?:{_VERBS})\s+(?P<after>[A-Z][a-z]+)\b(?!\s+[A-Z])|"
                       rf"(?<![\w'’.])(?P<before>[A-Z][a-z]+)\s+(?:{_VERBS})\b")


_NOT_NAMES = {"he", "she", "it", "they", "i", "we", "you"}


def tag_name_mentions(article: Article) -> list[tuple[int, str]]:
    """``(offset, name)`` of every mention of a one-word name that a tag of the chapter gives a speaker
    ("said Quin", "Pike replied"), for names neither the given-name lexicon nor a title finds.

    A novel's tags name its people; the narration's other mentions of those names ("It was so with
    Quin; ... he seemed") are then antecedents too.  A word the text also writes in lower case
    ("Then said he": "then") is no name, nor a title.

    >>> a = Article.from_text('It was so with Quin. Then he slept.\\n\\n"No," said Quin.', id="x")
    >>> tag_name_mentions(a)
    [(15, 'Quin'), (48, 'Quin')]
    """
    text = article.text
    names = {m.group("after") or m.group("before") for m in _TAG_NAME.finditer(text)}
    names = {n for n in names if n not in FICTION_TITLES and n.lower() not in _NOT_NAMES
             and not re.search(rf"\b{n.lower()}\b", text)}
    if not names:
        return []
    rx = re.compile(rf"(?<![\w'’])(?:{'|'.join(sorted(names))})(?![\w])")
    return [(b.start + m.start(), m.group()) for b in article.blocks for m in rx.finditer(b.text)
            if not re.search(rf"\b(?:{_TITLE_RUN})\.?\s+$", b.text[max(0, m.start() - 12):m.start()])]


def definite_title(speaker: str, mentions: list[tuple[int, str]], before: int) -> str | None:
    """The person "the Colonel" stands for: the nearest "Colonel ..." of ``mentions`` before offset
    ``before``, else the first after it; None when ``speaker`` is no "the" + title or none is named.

    >>> definite_title("the Colonel", [(0, "Colonel Hale"), (9, "Captain Orme")], 50)
    'Colonel Hale'
    >>> definite_title("the Colonel", [(90, "Colonel Hale")], 50), definite_title("the man", [], 5)
    ('Colonel Hale', None)
    """
    m = re.fullmatch(rf"[Tt]he\s+(?P<title>{_TITLE_RUN})", speaker.strip())
    if m is None:
        return None
    same = [(o, n) for o, n in mentions if n.split()[0].rstrip(".") == m.group("title")]
    earlier = [n for o, n in same if o < before]
    later = [n for o, n in same if o >= before]
    return earlier[-1] if earlier else (later[0] if later else None)


def is_title_description(speaker: str) -> bool:
    """Whether ``speaker`` is "the" + a title ("the Colonel", "the Major": a person the chapter names).

    >>> is_title_description("the Colonel"), is_title_description("the sudden")
    (True, False)
    """
    return re.fullmatch(rf"[Tt]he\s+(?:{_TITLE_RUN})", speaker.strip()) is not None


def trailing_pronoun(speaker: str) -> str:
    """A description ending in "he"/"she" ("a moment's pause he", from "After a moment's pause he said:") is
    the pronoun; anything else is returned as it is.

    >>> trailing_pronoun("a moment's pause he"), trailing_pronoun("his wife")
    ('he', 'his wife')
    """
    words = speaker.split()
    if len(words) > 1 and words[-1].lower() in ("he", "she") and all(not w[:1].isupper() for w in words[:-1]):
        return words[-1].lower()
    return speaker


# a clause that opens with a subordinating conjunction ("before he had read ..., she ...")
_SUBORDINATOR = re.compile(r"[\s,]*(?:[Bb]efore|[Aa]fter|[Ww]hen|[Ww]hile|[Aa]s soon as|[Aa]s|[Ss]ince|[Uu]ntil|"
                           r"[Tt]ill|[Tt]hough|[Aa]lthough|[Ii]f|[Bb]ecause|[Oo]nce|[Ww]henever)\s")


def narration_subject(text: str, start: int, end: int,
                      people: list[tuple[int, str]]) -> tuple[str, int] | None:
    """``(person as written, offset)``: the first person named in the last clause of ``text[start:end]``
    that names one, or None.

    A person is a "he"/"she", a "the" + title ("the Colonel"), or one of ``people`` (sorted
    ``(offset, name)`` of the article: given names, titles + surnames) inside the range.  Clauses end
    at a semicolon, a colon, a dash, or "and"/"but": "Nora, amused, was at a loss, and the Colonel,
    fearing ..., went on, saying--" gives "the Colonel", the subject of the verb that
    introduces the speech.

    >>> t = "Nora was silent, and the Colonel, fearing he had not been kind, went on again, saying--"
    >>> narration_subject(t, 0, len(t), [(0, "Nora")])
    ('the Colonel', 21)
    """
    found = [(o, n) for o, n in people[bisect.bisect_left(people, (start,)):bisect.bisect_left(people, (end,))]]
    segment = text[start:end]
    found += [(start + m.start(), m.group()) for m in _PRONOUN.finditer(segment)]
    found += [(start + m.start(), f"the {m.group('title')}") for m in _DEFINITE_TITLE.finditer(segment)]
    if not found:
        return None
    found.sort()
    cuts = [start] + [start + m.end() for m in _CLAUSE_BREAK.finditer(segment) if m.end() < len(segment)] + [end]
    for a, b in reversed(list(zip(cuts, cuts[1:], strict=False))):
        inside = [(o, n) for o, n in found if a <= o < b]
        if inside and _SUBORDINATOR.match(text, a):
            # "before he had ... read three pages, she interrupted him with:": the clause opens with a
            # subordinate clause; the subject is the first person after the comma that ends it
            for c in reversed([a + m.start() for m in re.finditer(",", text[a:b])]):
                after = [(o, n) for o, n in inside if o > c]
                if after:
                    inside = after
                    break
        if inside:
            o, n = inside[0]
            return (n.lower() if n.lower() in ("he", "she") else n), o
    return None


def subject_antecedent(text: str, paragraph_start: int, offset: int, pronoun: str,
                       people: list[tuple[int, str]]) -> str | None:
    """The person a narration "he"/"she" at ``offset`` stands for: the subject of its sentence, or of the
    nearest sentence before it in the paragraph, whose first person named is a name of that gender.

    Narration keeps its subject from sentence to sentence ("Mr. Gray was among the first to call
    on Mr. Lee. He had always meant to; ... he addressed her with:"): the subject, not the nearest
    name (here "Mr. Lee"), is the "he".  None when no sentence of the paragraph opens with such a
    name (then the nearest candidate decides, as for a tag's pronoun).

    >>> t = "Mr. Gray was the first to call on Mr. Lee. He had meant to. Then he spoke:"
    >>> subject_antecedent(t, 0, t.index("he spoke"), "he", [(0, "Mr. Gray"), (33, "Mr. Lee")])
    'Mr. Gray'
    """
    want = {"he": "m", "she": "f"}[pronoun.lower()]

    def fits(name: str) -> bool:
        gender = title_gender(name)
        return gender == want if gender is not None else resolve_speaker(pronoun.lower(), [(0, name)], 1) == name

    starts = [paragraph_start] + [paragraph_start + m.end()
                                  for m in _SENTENCE_BREAK.finditer(text[paragraph_start:offset])]
    for a, b in zip(reversed(starts), [offset, *reversed(starts[1:])], strict=False):
        names = [(o, n) for o, n in people[bisect.bisect_left(people, (a,)):bisect.bisect_left(people, (b,))]]
        pronouns = [(a + m.start(), m.group()) for m in _PRONOUN.finditer(text[a:b])]
        first = min(names + pronouns, default=None)
        if first is None:
            continue
        if first in pronouns:
            continue  # a pronoun: the subject goes on from the sentence before
        if fits(first[1]):
            return first[1]
        # the sentence's subject is someone else ("Mr. Hale had hoped to please Mrs. Lee. She was not
        # pleased"): the "she" that opens the next sentence is the latest fitting name of this one
        fitting = [n for _, n in names if fits(n)]
        return fitting[-1] if fitting else None
    return None


def _last_sentence_start(text: str, start: int, end: int) -> int:
    breaks = [start + m.end() for m in _SENTENCE_BREAK.finditer(text[start:end])]
    return breaks[-1] if breaks else start


def introduced_speaker(text: str, block_start: int, quote_start: int, previous_block: tuple[int, int] | None,
                       quoted: list[tuple[int, int]], people: list[tuple[int, str]],
                       ) -> tuple[str | None, str | None, str | None]:
    """``(speaker as written, rule, antecedent)`` of a quotation the narration introduces, or Nones.

    ``antecedent``: the person a "he"/"she" subject stands for (:func:`subject_antecedent`), else None.

    ``quote_start``: the offset of the quotation's opening mark in ``text`` (the article's);
    ``previous_block``: ``(start, end)`` of the paragraph before the quotation's; ``quoted``: the
    ``(start, end)`` of the quotations so far (narration is the text outside them).  Two cases:
    the quotation's sentence began in narration before its opening mark ("She was obliged to him,
    but declined it, adding, “...”"), or the quotation opens its paragraph and the paragraph
    before ends, in narration, with a dash or a colon ("The Colonel closed the matter by exclaiming--").

    >>> t = "Chapter 1\\n\\nShe smiled, and the Captain said, adding, \\"No.\\""
    >>> introduced_speaker(t, 11, t.index('"'), None, [], [])
    ('the Captain', 'narration SPEAKER ..., quote (the sentence introduces it)', None)
    """
    last_quote_end = max((e for s, e in quoted if e <= quote_start), default=block_start - 1)
    sentence = _last_sentence_start(text, block_start, quote_start)
    before = text[sentence:quote_start]
    # (a quotation ending in the sentence makes the text before this one its tag: '"Yes," said Tom, "..."')
    if before.strip() and last_quote_end < sentence and not re.search(r"[.!?][\"”’)]*\s*$", before):
        subject = narration_subject(text, sentence, quote_start, people)
        if subject:
            return (subject[0], "narration SPEAKER ..., quote (the sentence introduces it)",
                    _antecedent(text, block_start, subject, people))
    if previous_block is not None and not text[block_start:quote_start].strip():
        a, b = previous_block
        tail = text[a:b].rstrip()
        covered = any(s <= a + len(tail) - 1 <= e for s, e in quoted)
        if re.search(r"(?:--|—|:)$", tail) and not covered:
            subject = narration_subject(text, _last_sentence_start(text, a, a + len(tail)), a + len(tail), people)
            if subject:
                return (subject[0], "narration SPEAKER ...-- (the paragraph before introduces the quotation)",
                        _antecedent(text, a, subject, people))
    return None, None, None


def _antecedent(text: str, paragraph_start: int, subject: tuple[str, int], people: list[tuple[int, str]]) -> str | None:
    if subject[0] not in ("he", "she"):
        return None
    return subject_antecedent(text, paragraph_start, subject[1], subject[0], people)


def narration_speaker(text: str, block_start: int, quote_start: int, previous_block: tuple[int, int] | None,
                      quoted: list[tuple[int, int]], people: list[tuple[int, str]],
                      ) -> tuple[str | None, str | None, str | None]:
    """``(speaker as written, rule, antecedent)`` from the narration right before an untagged quotation, or Nones
    (``antecedent`` as for :func:`introduced_speaker`).

    The quotation opens its paragraph after a narration paragraph with no quotation ("Mrs. X kept
    her temper for a minute, then turned on the maid." then "“Do not rattle the cups so!”"): the
    subject of the last clause naming a person in the narration's last sentence.  A quotation after
    a whole narration sentence of its own paragraph is not given one: there novels put a
    character's thought or reported speech in quote marks ("... she had not slept. “Would the
    night never end?”"), whose speaker the subject before does not tell (0 of 5 such
    quotations of the annotated chapters had the sentence's subject as their speaker).

    >>> t = "Chapter 1\\n\\nMr. Gray made no reply, but he began to scold.\\n\\n\\"Stop it!\\""
    >>> narration_speaker(t, t.index('"'), t.index('"'), (11, 55), [], [(11, "Mr. Gray")])
    ('he', 'narration SPEAKER ... . quote (the narration before names the speaker)', 'Mr. Gray')
    """
    rule = "narration SPEAKER ... . quote (the narration before names the speaker)"
    if text[block_start:quote_start].strip():
        return None, None, None  # not the paragraph's opening: a thought or reported speech, or a tag's business
    if previous_block is None:
        return None, None, None
    a, b = previous_block
    if any(s < b and e > a for s, e in quoted):
        return None, None, None  # the paragraph before has a quotation: turn-taking decides, not this rule
    tail = text[a:b].rstrip()
    subject = narration_subject(text, _last_sentence_start(text, a, a + len(tail)), a + len(tail), people)
    return (subject[0], rule, _antecedent(text, a, subject, people)) if subject else (None, None, None)


def narration_other(text: str, narration: tuple[int, int], speaker: str | None,
                    people: list[tuple[int, str]]) -> str | None:
    """The other person of an exchange the narration paragraph ``narration`` opens: the named subject of its
    last sentence ("She went to Mr. Hart about it" after "When Lucy heard of it": Lucy), when it
    is not ``speaker`` (the person who spoke first); else None.

    >>> t = "When Ann knew this, she spoke to Mr. Gray about Miss Lee."
    >>> narration_other(t, (0, len(t)), "Mr. Gray", [(5, "Ann"), (33, "Mr. Gray"), (48, "Miss Lee")])
    'Ann'
    """
    a, b = narration
    tail = text[a:b].rstrip()
    subject = narration_subject(text, _last_sentence_start(text, a, a + len(tail)), a + len(tail), people)
    if subject is None:
        return None
    name = _antecedent(text, a, subject, people) or (subject[0] if subject[0] not in ("he", "she") else None)
    if name is None or speaker_kind(name) != "name" or same_person(name, speaker):
        return None
    return name


_TAGGED = ("turn-taking", "continues", "narration", "a group")


def _tagged(rule: str | None) -> bool:
    return rule is not None and not rule.startswith(_TAGGED)


def alternate_backwards(turns: list[tuple[int, bool, str | None, str | None]]) -> list[tuple[str, str] | None]:
    """Speakers for the untagged turns before a tagged one, alternating back from it.

    ``turns``: per quotation, ``(block, opens its block, resolved speaker, rule)`` in text order.
    A run is a sequence of quotations each opening the paragraph right after the previous one's.
    Inside a run, the unattributed turns before its first tagged turn (one a tag decided, not
    turn-taking) alternate: the tagged speaker, the other person, the tagged speaker ... counted
    back from it.  The other person is the last named speaker before the run who is not the
    tagged one.  Returns, per quotation, ``(speaker, rule)`` to set, or None.

    >>> turns = [(0, True, "Ann", "quote, VERB SPEAKER"), (1, True, "Bo", "quote, VERB SPEAKER"),
    ...          (3, True, None, None), (4, True, None, None), (5, True, "Ann", "quote, VERB SPEAKER")]
    >>> [s and s[0] for s in alternate_backwards(turns)]
    [None, None, 'Ann', 'Bo', None]
    """
    out: list[tuple[str, str] | None] = [None] * len(turns)
    rule = "turn-taking backwards from a tagged turn"
    recent: list[str] = []  # the two most recent distinct named speakers before turn i, the latest first
    done = 0
    i = 0
    while i < len(turns):
        for t in turns[done:i]:
            if t[2] and speaker_kind(t[2]) == "name":
                recent = [t[2], *[r for r in recent if not same_person(r, t[2])]][:2]
        done = i
        j = i  # the run of block-opening quotations in consecutive paragraphs starting at i
        while j + 1 < len(turns) and turns[j + 1][1] and turns[j + 1][0] == turns[j][0] + 1:
            j += 1
        while j + 1 < len(turns) and turns[j + 1][0] == turns[j][0]:
            j += 1  # (a quotation later in the last paragraph belongs to the run too)
        run = [k for k in range(i, j + 1) if k == i or turns[k][0] != turns[k - 1][0]]  # one per paragraph
        anchor = next((p for p, k in enumerate(run) if turns[k][2] is not None), None)
        if anchor and _tagged(turns[run[anchor]][3]) and all(turns[k][2] is None for k in run[:anchor]):
            tagged = turns[run[anchor]][2]
            other = next((r for r in recent if not same_person(r, tagged)), None)
            if other is not None and speaker_kind(tagged) == "name":  # (an unresolved "she" alternates nothing)
                _alternate(turns, out, run, 0, anchor, tagged, other, rule)
        if anchor is not None:
            # An untagged stretch after an attributed turn ("her first address was, “...”" ending the narration
            # paragraph) up to a tagged turn alternates back from the tagged turn too, when the attributed turn
            # before it falls on its right side of the alternation: a novel's long two-person exchange tags a
            # turn now and then, and the person of the first tag is the other one.
            for p in range(max(anchor, 1), len(run)):
                k = run[p]
                if turns[k][2] is not None or turns[run[p - 1]][2] is None:
                    continue
                end = next((e for e in range(p, len(run)) if turns[run[e]][2] is not None), None)
                if end is None or end == p or not _tagged(turns[run[end]][3]):
                    continue
                tagged, before = turns[run[end]][2], turns[run[p - 1]][2]
                if speaker_kind(tagged) != "name" or speaker_kind(before) != "name":
                    continue
                if (end - p + 1) % 2 == 1 and not same_person(before, tagged):
                    _alternate(turns, out, run, p, end, tagged, before, rule)
        i = j + 1
    return out


def _alternate(turns: list[tuple[int, bool, str | None, str | None]], out: list[tuple[str, str] | None],
               run: list[int], first: int, anchor: int, tagged: str, other: str, rule: str) -> None:
    """Sets the untagged quotations of paragraphs ``run[first:anchor]``: ``tagged`` on even distances from the
    anchor, ``other`` on odd ones."""
    for p in range(first, anchor):
        k = run[p]
        speaker = tagged if (anchor - p) % 2 == 0 else other
        for q in range(k, len(turns)):  # the paragraph's untagged quotations
            if turns[q][0] != turns[k][0] or turns[q][2] is not None:
                break
            out[q] = (speaker, rule)


# a group of people as the subject of a verb of talk: "the ladies of the house began talking", "the two girls
# whispered" (an "of" phrase and an adverb may come between)
_GROUP_TALKING = re.compile(
    r"\b(?:[Tt]he|[Tt]heir|[Tt]wo|[Tt]hree|[Bb]oth|[Aa]ll)\s+(?:(?:two|three|other|young|old|little)\s+)?"
    r"(?P<group>ladies|gentlemen|girls|boys|sisters|brothers|women|men|children|others|friends|visitors|"
    r"travellers|officers|sailors|servants)(?:\s+of\s+[\w'’]+(?:\s+[\w'’]+){0,3})?\s+(?:\w+ly\s+)?"
    r"(?:began|talk|talked|spoke|said|exclaimed|whispered|conversed|discussed|chattered|asked|cried|went on)\b")


def group_turns(text: str, narration: tuple[int, int]) -> str | None:
    """The group a narration paragraph has talking ("the ladies of the house began talking of him":
    "the ladies"), when its last sentence names a group of people and a verb of talk; else None.

    >>> group_turns("Then the ladies of the house began talking of him.", (0, 48))
    'the ladies'
    >>> group_turns("The ladies walked home.", (0, 23)) is None
    True
    """
    a, b = narration
    tail = text[a:b].rstrip()
    last = tail[_last_sentence_start(tail, 0, len(tail)):]
    m = _GROUP_TALKING.search(last)
    return f"the {m.group('group')}" if m else None


_BARE_TITLES = ("Captain", "Admiral", "Colonel", "Major", "General", "Lieutenant", "Dr", "Doctor")


def titled_names(article: Article, names: list[str | None]) -> list[str | None]:
    """Fiction: a surname the chapter writes with one title ("Captain Whitcombe"), and the title + surname,
    as the variant the chapter writes more often (a tie: with the title).

    The name rules drop a title such as "Captain" (news writes "Captain Paul Coutts" and means
    Paul Coutts); a novel names a man "Captain Whitcombe" and, as often, "Quin" for "Captain Quin".

    >>> a = Article.from_text("Chapter 1\\n\\nCaptain Whitcombe came. Whitcombe sat. Captain Whitcombe rose.", id="x")
    >>> titled_names(a, ["Whitcombe", "Captain Whitcombe", None, "Nora"])
    ['Captain Whitcombe', 'Captain Whitcombe', None, 'Nora']
    """
    text = article.text
    out = []
    cache: dict[str, str | None] = {}
    for name in names:
        words = name.split() if name else []
        if not words or speaker_kind(name) != "name" or len(words) > 2 or (
                len(words) == 2 and words[0].rstrip(".") not in _BARE_TITLES):
            out.append(name)
            continue
        surname = words[-1]
        if surname not in cache:
            written = [m.group(1) for m in re.finditer(
                rf"\b((?:{'|'.join(_BARE_TITLES)})\.?)\s+{re.escape(surname)}\b", text)]
            titles = {w.rstrip(".") for w in written}
            cache[surname] = None
            if len(titles) == 1:
                title = max(set(written), key=lambda w: (written.count(w), w))  # as the text writes it most
                titled = len(written)
                # a bare mention: no capitalised word (a title, an honorific, a given name) right before it
                bare = sum(not re.search(r"[A-Z][a-z]*\.?\s+$", text[max(0, m.start() - 20):m.start()])
                           for m in re.finditer(rf"\b{re.escape(surname)}\b", text))
                cache[surname] = f"{title} {surname}" if titled >= bare else surname  # ("Dr. Watson" keeps its dot)
        out.append(cache[surname] or name)
    return out


_TO_TITLED = re.compile(rf"\bto\s+(?P<name>(?:{_TITLE_RUN})\.?\s+[A-Z][a-z]+)\s*$")


def addressed_aliases(tags: list[tuple[str | None, list[str]]]) -> dict[str, str]:
    """Title + surname -> given name, where a tag says whom a quotation addresses by both names.

    ``tags``: per quotation, ``(speaker as written, the given names it addresses)``.  In
    '"You danced well, Harriet," said Mrs. Ford with a smile to Miss Orme' the
    person called "Harriet" is the one spoken to, "Miss Orme": one person, written with her
    given name (a title + surname may be any of a family's daughters, the given name is hers).
    A title + surname the tags link to two given names is left alone.

    >>> addressed_aliases([("Mrs. Ford with a smile to Miss Orme", ["Harriet"]), ("Jane", [])])
    {'Miss Orme': 'Harriet'}
    """
    links: dict[str, set[str]] = {}
    for speaker, given in tags:
        m = _TO_TITLED.search(speaker or "")
        if m and len(given) == 1 and " " not in given[0]:
            links.setdefault(" ".join(m.group("name").split()), set()).add(given[0])
    return {name: next(iter(g)) for name, g in links.items() if len(g) == 1}


_CHILD_PARENT = re.compile(r"^(?:his|her)\s+(?P<parent>mother|father)\b")


def child_parent(speaker: str, mentions: list[tuple[int, str]], children: list[tuple[int, str]],
                 before: int) -> str | None:
    """"her mother" as the "Mrs." of the family whose child the chapter names by given name and surname.

    ``mentions``: ``(offset, "Mrs. X")`` title mentions; ``children``: ``(offset, "Given Surname")``
    given-name mentions.  A novel names a daughter in full ("Rose Dale") and her mother by
    title and surname ("Mrs. Dale"); "her mother" is that "Mrs.", not the neighbour the chapter
    names more often.  The nearest such family before ``before`` (else after); None when there is none.

    >>> child_parent("her mother", [(0, "Mrs. Hill"), (30, "Mrs. Dale"), (60, "Mrs. Hill")],
    ...              [(10, "Rose Dale")], 90)
    'Mrs. Dale'
    >>> child_parent("her mother", [(0, "Mrs. Hill")], [(10, "Rose Dale")], 90) is None
    True
    """
    m = _CHILD_PARENT.match(speaker.strip())
    if m is None:
        return None
    title = "Mrs" if m.group("parent") == "mother" else "Mr"
    surnames = {n.split()[-1] for _, n in children if len(n.split()) == 2}
    found = [(o, n) for o, n in mentions
             if len(n.split()) == 2 and n.split()[0].rstrip(".") == title and n.split()[1] in surnames]
    if not found:
        return None
    earlier = [n for o, n in found if o < before]
    return earlier[-1] if earlier else found[0][1]


_PARENT_ADDRESS = re.compile(r"(?:^|[,!?;]\s*)(?P<word>Mama|Mamma|Mother|Papa|Father)\s*(?=[,!?;.]|$)")


def child_speaker(quote: str, speaker: str | None, children: list[tuple[int, str]]) -> str | None:
    """The child who says "Mama" to the speaker a rule gave: a quotation that calls "Mama" is not the
    mother's ("Mrs. Dale"), it is her child's, the one the chapter names with her surname
    ("Rose Dale"), when there is exactly one; else None.

    >>> child_speaker("But at least, Mama, you cannot deny it.", "Mrs. Dale", [(5, "Rose Dale"), (9, "Ann Hill")])
    'Rose Dale'
    >>> child_speaker("You cannot deny it.", "Mrs. Dale", [(5, "Rose Dale")]) is None
    True
    """
    m = _PARENT_ADDRESS.search(quote)
    words = (speaker or "").split()
    if m is None or len(words) != 2:
        return None
    title = "Mrs" if m.group("word").startswith("M") else "Mr"
    if words[0].rstrip(".") != title:
        return None
    found = {n for _, n in children if len(n.split()) == 2 and n.split()[1] == words[1]}
    return next(iter(found)) if len(found) == 1 else None
