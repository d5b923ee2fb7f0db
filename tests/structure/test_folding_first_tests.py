"""The look-aheads and first tests that speed the structure rules up change no match.

`_NAME_START` and the first-letter look-ahead of `_TITLED` are necessary conditions put in front of
patterns; `roles._anywhere_search` tries a pattern's unanchored alternatives only where one of their
words is.  Each is compared with the plain pattern on every block of every annotated text, on the seed,
and on hand-made lines that sit on the edges (case-folding characters, a match at position 0 of an
unanchored alternative, alternatives' order at position 0).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools.structure import roles, speakers

ROOT = Path(__file__).resolve().parents[2]


def _blocks() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/structure").rglob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [b.text for i, t in enumerate(texts) for b in ct.Article.from_text(t, id=f"t{i}").blocks]


EDGES = [
    "Reporting by Ann Lee; Editing by Bo Li", "  (Reuters)", "REUTERS", "-- Reuters.",
    "Staff writer Ann Lee contributed to this report.", "He said more. Reach her at ann@example.com.",
    "CONTRIBUTED TO THIS REPORT", "Associated Press writer Ann Lee contributed from Rome.",
    "Follow him on X at @ann", "Write to them at the desk", "Contact: Ministry of Transport, 250 555-0100",
    "A version of this article appears in print on May 3.", "We may earn a commission when you buy.",
    "We may earn a commıssion when you buy.", "We may earn a ſhare of sales.", "Our AFFİLİATE links",
    "Affiliate links help us.", "Copyright 2026 Acme. All rights reserved.", "Nothing to see here.",
    "Chief Executive Dr. Ann Vale said", "according to al-Sabah", "spokesman Bo Li said", "President Ali al-Khalifa",
    "van der Berg", "d'Artagnan said", "E.F. Hutton Group analyst Michael Lewis said", "Émile Zola", "Ó Briain",
]


@pytest.fixture(scope="module")
def blocks() -> list[str]:
    return _blocks() + EDGES


def test_the_sets_are_read(blocks):
    assert len(blocks) > 3000


@pytest.mark.parametrize("name", ["_NAME_RUN", "_TITLED", "_SPEECH_SUBJECT", "_SPEECH_SUBJECT_CLAUSE"])
def test_name_look_aheads_change_no_match(blocks, name):
    fast = getattr(speakers, name)
    plain = re.compile(fast.pattern.replace(speakers._NAME_START, "").replace(
        "\\b(?=[" + "".join(sorted({t[0] for t in speakers.TITLES})) + "])", "\\b"), fast.flags)
    assert plain.pattern != fast.pattern
    for text in blocks:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text


@pytest.mark.parametrize(("rx", "needles"), [(roles._SIGNOFF, roles._SIGNOFF_NEEDLES),
                                             (roles._LONG_BOILERPLATE, roles._LONG_BOILERPLATE_NEEDLES)])
def test_anywhere_search_is_search(blocks, rx, needles):
    for text in blocks:
        assert roles._anywhere_search(rx, text, needles) == roles._match(rx, text), text


def test_anywhere_search_by_hand():
    rx, needles = roles._LONG_BOILERPLATE, roles._LONG_BOILERPLATE_NEEDLES
    assert roles._anywhere_search(rx, "We may earn a commıssion when you buy.", needles) == "earn a commıssion"
    assert roles._anywhere_search(rx, "Our AFFİLİATE links", needles) == "AFFİLİATE links"
    assert roles._anywhere_search(rx, "Nothing to see here.", needles) == ""
    # at position 0 the alternatives keep their order: the first one that matches there is the result
    assert roles._anywhere_search(roles._SIGNOFF, "Reach her at ann@example.com", roles._SIGNOFF_NEEDLES) == \
        roles._SIGNOFF.search("Reach her at ann@example.com").group()


def test_role_antecedent_first_test():
    # the role word must be somewhere before, in any case re.IGNORECASE reads as it
    a = ct.Article.from_text("ſPINNER Tom Avery took five wickets. “It turned,” said the spinner.", id="x")
    assert speakers.role_antecedent(a, "the spinner", 40) == "Tom Avery"
    b = ct.Article.from_text("Tom Avery took five wickets. “It turned,” said the spinner.", id="x")
    assert speakers.role_antecedent(b, "the spinner", 30) is None
    c = ct.Article.from_text("Tom Avery, the club's veteran spinner, took five. “It turned,” said the spinner.", id="x")
    assert speakers.role_antecedent(c, "the spinner", 45) == "Tom Avery"


def test_ascii_fold_by_hand():
    from corpus_tools.structure.folding import ascii_fold

    assert ascii_fold("AFFİLİATE ſhare \u212aelvin ıt Ünïcode") == "affiliate share kelvin it ünïcode"
    # every character re.IGNORECASE matches to an ASCII letter folds to that letter
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    matched = [chr(code) for code in range(0x110000) if any_letter.fullmatch(chr(code))]
    assert len(matched) == 56  # A-Z, a-z, and the four of _ASCII_FOLD
    for c in matched:
        letter = next(x for x in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(x, c, re.IGNORECASE))
        assert ascii_fold(c) == letter, hex(ord(c))


def _plain_boilerplate(text: str) -> str:
    for rx in roles.BOILERPLATE_PATTERNS:
        m = rx.search(text)
        if m:
            return m.group()
    return ""


FURNITURE_EDGES = [
    "Share on Facebook", "SHARE VIA WHATSAPP", "Read our Community Guidelines.", "ADVERTISEMENT",
    "Scroll to continue with content", "Sign up for our newsletter", "© 2026 Acme", "All Rights Reserved.",
    "Get it in your inbox", "We use cookies to improve your experience", "Please enable JavaScript",
    "as seen in the video player above", "Subscribe for unlimited access", "May 3, 2026 | Share",
    "Join our WhatsApp channel", "Terms of Use and Privacy Policy", "doi: 10.1000/xyz123",
    "Please gamble responsibly.", "Prices fell. Sign up now.", "Priceſ fell. ſign up.", "ſhare on \u212aik",
    "Nothing to see here.",
]


def test_boilerplate_first_tests_change_no_match(blocks):
    assert all(rx.pattern.startswith("^") or rx.pattern in roles._BOILERPLATE_NEEDLES
               for rx in roles.BOILERPLATE_PATTERNS)
    hits = 0
    for text in blocks + FURNITURE_EDGES:
        assert roles._boilerplate(text) == _plain_boilerplate(text), text
        hits += bool(_plain_boilerplate(text))
    assert hits > 40  # the furniture of the annotated web pages and the edges above are found
    assert roles._boilerplate("Priceſ fell. ſign up.") == ". ſign up."  # long s: a folded needle
