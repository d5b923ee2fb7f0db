"""Throughput, peak memory and token agreement: our counting pipeline against the usual anchors.

Not a test: run by hand (see ``benchmarks/RESULTS.md`` for the numbers).

Set-up::

    apt-get install -y linux-doc-6.1 python3.11-doc fortunes jargon-text \\
        python-django-doc postgresql-doc-15 debian-handbook git-doc
    python benchmarks/build_corpus.py /tmp/bench100 --mb 100
    PYTHONPATH=. python benchmarks/bench_scale.py /tmp/bench100 [--nltk-mb 4] [--agreement-mb 2]

Every method runs in a fresh subprocess, so its peak RSS is its own
(``ru_maxrss``; for process pools, the largest worker is reported too).
Methods that take texts (the anchors, and "ours in memory") get the article
texts already read from the JSONL files, and the time counted is
tokenising + counting only; "ours streamed" rows read the files themselves
(JSON parsing and block splitting included).

Methods:

* ``ours``: :class:`corpus_tools.tokens.fast.FastTokenizer` counts of all
  texts, normalised as ``frequency_table`` does (lower case, words only).
* ``ours_stream_1``, ``ours_stream_all``, ``ours_dask``: :func:`corpus_tools.count_corpus`
  over the folder with ``n_jobs=1``, all cores, and a Dask ``LocalCluster``
  (one worker per core, one thread each).
* ``nltk``: ``nltk.word_tokenize(text, preserve_line=True)`` + ``FreqDist``
  on the first ``--nltk-mb`` MB only (it runs at < 1 MB/s); its rate is
  extrapolated to the corpus.
* ``regexp``: ``RegexpTokenizer(r"\\w+|[^\\w\\s]+")`` + ``Counter``.
* ``sklearn``: ``CountVectorizer().fit_transform(texts)``.
* ``refindall``: ``re.findall(r"\\w+", text)`` + ``Counter``.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections import Counter

METHODS = ["ours", "ours_stream_1", "ours_stream_all", "ours_dask", "nltk", "regexp", "sklearn", "refindall"]


def load_texts(folder: str, limit_mb: float | None = None) -> list[str]:
    texts, size = [], 0
    for path in sorted(glob.glob(os.path.join(folder, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                text = json.loads(line)["text"]
                texts.append(text)
                size += len(text.encode())
                if limit_mb and size >= limit_mb * 1e6:
                    return texts
    return texts


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its finished children."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run_one(method: str, folder: str, nltk_mb: float) -> dict:
    """Time one method in this process; returns MB, seconds, tokens and peak RSS."""
    import corpus_tools as ct

    stream = method.startswith("ours_")
    texts = [] if stream else load_texts(folder, nltk_mb if method == "nltk" else None)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu_before = _cpu()
    start = time.perf_counter()
    if method == "ours":
        fast, options = ct.tokens.FastTokenizer(), ct.TokenOptions()
        raw: Counter = Counter()
        for i in range(0, len(texts), 1000):
            raw.update(fast.counts("\n".join(texts[i : i + 1000])))
        counts: Counter = Counter()
        for tok, n in raw.items():
            norm = options.normalize(tok)
            if norm is not None:
                counts[norm] += n
        tokens = sum(raw.values())
    elif stream:
        if method == "ours_dask":
            from distributed import Client, LocalCluster

            with LocalCluster(n_workers=os.cpu_count(), threads_per_worker=1, host="127.0.0.1",
                              dashboard_address=":0") as cluster, Client(cluster) as client:
                start = time.perf_counter()  # cluster start-up is not counting
                result = ct.count_corpus(folder, client=client, progress=False)
        else:
            result = ct.count_corpus(folder, n_jobs=1 if method == "ours_stream_1" else None, progress=False)
        tokens = result.n_tokens
        mb = sum(os.path.getsize(p) for p in glob.glob(os.path.join(folder, "*.jsonl"))) / 1e6
    elif method == "nltk":
        import nltk

        fd = nltk.FreqDist()
        for t in texts:
            fd.update(nltk.word_tokenize(t, preserve_line=True))
        tokens = fd.N()
    elif method == "regexp":
        from nltk.tokenize import RegexpTokenizer

        tok = RegexpTokenizer(r"\w+|[^\w\s]+")
        c: Counter = Counter()
        for t in texts:
            c.update(tok.tokenize(t))
        tokens = sum(c.values())
    elif method == "sklearn":
        from sklearn.feature_extraction.text import CountVectorizer

        matrix = CountVectorizer().fit_transform(texts)
        tokens = int(matrix.sum())
    elif method == "refindall":
        pattern, c = re.compile(r"\w+"), Counter()
        for t in texts:
            c.update(pattern.findall(t))
        tokens = sum(c.values())
    else:
        raise SystemExit(f"unknown method {method}")
    seconds = time.perf_counter() - start
    cpu = _cpu() - cpu_before
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"method": method, "mb": mb, "seconds": seconds, "cpu_seconds": cpu, "tokens": tokens,
            "rss_texts_mb": rss_before,
            "peak_rss_mb": peak, "peak_child_rss_mb": child}


def agreement(folder: str, mb: float) -> dict:
    """Fast vs exact tokens on the first ``mb`` MB: multiset agreement and the commonest differences."""
    import corpus_tools as ct
    from corpus_tools.model.corpus import Article

    texts = load_texts(folder, mb)
    ref: Counter = Counter()
    fast: Counter = Counter()
    for i, text in enumerate(texts):
        article = Article.from_text(text, id=str(i))
        ref.update(t.text for t in ct.tokens.iter_tokens(article))
        fast.update(ct.tokens.fast_token_counts("\n".join(b.text for b in article.blocks)))
    a = ct.tokens.token_agreement(ref, fast)
    return {"mb": sum(len(t.encode()) for t in texts) / 1e6, "reference_tokens": a.reference_tokens,
            "matched": a.matched, "rate": a.rate, "missing": a.missing.most_common(12),
            "extra": a.extra.most_common(12)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--methods", default=",".join(METHODS))
    ap.add_argument("--nltk-mb", type=float, default=4.0)
    ap.add_argument("--agreement-mb", type=float, default=2.0)
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--json", help="write all results to this file")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.folder, args.nltk_mb)))
        return
    results = []
    for method in args.methods.split(","):
        out = subprocess.run([sys.executable, __file__, args.folder, "--one", method, "--nltk-mb", str(args.nltk_mb)],
                             capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        r = results[-1]
        print(f"{method:16s} {r['mb'] / r['seconds']:7.2f} MB/s  {r['tokens'] / r['seconds'] / 1e6:6.2f} Mtok/s  "
              f"{r['mb'] / r['cpu_seconds']:7.2f} MB/cpu-s  peak {r['peak_rss_mb']:6.0f} MB "
              f"(worker {r['peak_child_rss_mb']:4.0f} MB; texts {r['rss_texts_mb']:4.0f} MB)  "
              f"{r['seconds']:.1f} s wall, {r['cpu_seconds']:.1f} cpu-s  load {os.getloadavg()[0]:.1f}", flush=True)
    by = {r["method"]: r for r in results}
    print("\nratio of our MB/s to each anchor's:")
    for ours in [m for m in by if m.startswith("ours")]:
        rate = by[ours]["mb"] / by[ours]["seconds"]
        print(ours, {a: round(rate / (by[a]["mb"] / by[a]["seconds"]), 2) for a in by if not a.startswith("ours")})
    print("ratio of our MB per CPU-second to each anchor's (insensitive to other load on the machine):")
    for ours in [m for m in by if m.startswith("ours")]:
        rate = by[ours]["mb"] / by[ours]["cpu_seconds"]
        print(ours, {a: round(rate / (by[a]["mb"] / by[a]["cpu_seconds"]), 2) for a in by if not a.startswith("ours")})
    agree = agreement(args.folder, args.agreement_mb) if args.agreement_mb else None
    if agree:
        print(f"\nagreement with the exact path on {agree['mb']:.1f} MB: {agree['rate']:.5%} of "
              f"{agree['reference_tokens']} tokens; missing {agree['missing']}; extra {agree['extra']}")
    load = os.getloadavg()
    print(f"\nmachine: {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"results": results, "agreement": agree, "loadavg": load}, f, indent=1)


if __name__ == "__main__":
    main()
