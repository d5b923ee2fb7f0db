"""Time the loader and tokeniser on hostile sizes and shapes (not a test: prints numbers).

Usage, from the repository root::

    python benchmarks/bench_hostile.py [--megabytes 50] [--files 10000]

Measured on the idle 2-core CI machine (2026-11-28): 50 MB article written
0.2 s, loaded 1.3 s; its first MB tokenised 3.3 s; 10,000 tiny files written
0.7 s, loaded 0.5 s; a Markdown heading line with 100,000 spaces < 1 ms (the
old regex took 17.6 s for 40,000, cores busy); 100,000 quotes in one
sentence 0.4 s (quadratic before); 20,000 one-character sentences 2.0 s.
With both cores busy (other jobs) every number was about 5 times larger.
Input shapes that stress regular expressions are listed in
``PATHOLOGICAL``; add any new one the fuzzer finds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from hostile_corpus import build_big_article, build_many_files  # noqa: E402

import corpus_tools as ct  # noqa: E402
from corpus_tools.model.blocks import split_blocks  # noqa: E402

N = 100_000
PATHOLOGICAL = {
    "markdown heading + 100k spaces": lambda: split_blocks("# a" + " " * N + "b #"),
    "100k-space blank line": lambda: split_blocks("x\n" + " " * N + "\ny"),
    "100k quotes (word_spans)": lambda: ct.tokens.word_spans('"' * N),
    "20k '. ' sentences": lambda: ct.word_tokenize(". " * 20_000),
    "10k 'Mr. '": lambda: ct.word_tokenize("Mr. " * 10_000),
    "100k '!' ": lambda: ct.word_tokenize("!" * N),
    "100k letters, no space": lambda: ct.word_tokenize("a" * N),
    "date header + 1M white space": lambda: ct.io.parse_txt_article("date" + " " * 1_000_000, "x"),
}


def timed(label: str, func) -> float:
    start = time.perf_counter()
    func()
    seconds = time.perf_counter() - start
    print(f"{seconds:9.3f} s  {label}", flush=True)
    return seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args(argv)
    for label, func in PATHOLOGICAL.items():
        timed(label, func)
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore", ct.CorpusLoadWarning)
        tmp = Path(tmp)
        path, paragraphs = timed_result(f"write {args.megabytes} MB article", build_big_article, tmp, args.megabytes)
        corpus = timed_result(f"load it ({paragraphs} paragraphs)", ct.load_corpus, path)
        first_mb = ct.Article("x", corpus[0].blocks[: 2**20 // len(corpus[0].blocks[0].text)])
        timed("tokenise its first MB", lambda: sum(1 for _ in ct.tokens.iter_tokens(first_mb)))
        del corpus
        folder = timed_result(f"write {args.files} tiny files", build_many_files, tmp / "many", args.files)
        timed(f"load {args.files} tiny files", lambda: ct.load_corpus(folder))


def timed_result(label: str, func, *args):
    start = time.perf_counter()
    result = func(*args)
    print(f"{time.perf_counter() - start:9.3f} s  {label}", flush=True)
    return result


if __name__ == "__main__":
    main()
