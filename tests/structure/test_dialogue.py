"""The fiction dialogue rules (corpus_tools/structure/dialogue.py) on short passages written for these tests.

Each passage is new text in the manner of a novel's dialogue (none is copied from a test chapter);
the expected speakers are the ones a reader gives them.  Without a chapter heading the same text is
news, where none of these rules runs.
"""

from corpus_tools.model.corpus import Article
from corpus_tools.structure.dialogue import (
    addressed_aliases,
    alternate_backwards,
    definite_title,
    group_turns,
    narration_subject,
    subject_antecedent,
    tag_name_mentions,
    title_mentions,
    titled_names,
    trailing_pronoun,
)
from corpus_tools.structure.quotations import find_quotations


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    """``(speaker_name, rule)`` of every quotation of ``text`` read as one article."""
    return [(q.speaker_name, q.rule) for q in find_quotations(Article.from_text(text, id="t"))]


def test_a_title_and_surname_in_the_narration_is_the_antecedent_of_he_and_she():
    text = ("Chapter 3\n\nColonel Hale came into the room, and Miss Penrose rose from the piano.\n\n"
            "\"You are early,\" said he.\n\n\"I am always early,\" said she.")
    assert [s for s, _ in speakers(text)] == ["Colonel Hale", "Miss Penrose"]
    # the lexicon gives "Colonel" no gender; the novel's colonel is a man, so "she" is never he
    assert [m for _, m in title_mentions(Article.from_text(text, id="t"))] == ["Colonel Hale", "Miss Penrose"]


def test_the_colonel_is_the_colonel_the_chapter_names():
    text = ("Chapter 3\n\nColonel Hale came in with his niece.\n\n"
            "\"Sit down, sit down,\" continued the Colonel, \"we need not stand on ceremony.\"")
    assert speakers(text) == [("Colonel Hale", "quote, VERB SPEAKER"),
                              ("Colonel Hale", "continues the previous quotation's speaker")]
    assert definite_title("the Colonel", [(0, "Colonel Hale"), (40, "Colonel Ware")], 30) == "Colonel Hale"
    assert definite_title("the Colonel", [(0, "Colonel Hale"), (40, "Colonel Ware")], 90) == "Colonel Ware"
    assert definite_title("the gardener", [(0, "Colonel Hale")], 90) is None


def test_after_a_pause_he_said_gives_he_not_the_pause():
    assert trailing_pronoun("a long pause she") == "she"
    assert trailing_pronoun("Mr. Hale he") == "Mr. Hale he"  # a capitalised word: not a description
    text = ("Chapter 2\n\nMiss Penrose waited by the gate. Nobody came.\n\n"
            "After a long pause she said: \"Then I shall walk.\"")
    assert speakers(text) == [("Miss Penrose", "SPEAKER VERB: quote")]


def test_a_narration_paragraph_ending_in_a_dash_introduces_the_next_quotation():
    text = ("Chapter 4\n\nEleanor was silent, and the Colonel, afraid he had spoken too sharply, "
            "went on, saying--\n\n\"I meant no harm by it.\"\n\nColonel Hale bowed.")
    assert speakers(text) == [
        ("Colonel Hale", "narration SPEAKER ...-- (the paragraph before introduces the quotation)")]
    # the subject of the last clause that names a person, not the first person of the sentence
    t = "Eleanor was silent, and the Colonel, afraid he had spoken too sharply, went on, saying--"
    assert narration_subject(t, 0, len(t), [(0, "Eleanor")]) == ("the Colonel", 24)


def test_the_sentence_that_introduces_a_quotation_gives_its_subject():
    text = ("Chapter 5\n\nThe rain had stopped. After an hour of waiting, Lady Vane's temper gave way, and her "
            "doubts burst out in a sharp tone, \"We must go before dark.\"")
    assert speakers(text) == [("Lady Vane", "narration SPEAKER ..., quote (the sentence introduces it)")]


def test_a_narration_he_is_the_subject_it_continues_not_the_nearest_man():
    text = ("Chapter 1\n\nMr. Corbin was the first of the family to call on Mr. Dale. He had long meant to go; "
            "and one evening, seeing his daughter at her sewing, he greeted her with:\n\n"
            "\"Mr. Dale is a very fine man, my dear.\"")
    assert speakers(text) == [
        ("Mr. Corbin", "narration SPEAKER ...-- (the paragraph before introduces the quotation)")]
    t = text.split("\n\n")[1]
    assert subject_antecedent(t, 0, t.index("he greeted"), "he", [(0, "Mr. Corbin"), (48, "Mr. Dale")]) == (
        "Mr. Corbin")


def test_the_narration_before_an_untagged_turn_names_its_speaker():
    text = ("Chapter 6\n\nMrs. Amory kept her temper for a minute, then turned on the maid.\n\n"
            "\"Do not rattle the cups so, Betsy!\"")
    assert speakers(text) == [("Mrs. Amory", "narration SPEAKER ... . quote (the narration before names the speaker)")]


def test_untagged_turns_before_a_tagged_one_alternate_back_from_it():
    text = ("Chapter 7\n\n\"Is the house let?\" asked Mrs. Amory.\n\n\"I have no idea,\" said Mr. Amory.\n\n"
            "Nothing more passed between them for an hour. The clock struck.\n\n"
            "\"Then I shall tell you.\"\n\n\"Tell me what?\"\n\n"
            "\"That it is let, and to a gentleman,\" returned Mrs. Amory.")
    got = speakers(text)
    assert [s for s, _ in got] == ["Mrs. Amory", "Mr. Amory", "Mrs. Amory", "Mr. Amory", "Mrs. Amory"]
    assert [r for _, r in got][2:4] == ["turn-taking backwards from a tagged turn"] * 2
    # (after one short nameless line instead, "Nothing more passed.", the exchange goes on: the same speakers,
    # by forward turn-taking)
    short = text.replace("Nothing more passed between them for an hour. The clock struck.", "Nothing more passed.")
    assert [s for s, _ in speakers(short)] == ["Mrs. Amory", "Mr. Amory", "Mrs. Amory", "Mr. Amory", "Mrs. Amory"]
    # news has no such rule: the two untagged turns stay unattributed
    assert [s for s, _ in speakers(text.replace("Chapter 7", "Local news"))][2:4] == [None, None]
    turns = [(0, True, "Ann", "quote, VERB SPEAKER"), (1, True, "Bo", "quote, VERB SPEAKER"),
             (3, True, None, None), (4, True, None, None), (5, True, None, None),
             (6, True, "Bo", "quote, VERB SPEAKER")]
    assert [t and t[0] for t in alternate_backwards(turns)] == [None, None, "Ann", "Bo", "Ann", None]


def test_a_run_with_no_tagged_turn_is_not_alternated():
    turns = [(0, True, "Ann", "quote, VERB SPEAKER"), (1, True, "Bo", "quote, VERB SPEAKER"),
             (3, True, None, None), (4, True, "Bo", "turn-taking: the speaker before the previous one")]
    assert alternate_backwards(turns) == [None, None, None, None]


def test_a_group_talking_in_the_narration_speaks_the_untagged_turns_after_it():
    text = ("Chapter 8\n\nWhen he had gone, the two sisters of the bride began whispering together.\n\n"
            "\"He is very handsome.\"\n\n\"And very rich, they say.\"\n\nMr. Pell came back with the shawls.\n\n"
            "\"Here you are,\" said Mr. Pell.")
    got = speakers(text)
    assert [s for s, _ in got] == ["the sisters", "the sisters", "Mr. Pell"]
    assert got[0][1] == got[1][1] == "a group: the narration before the turns has a group talking"
    assert group_turns("The sisters walked home in the rain.", (0, 36)) is None  # no verb of talk
    # the group must be the subject of the talk: "the astonishment of the ladies ... she began to declare"
    assert group_turns("The surprise of the ladies was great; she began to declare it.", (0, 63)) is None


def test_a_surname_is_written_with_its_title_as_the_chapter_writes_it_most():
    a = Article.from_text("Chapter 1\n\nCaptain Bly came on deck. Bly looked aloft. Bly swore. Bly laughed. "
                          "Captain Bly went below.", id="t")
    assert titled_names(a, ["Bly", "Captain Bly"]) == ["Bly", "Bly"]  # "Bly" 3 times, "Captain Bly" 2
    b = Article.from_text("Chapter 1\n\nCaptain Bly came on deck. Bly swore. Captain Bly went below. Bly slept.",
                          id="t")
    assert titled_names(b, ["Bly", "Captain Bly"]) == ["Captain Bly", "Captain Bly"]  # 2 and 2: a tie, the title
    c = Article.from_text("Chapter 1\n\nCaptain Bly met Colonel Bly. Bly left.", id="t")
    assert titled_names(c, ["Bly"]) == ["Bly"]  # two titles for one surname: ambiguous, left as it is


def test_a_name_a_tag_gives_makes_its_narration_mentions_antecedents():
    # "Quint" is in no lexicon and has no title: the tag "said Quint" shows it is a person
    text = ("Chapter 9\n\nThe night was calm. Quint rarely went below now; of late he seldom slept.\n\n"
            "\"The deck is my bed,\" he would say.\n\n\"Mind the rope,\" said Quint.")
    assert [s for s, _ in speakers(text)] == ["Quint", "Quint"]
    # a capitalised word the text also writes in lower case is no name ("Then said he": "then")
    a = Article.from_text("Chapter 9\n\n\"Go,\" Then said he. And then he went.", id="t")
    assert tag_name_mentions(a) == []


def test_a_tags_she_after_narration_is_the_subject_the_narration_goes_on_with():
    # the nearest woman before the tag is "Miss Ware"; the narration's subject is Mrs. Lane
    text = ("Chapter 2\n\nMrs. Lane had long wished to speak. She could not forgive Miss Ware.\n\n"
            "\"You will regret it,\" said she.")
    assert [s for s, _ in speakers(text)] == ["Mrs. Lane"]
    # a sentence whose subject is someone else hands its latest fitting name to the next sentence's "she"
    text = ("Chapter 2\n\nMr. Hale had hoped to please nobody more than Mrs. Lane. She was not pleased.\n\n"
            "\"It will not do,\" was her observation.")
    assert [s for s, _ in speakers(text)] == ["Mrs. Lane"]


def test_a_paragraph_ending_a_quotation_with_no_opening_mark_is_not_narration():
    # the verse lines end a quotation left open; the subject of their last sentence did not speak next
    text = ("Chapter 4\n\n\"Shall I read it?\" said Mrs. Lane. \"Here it is--\n\nThe day is gone.\n\n"
            "Everything depends on Sir Roger.\"\n\n\"Go on, pray.\"")
    assert speakers(text)[-1] == (None, None)  # (the narration rule gave "Sir Roger")


def test_a_tag_addressing_a_given_name_to_a_title_and_surname_makes_them_one_person():
    text = ("Chapter 5\n\n\"You danced well, Harriet,\" said Mrs. Ford with a smile to Miss Orme.\n\n"
            "\"Thank you,\" said Miss Orme, \"but I was tired.\"")
    assert [s for s, _ in speakers(text)] == ["Mrs. Ford", "Harriet", "Harriet"]
    assert addressed_aliases([("Mrs. Ford to Miss Orme", ["Harriet"]), ("Mrs. Ford to Miss Orme", ["Lucy"])]) == {}


def test_a_description_of_no_person_before_the_verb_is_no_speaker():
    # "the sudden" (from "the sudden cry of the old man") parsed as the subject of "said"
    text = ("Chapter 2\n\n\"Ahoy there!\" cried Quint.\n\nAlarmed at the sudden cry of the old man, Pike stood "
            "mute for a while; then said slowly, \"I hear you, sir.\"\n\n\"Good,\" said Pike.")
    assert speakers(text)[1] == ("Pike", "narration SPEAKER ..., quote (the sentence introduces it)")


def test_her_mother_is_the_mother_of_the_daughter_the_chapter_names_in_full():
    # "Mrs. Hill" is named more often, but the daughter named in full is Rose Dale
    text = ("Chapter 3\n\nMrs. Hill called, and Mrs. Hill stayed. Mrs. Dale was at home, and Rose Dale sat "
            "at the window.\n\n\"I am tired of Mrs. Hill,\" said Rose.\n\n\"My dear child,\" said her mother, "
            "\"be patient.\"")
    assert [s for s, _ in speakers(text)][1:] == ["Mrs. Dale", "Mrs. Dale"]


def test_a_quotation_that_calls_mama_is_the_childs_not_the_mothers():
    # the narration's subject is the mother; the turn that calls her "Mama" is her daughter's, and the
    # exchange alternates from there
    text = ("Chapter 4\n\nMrs. Dale, who thought her daughter Rose Dale unjust, took Mrs. Hill's part.\n\n"
            "\"But, Mama, she laughs at everyone.\"\n\n\"Not at you,\" said Ellen.\n\n\"At me most of all.\"")
    got = speakers(text)
    assert [s for s, _ in got] == ["Rose Dale", "Ellen", "Rose Dale"]
    assert got[0][1].endswith("; the child who calls the parent")


def test_a_title_is_written_as_the_chapter_writes_it():
    a = Article.from_text("Chapter 1\n\nDr. Marsh came. Dr. Marsh sat down. Marsh slept.", id="t")
    assert titled_names(a, ["Marsh"]) == ["Dr. Marsh"]


def test_an_unresolved_pronoun_alternates_nothing_back():
    turns = [(0, True, "Ann", "quote, VERB SPEAKER"), (1, True, "Bo", "quote, VERB SPEAKER"),
             (3, True, None, None), (4, True, "she", "quote, VERB SPEAKER")]
    assert alternate_backwards(turns) == [None, None, None, None]


def test_a_paragraph_of_single_quoted_dialogue_is_not_narration():
    # British single quotes: the paragraph before the tag's "she" is dialogue, so the narration rule (its
    # subject, Mrs. Lane) does not resolve it; the nearest woman does
    text = "Chapter 2\n\n‘Go,’ said Mrs. Lane to the girl. She pointed at Miss Ware.\n\n‘I will not,’ said she."
    assert [s for s, _ in speakers(text)] == ["Mrs. Lane", "Miss Ware"]


def test_a_person_in_a_subordinate_clause_opening_the_introducing_clause_is_not_its_subject():
    # "..., and when he had sat down, she turned to him with:": "she", after the clause "when he had sat down"
    text = ("Chapter 6\n\nColonel Hale came in, and Miss Penrose put down her book. He crossed to the fire, and "
            "when he had sat down, with a great deal of ceremony, she turned to him with:\n\n"
            "\"You are very late tonight.\"")
    assert speakers(text) == [
        ("Miss Penrose", "narration SPEAKER ...-- (the paragraph before introduces the quotation)")]
    t = "He crossed to the fire, and when he had sat down, she turned to him with:"
    assert narration_subject(t, 0, len(t), []) == ("she", t.index("she"))
    # with no subordinator the first person of the last clause is its subject
    t = "He crossed to the fire, and he sat down, smiling to her:"
    assert narration_subject(t, 0, len(t), []) == ("he", t.index("he sat"))
