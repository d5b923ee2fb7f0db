"""Shared fixtures: paths to the repository, the seed corpus and its article."""

from __future__ import annotations

from pathlib import Path

import pytest

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
