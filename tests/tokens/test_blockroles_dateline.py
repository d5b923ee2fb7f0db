"""A wire dateline in front of the lead: the block stays the lead, its dateline's tokens are left out of word counts.

"HOUSTON, March 2 (Reuters) - Oil prices fell." is one block, the lead (the annotation rule of the structure
sets); the words "HOUSTON", "March", "2", "Reuters" are about the story, not of it.  The token rows of the
dateline carry the role "dateline" (a boilerplate role), so the default token options leave them out, on the
exact and the fast path alike, in memory and in the token dataset.
"""

from __future__ import annotations

import pytest
from pandas.testing import assert_frame_equal

import corpus_tools as ct
from corpus_tools.scale import token_dataset
from corpus_tools.structure import block_role_table, body_token_table
from corpus_tools.tokens.blockroles import BOILERPLATE_ROLES, PREFIX_ROLE, corpus_block_roles
from corpus_tools.tokens.cache import fast_token_table
from corpus_tools.tokens.dataset import DATASET_FORMAT

TEXTS = {
    "wire": "Oil prices fall on supply fears\n\nHOUSTON, March 2 (Reuters) - Oil prices fell on Monday.\n\n"
            "Traders sold.\n\nReuter",
    "web": "Flood closes bridge in Ashby\n\nBy Ann Lee\n\nASHBY, Colo. (WXYZ) — The bridge closed on Sunday.\n\n"
           "It reopens in May.",
    "plain": "Council raises tax\n\nThe council raised tax by 5% on Monday.\n\nResidents objected.",
}


@pytest.fixture(scope="module")
def corpus():
    return ct.Corpus([ct.Article.from_text(t, id=k) for k, t in TEXTS.items()])


def test_the_dateline_prefix_is_recorded_and_the_block_stays_the_lead(corpus):
    roles = corpus_block_roles(list(corpus))
    assert roles["wire"].roles[1] == "lead" and roles["wire"].prefixes == (0, len("HOUSTON, March 2 (Reuters) -"), 0, 0)
    assert roles["web"].prefixes[2] == len("ASHBY, Colo. (WXYZ) —")
    assert roles["plain"].prefixes == ()  # no dateline anywhere
    table = block_role_table(corpus)
    assert table.loc[(table["article"] == "wire") & (table["block"] == 1), "role"].item() == "lead"
    assert PREFIX_ROLE in BOILERPLATE_ROLES


@pytest.mark.parametrize("path", ["exact", "fast"])
def test_the_datelines_tokens_have_the_dateline_role_and_are_left_out_by_default(corpus, path):
    make = ct.token_table if path == "exact" else fast_token_table
    raw = make(corpus, ct.tokens.RAW_TOKEN_OPTIONS)
    lead = raw[(raw["article"] == "wire") & (raw["block"] == 1)]
    # by hand: HOUSTON , March 2 ( Reuters ) -  are the dateline; Oil prices fell on Monday . the lead
    assert lead["token"].tolist() == ["HOUSTON", ",", "March", "2", "(", "Reuters", ")", "-",
                                      "Oil", "prices", "fell", "on", "Monday", "."]
    assert lead["role"].tolist() == ["dateline"] * 8 + ["lead"] * 6
    web = raw[(raw["article"] == "web") & (raw["block"] == 2)]
    assert web.loc[web["role"] == "dateline", "token"].tolist() == ["ASHBY", ",", "Colo.", "(", "WXYZ", ")", "—"]
    words = make(corpus)  # default options: boilerplate roles out
    wire = words[words["article"] == "wire"]  # the headline's words, then the lead's without its dateline
    assert wire["norm"].tolist() == ["oil", "prices", "fall", "on", "supply", "fears",
                                     "oil", "prices", "fell", "on", "monday", "traders", "sold"]
    web = words[words["article"] == "web"]  # "Ashby" of the headline stays, the dateline's "ASHBY" goes
    assert web.loc[web["block"] == 2, "norm"].tolist() == ["the", "bridge", "closed", "on", "sunday"]
    # the rows the two paths keep are the same rows
    exact, fast = ct.token_table(corpus), fast_token_table(corpus)
    assert exact[["article", "block", "role", "start", "norm"]].values.tolist() == \
        fast[["article", "block", "role", "start", "norm"]].values.tolist()


def test_the_token_dataset_agrees_with_the_in_memory_table(corpus, tmp_path):
    assert DATASET_FORMAT == 4
    ds = token_dataset(corpus, tmp_path, tokenizer="exact", n_jobs=1)
    assert_frame_equal(ds.with_options(ct.tokens.RAW_TOKEN_OPTIONS).token_table(),
                       ct.token_table(corpus, ct.tokens.RAW_TOKEN_OPTIONS), check_exact=True)
    assert_frame_equal(ds.token_table(), ct.token_table(corpus), check_exact=True)
    fast = token_dataset(corpus, tmp_path / "fast", tokenizer="fast", n_jobs=1)
    assert_frame_equal(fast.token_table(), fast_token_table(corpus), check_exact=True)


def test_body_tokens_leave_the_dateline_out(corpus):
    body = body_token_table(corpus)
    wire = body[body["article"] == "wire"]
    assert wire["norm"].tolist() == ["oil", "prices", "fell", "on", "monday", "traders", "sold"]
    kept = body_token_table(corpus, keep_boilerplate=True)
    dateline = kept[kept["role"] == PREFIX_ROLE]
    assert set(dateline["section"]) == {-1} and "houston" in set(dateline["norm"])
