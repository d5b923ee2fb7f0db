"""Speaker name variants merged per article and across a corpus (issue 13)."""

from __future__ import annotations

import corpus_tools as ct
from corpus_tools.structure import find_quotations, speaker_table
from corpus_tools.structure.speakers import corpus_speaker_names, speaker_names

LEWIS = ("E.F. Hutton Group analyst Michael Lewis said the bid was low. \"They have cash,\" Lewis said.\n\n"
         "\"It could rise,\" said Mr. Lewis.\n\n\"We will see,\" Michael said.")


def test_name_variants_of_one_article_are_one_speaker():
    quotes = find_quotations(ct.Article.from_text(LEWIS, id="wire"))
    assert [q.resolved_speaker for q in quotes] == ["Lewis", "Mr. Lewis", "Michael"]
    assert [q.speaker_name for q in quotes] == ["Michael Lewis"] * 3


def test_a_family_sharing_a_surname_is_not_merged():
    a = ct.Article.from_text("Elizabeth Bennet smiled. Mr. Bennet spoke. Mrs. Bennet left.", id="x")
    assert speaker_names(a, ["Mr. Bennet", "Mrs. Bennet", "Bennet"]) == ["Mr. Bennet", "Mrs. Bennet",
                                                                         "Elizabeth Bennet"]
    # one honorific only, but two full names with the surname: ambiguous
    b = ct.Article.from_text("Ann Lewis and Michael Lewis met. Mr. Lewis spoke.", id="y")
    assert speaker_names(b, ["Mr. Lewis"]) == ["Mr. Lewis"]


def test_in_fiction_mrs_surname_is_not_the_daughter():
    text = ("CHAPTER 1\n\nMarianne Dashwood sat down.\n\n\"Mama,\" said Marianne, \"he is late.\"\n\n"
            "\"Is he?\" said Mrs. Dashwood.")
    quotes = find_quotations(ct.Article.from_text(text, id="novel"))
    assert [q.speaker_name for q in quotes] == ["Marianne Dashwood", "Marianne Dashwood", "Mrs. Dashwood"]
    # the same lines in a news story: "Mrs. Dashwood" is the one Dashwood it names in full
    news = find_quotations(ct.Article.from_text(text.replace("CHAPTER 1", "Late again"), id="news"))
    assert [q.speaker_name for q in news][-1] == "Marianne Dashwood"


def test_corpus_names_merge_only_when_unambiguous():
    assert corpus_speaker_names(["Michael Lewis", "Lewis", "Michael", None, "the minister", "he"]) == [
        "Michael Lewis", "Michael Lewis", "Michael Lewis", None, "the minister", "he"]
    # two full names end in "Smith": a bare "Smith" stays itself; "Ann" is still only Ann Smith
    assert corpus_speaker_names(["Ann Smith", "Bo Smith", "Smith", "Ann"]) == ["Ann Smith", "Bo Smith", "Smith",
                                                                              "Ann Smith"]
    # an honorific + surname is not merged across articles
    assert corpus_speaker_names(["Marianne Dashwood", "Mrs. Dashwood"]) == ["Marianne Dashwood", "Mrs. Dashwood"]


def test_corpus_speaker_table_counts_quotations_per_person():
    corpus = ct.Corpus([
        ct.Article.from_text(LEWIS, id="a"),
        ct.Article.from_text("\"Prices will fall,\" Lewis said. \"Maybe,\" said the minister.", id="b"),
        ct.Article.from_text("\"No,\" said the minister. \"Yes,\" Ann Smith said. \"Up,\" Bo Smith said. "
                             "\"Down,\" Smith said.", id="c"),
    ])
    table = speaker_table(corpus, by_article=False)
    assert list(table.columns) == ["speaker", "speaker_kind", "quotations", "quoted_words", "articles", "variants"]
    rows = table[["speaker", "speaker_kind", "quotations", "quoted_words", "articles", "variants"]].values.tolist()
    assert rows == [
        ["Michael Lewis", "name", 4, 12, 2, "Lewis; Michael; Mr. Lewis"],
        ["the minister", "description", 2, 2, 2, "the minister"],
        ["Ann Smith", "name", 1, 1, 1, "Ann Smith"],
        ["Bo Smith", "name", 1, 1, 1, "Bo Smith"],
        ["Smith", "name", 1, 1, 1, "Smith"],
    ]
    # the per-article table is unchanged by the option's existence
    per_article = speaker_table(corpus)
    assert per_article[per_article["article"] == "a"][["speaker", "quotations"]].values.tolist() == [
        ["Lewis", 1], ["Michael", 1], ["Mr. Lewis", 1]]


def test_given_names_have_a_gender_for_he_and_she():
    text = ("CHAPTER 2\n\n\"Sit down,\" said Mr. Gray.\n\n\"Do not cough so,\" said Kitty.\n\n"
            "\"I cannot help it,\" he replied.")
    quotes = find_quotations(ct.Article.from_text(text, id="novel"))
    assert [q.resolved_speaker for q in quotes] == ["Mr. Gray", "Kitty", "Mr. Gray"]  # "he" is never Kitty


def test_a_reply_as_the_possession_of_its_speaker():
    t = find_quotations(ct.Article.from_text("CHAPTER 1\n\n\"My brother knows it,\" was Henry's answer.", id="x"))
    assert [(q.speaker, q.rule) for q in t] == [("Henry", "quote, was SPEAKER's answer")]


def test_fiction_narration_names_are_antecedents_and_variants_take_no_turn():
    text = ("CHAPTER 1\n\nCatherine watched her friend. She spoke to Henry Tilney.\n\n"
            "\"My brother does know it,\" was Henry's answer.\n\n\"Does he?\"\n\n"
            "He made no reply; but she eagerly continued, \"Why not?\"\n\n"
            "Henry smiled and said, \"I am sure.\"\n\n\"Then go.\"")
    quotes = find_quotations(ct.Article.from_text(text, id="novel"))
    # "Does he?": the other person, not "Henry Tilney" (the same man as "Henry"); "she": the narration's Catherine
    assert [q.speaker_name for q in quotes] == ["Henry Tilney", "Catherine", "Catherine", "Henry Tilney",
                                                "Catherine"]
