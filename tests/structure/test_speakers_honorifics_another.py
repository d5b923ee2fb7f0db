"""Speakers: the pilgrim's honorific and the second word of a Malay honour are titles, not names, and
"another" opens a description like "a" (kinds of the ninth held-out set's errors), pinned on texts of our own.

The texts are written for these tests (no text of any evaluation set is used); the expected speaker is the
name or description a reader gives.
"""

from __future__ import annotations

from structure_helpers import quotes


def names(text: str) -> list:
    return [q[3] for q in quotes(text)]


def test_alhaji_and_datuk_seri_are_dropped_from_the_name():
    text = ("\"The depot has fuel,\" said Alhaji Bashir Tanko Olatunde.\n\n"
            "\"The river will crest tonight,\" Datuk Seri Razif bin Omar said.")
    assert names(text) == ["Bashir Tanko Olatunde", "Razif bin Omar"]


def test_another_opens_a_description():
    text = ("One trader said prices were too high. Another trader, who asked not to be named, said the market was "
            "\"running out of patience.\"\n\n\"It cannot last,\" another analyst said.")
    assert names(text) == ["Another trader", "another analyst"]
