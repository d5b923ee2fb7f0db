"""The Dask backend: a LocalCluster on 127.0.0.1 with 2 workers gives the in-process counts."""

from __future__ import annotations

import json

import pytest

import corpus_tools as ct

distributed = pytest.importorskip("distributed")  # installed by the test extra (corpus-tools[dask])

TEXTS = [
    "Mr. Smith’s firm can't pay $5 million, it said. The U.S. deal collapsed in Kyiv.",
    "Officials met on Jan. 5 in Kyiv. They agreed: talks would resume.\n\nA new paragraph about the deal.",
    "Prices rose 3.5% in 2023. Analysts (and traders) were surprised... Really? The deal held.",
]


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask_corpus")
    for i in range(6):
        records = [{"id": f"{i}-{k}", "text": TEXTS[(i + k) % 3] + f" Topic{i % 4} word{k}."} for k in range(5)]
        (folder / f"part{i}.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                                       dashboard_address=":0", processes=True)
    dask_client = distributed.Client(cluster)
    yield dask_client
    dask_client.close()
    cluster.close()


@pytest.mark.slow
@pytest.mark.parametrize("tokenizer", ["fast", "exact"])
def test_dask_equals_in_process(corpus_dir, client, tokenizer):
    assert len(client.scheduler_info()["workers"]) == 2
    kw = dict(tokenizer=tokenizer, ngram_sizes=(2, 3), window_size=4, boundary="paragraph", progress=False,
              options=ct.TokenOptions(stopwords="english"))
    local = ct.count_corpus(corpus_dir, n_jobs=1, **kw)
    remote = ct.count_corpus(corpus_dir, client=client, **kw)
    assert remote.unigrams == local.unigrams and sum(local.unigrams.values()) > 100
    assert remote.ngrams == local.ngrams
    assert remote.collocations == local.collocations
    assert (remote.n_articles, remote.n_tokens) == (local.n_articles, local.n_tokens) == (30, local.n_tokens)
    assert remote.ngram_table(2).equals(local.ngram_table(2))
    # the reference for both: the in-memory tables of the exact path
    if tokenizer == "exact":
        # count_corpus streams text without block roles (it counts every block): the in-memory table
        # with boilerplate kept (here the recurring "A new paragraph about the deal." would be left out)
        table = ct.frequency_table(ct.token_table(ct.load_corpus(corpus_dir),
                                                  options={"stopwords": "english", "boilerplate": True}))
        assert dict(remote.unigrams) == dict(zip(table["term"], table["count"], strict=True))


@pytest.mark.slow
def test_dask_by_scheduler_address(corpus_dir, client):
    local = ct.count_corpus(corpus_dir, n_jobs=1, window_size=3, collocation_n=3, boundary="sentence")
    remote = ct.count_corpus(corpus_dir, client=client.scheduler.address, window_size=3, collocation_n=3,
                             boundary="sentence", progress=False)
    assert remote.collocations == local.collocations and remote.unigrams == local.unigrams


def test_bad_client_is_a_clear_error(corpus_dir):
    with pytest.raises(TypeError, match="distributed.Client or a scheduler address"):
        ct.count_corpus(corpus_dir, client=42)
