"""The shipped seed corpus: byte-identical to shared/seeds, and its known facts."""

from __future__ import annotations

import datetime as dt
import hashlib

from conftest import REPO, SEEDS

SEED_SHA256 = {"000_b5172cbcefd3457e.txt": "e8184c1d8b3f654e472a8ae59654f1d6ef08ef94248d7da735a1dd5f494bdc8d"}
HEADINGS = [
    "China diplomatic offensive lays down new challenge for US",
    "Russia wants Chinese businesses to replace Western firms",
    "Queuing for food, water",
    "Ukraine waiting for confirmation of Zelenskiy call with China’s Xi: Corriere della Sera",
]


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_seeds_are_byte_identical_to_shared_copy_or_recorded_hash():
    ours = {p.name: _sha(p) for p in sorted(SEEDS.iterdir())}
    shared = REPO.parent / "shared" / "seeds"
    if shared.is_dir():
        expected = {p.name: _sha(p) for p in sorted(shared.iterdir())}
    else:
        expected = SEED_SHA256
    assert ours == expected


def test_seed_metadata_and_blocks(seed_article):
    a = seed_article
    assert a.date == dt.date(2023, 3, 22)
    assert a.encoding == "utf-8"
    assert len(a.blocks) == 36
    assert [b.text for b in a.headings] == HEADINGS
    assert len(a.paragraphs) == 32
    assert a.blocks[0].text.startswith("China’s President Xi Jinping")
    assert "date" not in a.text[:20]
    assert [b.index for b in a.blocks] == list(range(36))
    # Block offsets point into the article text.
    assert all(a.text[b.start : b.end] == b.text for b in a.blocks)


def test_seed_summary_counts(seed_corpus):
    s = seed_corpus.summary()
    assert s["articles"] == 1 and s["blocks"] == 36 and s["headings"] == 4 and s["paragraphs"] == 32
    assert s["first_date"] == s["last_date"] == "2023-03-22"
    assert seed_corpus.problems == []
