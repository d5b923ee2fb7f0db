"""Shared fixtures (the repository, the seed corpus and its article) and the hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import corpus_tools as ct

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_ID = "000_b5172cbcefd3457e"


@pytest.fixture(scope="session")
def seed_corpus() -> ct.Corpus:
    return ct.load_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_article(seed_corpus) -> ct.Article:
    return seed_corpus[SEED_ID]


# Hypothesis: bounded in CI (the default profile), longer by hand with
# HYPOTHESIS_PROFILE=long.  No deadline: the first Punkt call in a process is
# slower than the rest, and timing is for benchmarks/, not tests.
settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


# Reuters-21578 articles (R package tm's crude and acq samples) as .txt files with a metadata.csv sidecar:
# tests/data/reuters/README.md says how they were made.
REUTERS = REPO / "tests" / "data" / "reuters"


@pytest.fixture(scope="session")
def reuters_crude() -> ct.Corpus:
    corpus = ct.load_corpus(sorted(REUTERS.glob("crude-*.txt")))
    assert len(corpus) == 20
    return corpus


@pytest.fixture(scope="session")
def reuters() -> ct.Corpus:
    """The 40 articles, without the sidecar (their ids are the file stems: crude-00001...)."""
    return ct.load_corpus(sorted(REUTERS.glob("*.txt")))
