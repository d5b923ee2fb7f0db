"""The structure tables stored beside the token dataset equal the in-memory functions, and are verified and rebuilt."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

import corpus_tools as ct
from corpus_tools import structure
from corpus_tools.scale import STRUCTURE_TABLES, structure_table, token_dataset
from corpus_tools.scale.structure import RECURRING_MIN_COUNT, structure_fingerprint
from corpus_tools.tokens.dataset import MANIFEST_NAME, TokenDatasetError, open_token_dataset


def in_memory(corpus) -> dict[str, pd.DataFrame]:
    """Each stored table as the public in-memory function computes it (exact tokenizer)."""
    return {"blocks": structure.block_table(corpus), "sentences": structure.sentence_table(corpus),
            "headings": ct.heading_table(corpus), "sections": ct.section_table(corpus),
            "block_roles": structure.block_role_table(corpus), "body_sections": structure.body_section_table(corpus),
            "quotations": ct.quotation_table(corpus), "quotation_summary": structure.quotation_summary_table(corpus),
            "speakers": ct.speaker_table(corpus)}


@pytest.fixture(scope="module")
def mixed(seed_corpus, reuters) -> ct.Corpus:
    """The seed article and the 40 Reuters articles: headings, links, datelines, sign-offs and quotations."""
    return ct.Corpus(list(seed_corpus) + list(reuters))


def test_exact_tables_of_the_seed_equal_the_in_memory_functions(seed_corpus, tmp_path):
    ds = token_dataset(seed_corpus, tmp_path, tokenizer="exact", n_jobs=1)
    expected = in_memory(seed_corpus)
    assert set(expected) == set(STRUCTURE_TABLES)
    for kind, table in expected.items():
        assert_frame_equal(structure_table(ds, kind), table, check_exact=True, obj=kind)
    # the seed's results: 4 headings with their kinds, the lead and 4 headed sections
    headings = structure_table(ds, "headings")
    assert headings["kind"].tolist() == ["link", "link", "subheading", "link"]
    assert len(structure_table(ds, "sections")) == 5 and len(structure_table(ds, "blocks")) == 36


def test_exact_tables_of_many_articles_over_several_parts_equal_the_in_memory_functions(mixed, tmp_path):
    ds = token_dataset(mixed, tmp_path, tokenizer="exact", n_jobs=2)
    assert len(ds.parts) > 1  # several workers' parts, read back as one table
    for kind, table in in_memory(mixed).items():
        assert_frame_equal(structure_table(ds, kind), table, check_exact=True, obj=kind)
    manifest = ds.manifest
    for part in manifest["parts"]:
        assert set(part["files"]) == set(STRUCTURE_TABLES)
        assert sum(1 for _ in part["files"].values()) == 9
    record = manifest["structure"]
    assert record["recurring"] == structure.recurring_lines(mixed, min_count=RECURRING_MIN_COUNT)
    assert record["fingerprint"] == structure_fingerprint(record["recurring"])
    # the token rows: the same roles and body sections as the in-memory token table, boilerplate kept or not
    for options in (ct.tokens.RAW_TOKEN_OPTIONS, ct.TokenOptions()):
        assert_frame_equal(ds.with_options(options).token_table(), ct.token_table(mixed, options), check_exact=True)
    # each row's role is its block's in the block-role table, and its section the block's body section
    # (-1 there outside the body: on the rows, the section of the last body block before, else 0)
    rows = ds.with_options(ct.tokens.RAW_TOKEN_OPTIONS).token_table()
    roles = structure.block_role_table(mixed)
    roles["sits_in"] = roles["section"].where(roles["section"] >= 0).groupby(roles["article"]).ffill().fillna(0)
    joined = rows.join(roles.set_index(["article", "block"])[["role", "section", "sits_in"]], on=["article", "block"],
                       rsuffix="_block")
    assert (joined["role"] == joined["role_block"]).all() and (joined["section"] == joined["sits_in"]).all()
    body = joined["section_block"] >= 0
    assert (joined.loc[body, "section"] == joined.loc[body, "section_block"]).all()
    # the seed's three inserted related-story links: on the rows, kept only with boilerplate=True
    assert set(rows.loc[rows["role"] == "link", "block"]) == {17, 23, 30}
    assert not ds.token_table()["role"].isin(ct.tokens.BOILERPLATE_ROLES).any()


def test_fast_tables_differ_from_exact_only_in_sentence_counts_where_the_tokens_split_differently(tmp_path):
    # Punkt breaks after 'occur.' in 'occur.":' (no space after the quote); the fast path's chunk-level
    # decision keeps 'occur.' whole in one sentence (tests/tokens/test_fast.py documents the case).
    # Word counts agree (both paths count one word there), sentence counts do not.
    article = ct.Article.from_text('Talks ended. “It will occur.": that splits,” Ann Lee said.\n\nThe outlook\n\n'
                                   'It will occur.": that splits too.', id="q")
    corpus = ct.Corpus([article])
    exact = token_dataset(corpus, tmp_path / "e", tokenizer="exact", n_jobs=1)
    fast = token_dataset(corpus, tmp_path / "f", tokenizer="fast", n_jobs=1)
    for kind, table in in_memory(corpus).items():
        assert_frame_equal(structure_table(exact, kind), table, check_exact=True, obj=kind)
    differ = {}
    for kind in STRUCTURE_TABLES:
        e, f = structure_table(exact, kind), structure_table(fast, kind)
        if e.shape != f.shape:
            differ[kind] = "rows"
            continue
        cols = [c for c in e.columns if not e[c].equals(f[c])]
        if cols:
            differ[kind] = cols
    assert differ == {"blocks": ["sentences"], "sentences": "rows",
                      "sections": ["sentences", "mean_sentence_length", "median_sentence_length"]}
    # paragraph 0: "Talks ended." / "“It will occur." / "": that splits,” Ann Lee said." (exact) against
    # "Talks ended." / the rest (fast); paragraph 2 likewise 2 against 1 sentence
    assert structure_table(exact, "blocks")["sentences"].tolist() == [3, 1, 2]
    assert structure_table(fast, "blocks")["sentences"].tolist() == [2, 1, 1]
    assert structure_table(fast, "sections")["words"].tolist() == structure_table(exact, "sections")["words"].tolist()
    assert structure_table(fast, "sentences")["words"].tolist() == [2, 8, 2, 6]


def test_a_damaged_structure_file_is_detected_and_rebuilt(seed_corpus, tmp_path):
    ds = token_dataset(seed_corpus, tmp_path, tokenizer="exact", n_jobs=1)
    path = ds.folder / ds.manifest["parts"][0]["files"]["sections"]["file"]
    assert path.name == "sections-00000.parquet"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01  # one flipped bit, same size
    path.write_bytes(bytes(data))
    with pytest.raises(TokenDatasetError, match="SHA-256"):
        open_token_dataset(ds.folder)
    rebuilt = token_dataset(seed_corpus, tmp_path, tokenizer="exact", n_jobs=1)
    assert_frame_equal(structure_table(rebuilt, "sections"), ct.section_table(seed_corpus))
    path.unlink()
    with pytest.raises(TokenDatasetError, match="missing"):
        open_token_dataset(ds.folder)


def test_structure_made_by_other_rules_is_rebuilt(seed_corpus, tmp_path):
    ds = token_dataset(seed_corpus, tmp_path, tokenizer="exact", n_jobs=1)
    manifest = json.loads((ds.folder / MANIFEST_NAME).read_text("utf-8"))
    manifest["structure"]["fingerprint"] = "0" * 64  # as if a structure rule had been edited since
    (ds.folder / MANIFEST_NAME).write_text(json.dumps(manifest), "utf-8")
    assert open_token_dataset(ds.folder).manifest["structure"]["fingerprint"] == "0" * 64
    rebuilt = token_dataset(seed_corpus, tmp_path, tokenizer="exact", n_jobs=1)
    assert rebuilt.manifest["structure"]["fingerprint"] == structure_fingerprint({})


def test_recurring_lines_are_found_over_the_corpus_not_per_worker_batch(tmp_path):
    # every article ends in the same furniture line, unknown to the patterns ("Brought to you by" is a
    # sponsor pattern since rules9): only the corpus-level
    # detector (3 articles or more) makes it boilerplate, and each worker sees one article
    texts = [f"Story {i} opens here with news.\n\nIt goes on for a while, {i}.\n\nWith thanks to Acme"
             for i in range(4)]
    corpus = ct.Corpus([ct.Article.from_text(t, id=f"s{i}") for i, t in enumerate(texts)])
    ds = token_dataset(corpus, tmp_path, tokenizer="exact", n_jobs=2)
    assert len(ds.parts) == 4 and [p["articles"] for p in ds.manifest["parts"]] == [1, 1, 1, 1]
    assert ds.manifest["structure"]["recurring"] == {"with thanks to acme": 4}
    roles = structure_table(ds, "block_roles")
    assert_frame_equal(roles, structure.block_role_table(corpus), check_exact=True)
    last = roles[roles["block"] == 2]
    assert set(last["role"]) == {"boilerplate"} and set(last["reason"]) == {"line recurring across the corpus"}
    assert_frame_equal(structure_table(ds, "body_sections"), structure.body_section_table(corpus))
    # the token rows of that line carry the role too, in the dataset as in memory (same corpus-level lines)
    raw = ds.with_options(ct.tokens.RAW_TOKEN_OPTIONS).token_table()
    last = raw[raw["block"] == 2]
    assert set(last["role"]) == {"boilerplate"} and set(last["section"]) == {0}  # the lead section it ends
    assert_frame_equal(raw, ct.token_table(corpus, ct.tokens.RAW_TOKEN_OPTIONS), check_exact=True)
    words = ds.token_table()
    assert_frame_equal(words, ct.token_table(corpus), check_exact=True)
    assert "acme" not in set(words["norm"]) and (raw["token"] == "Acme").sum() == 4


def test_structure_table_refuses_an_unknown_kind(seed_corpus, tmp_path):
    ds = token_dataset(seed_corpus, tmp_path, tokenizer="exact", n_jobs=1)
    with pytest.raises(ValueError, match="kind must be one of"):
        structure_table(ds, "paragraphs")


@pytest.mark.parametrize("tokenizer", ["exact", "fast"])
def test_column_wise_tables_equal_the_in_memory_functions_on_awkward_articles(tmp_path, tokenizer):
    # the blocks, sentences and sections tables are computed over the token columns (numpy runs and
    # bincounts), not by the in-memory functions' loops: empty articles, no word at all, headings only,
    # a quotation left open across a heading, several articles in one run ("heads": two heading blocks, so
    # the empty lead and two sections)
    texts = {"empty": "", "dots": "...", "heads": "Only headings\n\nAnother one", "open": (
        "Lead one. “Two three,” he said.\n\nSub part\n\n“Never closed here.\n\nNext part\n\nPlain words. Yes.")}
    corpus = ct.Corpus([ct.Article.from_text(t, id=k) for k, t in texts.items()])
    ds = token_dataset(corpus, tmp_path, tokenizer=tokenizer, n_jobs=1)
    if tokenizer == "exact":
        for kind, table in in_memory(corpus).items():
            assert_frame_equal(structure_table(ds, kind), table, check_exact=True, obj=kind)
    sections = structure_table(ds, "sections")
    # by hand, article "open": the lead has 2 sentences of 3 and 4 words ("Lead one ." / "Two three he said"),
    # 2 of them quoted; the open quotation stops at the heading "Next part"
    lead = sections[(sections["article"] == "open") & (sections["section"] == 0)].iloc[0]
    assert (lead["sentences"], lead["words"], lead["quoted_words"], lead["median_sentence_length"]) == (2, 6, 2, 3.0)
    assert sections.groupby("article", sort=False).size().to_dict() == {"empty": 1, "dots": 1, "heads": 3, "open": 3}
