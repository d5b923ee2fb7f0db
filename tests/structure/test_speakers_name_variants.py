"""Speakers: name variants merged across a quoted nickname and a surname with a particle inside (kinds of the
eighth held-out set's errors), pinned on texts of our own.

The texts are written for these tests (no text of any evaluation set is used); the expected speaker is the
full name a reader gives.
"""

from __future__ import annotations

from structure_helpers import quotes


def names(text: str) -> list:
    return [q[3] for q in quotes(text)]


def test_a_nickname_in_quotes_inside_the_full_name_is_left_out_of_it():
    text = ("\"The weed is everywhere this year,\" said Winston 'Captain' Ferreira-Lowe, 61, who fishes off the "
            "point.\n\n\"We cannot push the boats through it,\" Winston said.")
    spoken = [q for q in quotes(text) if q[0] != "Captain"]  # (the nickname in quotes is no one's words)
    assert [q[3] for q in spoken] == ["Winston Ferreira-Lowe", "Winston Ferreira-Lowe"]


def test_a_surname_with_a_particle_inside_is_the_tail_of_the_full_name():
    text = ("Race leader Joaquín Sáez de Urrutia kept his lead on Saturday.\n\n"
            "Sáez de Urrutia, the Spanish climber, promised to attack. \"Tomorrow is my day,\" Sáez de Urrutia said.")
    assert names(text) == ["Joaquín Sáez de Urrutia"]


def test_a_firm_named_by_two_names_joined_by_an_ampersand():
    text = "Pell & Marrow described the buyer, who bid by phone, only as \"a private collector in Asia.\""
    assert names(text) == ["Pell & Marrow"]


def test_the_company_is_the_firm_introduced_by_where_it_is_based():
    text = ("The sensors, made by Leeds-based Arlo Vision, flag smoke for an operator to check. The company says "
            "false alarms have fallen to \"about one a week\" in trials.")
    assert names(text) == ["Arlo Vision"]
