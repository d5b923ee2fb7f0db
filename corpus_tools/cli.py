"""The ``corpus-tools`` command: a thin layer over the library."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from corpus_tools import __version__
from corpus_tools.diversity import lexical_diversity, zipf_fit
from corpus_tools.frequency import frequency_table
from corpus_tools.loading import load_corpus
from corpus_tools.paths import default_corpus
from corpus_tools.tokenize import TokenOptions, tokens

__all__ = ["main"]


def _summary(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.corpus or default_corpus())
    opts = TokenOptions(stopwords=None if args.keep_stopwords else "english")
    toks = tokens(corpus, opts)
    s = corpus.summary()
    print(f"corpus: {args.corpus or default_corpus()}")
    print(f"articles: {s['articles']}  blocks: {s['blocks']} ({s['headings']} headings, "
          f"{s['paragraphs']} paragraphs)  dates: {s['first_date']} .. {s['last_date']}")
    if corpus.problems:
        print(f"load problems: {len(corpus.problems)} ({s['skipped']} skipped)")
        for p in corpus.problems[:10]:
            print(f"  {p}")
    div = lexical_diversity(toks).iloc[0]
    freq = frequency_table(toks)
    fit = zipf_fit(freq)
    print(f"tokens: {int(div['tokens'])}  types: {int(div['types'])}  TTR: {div['ttr']:.3f}  "
          f"MATTR: {div['mattr']:.3f}  MTLD: {div['mtld']:.1f}  Zipf slope: {fit.slope:.2f} "
          f"(R² {fit.r_squared:.2f})")
    print(f"top {args.top} terms ({'with' if args.keep_stopwords else 'without'} stopwords):")
    print(freq.head(args.top).to_string(index=False, float_format=lambda x: f"{x:.1f}"))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="corpus-tools", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("summary", help="print a corpus summary and its top terms")
    p.add_argument("corpus", nargs="?", help="folder, file(s); default: the shipped seeds/")
    p.add_argument("--top", type=int, default=20, help="how many terms (default 20)")
    p.add_argument("--keep-stopwords", action="store_true", help="count stopwords too")
    p.set_defaults(func=_summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, ValueError) as e:
        print(f"corpus-tools: error: {e}", file=sys.stderr)
        return 2
