"""Speakers: the kinds of error the fifth held-out set showed (names, places, appositions), on texts of our own.

The texts are written for these tests (no text of any evaluation set is used); the expected speaker is the
person a reader names.
"""

from __future__ import annotations

from structure_helpers import quotes


def names(text: str) -> list:
    return [q[3] for q in quotes(text)]


def test_a_place_in_an_apposition_is_no_antecedent_for_she():
    # "of Aberaeron" is where she lives: "she" is the nurse, not the town
    assert names("Retired nurse Bronwen Tegid-Morris, 52, of Aberaeron, said the river had risen two "
                 "metres.\n\n\"We saw nothing like it,\" she said.") == ["Bronwen Tegid-Morris"]


def test_a_passive_told_makes_no_speaker_of_its_subject():
    # "the families of Eastfield were told": told by somebody else; "he" is the officer named before
    assert names("Planning officer Tom Reyes said the hall was full. \"The families of Eastfield were told "
                 "nothing,\" he said.") == ["Tom Reyes"]


def test_a_welsh_ap_is_part_of_the_name():
    assert names("The chairman of the angling club, Rhodri ap Gwilym, said the weirs were blocked.\n\n"
                 "\"Nobody came,\" he said.") == ["Rhodri ap Gwilym"]


def test_a_capitalised_particle_opening_a_sentence_is_the_surname_of_the_full_name():
    assert names("Councillor Pieter van Doorn said the plan was sound.\n\n"
                 "Van Doorn said later that he was \"hopeful\".") == ["Pieter van Doorn"]


def test_a_transcript_label_in_capitals_is_the_surname_of_the_full_name():
    rows = quotes("Senator Maria Lindqvist questioned the witness, Dr. Hugh McAteer.\n\n"
                  "LINDQVIST: \"Did you read it?\"\n\nMCATEER: \"I did not.\"")
    assert [(r[1], r[3]) for r in rows] == [("LINDQVIST", "Maria Lindqvist"), ("MCATEER", "Hugh McAteer")]


def test_a_bare_role_apposition_after_the_name_and_the_untagged_paragraph_after_it():
    rows = quotes("\"The plant will reopen in May,\" Dr. Ana Ruiz-Ferrer, head of operations at Tarn Mills, "
                  "said in the statement.\n\n\"We owe that to the town.\"")
    assert [r[3] for r in rows] == ["Ana Ruiz-Ferrer", "Ana Ruiz-Ferrer"]
    assert rows[0][2] == "quote, NAME, apposition, VERB"
    assert rows[1][2].startswith("continues the previous quotation's speaker")


def test_a_tabloid_verb_and_a_noun_ending_in_ly():
    # "gushes" reports speech; "family" (after "the") is no adverb between speaker and verb
    rows = quotes("\"He left in March,\" a friend of the family gushes. \"Nobody knows why.\"")
    assert [(r[1], r[3]) for r in rows] == [("a friend of the family", "a friend")] * 2


def test_a_long_relative_clause_after_a_knight_known_by_the_given_name():
    # "Sir Hugo" is Sir Hugo Brannock (a knighthood goes with the given name); the "who" clause runs long
    assert names("The seat was lost by the former minister, Sir Hugo Brannock.\n\nSir Hugo, who had held the "
                 "seat for twenty years before he retired and was talked back into standing by his party, said "
                 "it was \"a sad night\".") == ["Hugo Brannock"]


def test_a_description_ending_in_ly_keeps_its_noun_and_a_chamber_keeps_its_of():
    assert names("His family said he \"never sat still\".") == ["His family"]
    assert names("The Harbourside Chamber of Commerce said the fees were \"a blow\".") == \
        ["Harbourside Chamber of Commerce"]
