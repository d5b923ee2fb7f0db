"""The parser fuzzer (tests/fuzz_parsers.py), bounded for CI by CORPUS_TOOLS_FUZZ_SECONDS (default 20)."""

from __future__ import annotations

import os

import pytest
from fuzz_parsers import check, fuzz, mutate, seed_inputs

import corpus_tools.io.loading as loading

FUZZ_SECONDS = float(os.environ.get("CORPUS_TOOLS_FUZZ_SECONDS", "20"))


@pytest.mark.slow
def test_fuzzing_the_parsers_finds_no_failure():
    stats = fuzz(FUZZ_SECONDS, seed=int(os.environ.get("CORPUS_TOOLS_FUZZ_SEED", "0")))
    assert stats.failures == {}, str(stats)
    # both input sources ran (about 150 inputs a second on the 2-core CI machine)
    assert stats.by_source["generated"] > 0 and stats.by_source["mutated"] > 0
    assert stats.inputs == sum(stats.by_source.values())


def test_the_contract_catches_a_planted_bug(monkeypatch):
    # The fuzzer is only as good as its contract: with the surrogate repair
    # disabled, an escaped lone surrogate must fail it.
    data = b'{"id": "s", "text": "a\\ud800b"}\n'
    check(data, "jsonl")
    monkeypatch.setattr(loading, "_replace_surrogates", lambda value: value)
    with pytest.raises(UnicodeEncodeError):
        check(data, "jsonl")


def test_mutations_are_deterministic_for_a_seed():
    import random

    pool = [d for d, _ in seed_inputs()]
    rng, rng_again = random.Random(7), random.Random(7)
    first = [mutate(pool[1], rng, pool) for _ in range(3)]
    again = [mutate(pool[1], rng_again, pool) for _ in range(3)]
    assert first == again and any(m != pool[1] for m in first)
