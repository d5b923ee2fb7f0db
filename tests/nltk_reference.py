"""What NLTK's collocation finders see for a token table: the reference the counting tests compare with."""

from __future__ import annotations

from corpus_tools.stats.counts import BOUNDARIES


def nltk_sequence(toks, boundary: str, window_size: int) -> list:
    """The documented NLTK equivalent: each unit's tokens from first to last kept position,
    None for filtered tokens, window_size - 1 None after each unit."""
    unit = BOUNDARIES[boundary]
    keys = ["article"] + ([unit] if unit else [])
    seq: list = []
    for _, g in toks.groupby(keys, sort=False):
        pos, words = g["position"].tolist(), g["norm"].tolist()
        run = [None] * (pos[-1] - pos[0] + 1)
        for p, w in zip(pos, words, strict=True):
            run[p - pos[0]] = w
        seq += run + [None] * (window_size - 1)
    return seq
