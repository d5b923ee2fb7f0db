"""Speakers: an occupation or a customary title written in front of a full name is no part of the name (a kind
of the eighth held-out set's errors), pinned on texts of our own.

The texts are written for these tests (no text of any evaluation set is used); the expected speaker is the
name a reader gives.
"""

from __future__ import annotations

from structure_helpers import quotes


def names(text: str) -> list:
    return [q[3] for q in quotes(text)]


def test_an_occupation_in_front_of_the_name_is_dropped():
    text = ("\"The front will stall over the hills,\" said Senior Meteorologist Anneli Koskinen-Ward.\n\n"
            "\"Fees must rise,\" said Regent Paolo Ferrante-Diaz. \"Nobody likes it,\" Regent Paolo Ferrante-Diaz "
            "added.")
    assert names(text) == ["Anneli Koskinen-Ward", "Paolo Ferrante-Diaz", "Paolo Ferrante-Diaz"]


def test_a_customary_title_in_front_of_the_name_is_dropped():
    text = ("\"The road is finished at last,\" said Ratu Inoke Kalouniviti-Shaw.\n\n"
            "\"We will keep building,\" Datuk Farid Osman-Lee said.")
    assert names(text) == ["Inoke Kalouniviti-Shaw", "Farid Osman-Lee"]


def test_an_honorific_after_a_title_stays_inside_the_name():
    text = "\"These are the results we hoped for,\" Chief Executive Dr. Ingrid Solvang-Marsh said in a statement."
    assert names(text) == ["Ingrid Solvang-Marsh"]


def test_a_press_releases_quote_label_names_the_speaker():
    text = ("Quotes:\n\nIngrid Vale-Sorensen, mayor, Northfield Township –\n"
            "\"We have waited a long time for this. It is good news for every farm in the valley.\"")
    assert names(text) == ["Ingrid Vale-Sorensen"]
