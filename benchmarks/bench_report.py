"""Benchmark: ``corpus-tools report`` end to end on news-like corpora of real English prose.

Not a test: it runs the report command as a user does, in a subprocess,
and samples (every 0.2 s, with psutil; PSS every 2 s) the resident memory summed over
that process and all its descendants (the runner, its tokenising workers
and the notebook kernels), recording the peak for the whole run and for
each notebook (the notebook running is read from the runner's log lines),
and the wall time per notebook from the report's ``manifest.json``.

Corpora: news-sized articles (2-8 KB, about 20,000 per 100 MB) with a date
header and a title, made of the real English paragraphs that
``benchmarks/build_corpus.py`` collects from Debian-packaged prose (its
set-up is in that file), shuffled with a fixed seed; once the paragraph pool
is used up, later passes reuse paragraphs in new articles, so the vocabulary
grows like real text and then levels off.

Usage::

    python benchmarks/bench_report.py --mb 10 [--mb 100] [--notebook word_frequency] [--jobs 1] [--work /tmp/bench]

Prints one Markdown table row per corpus (paste into benchmarks/RESULTS.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_corpus import paragraph_pool  # a sibling script, not a package

ARTICLE_BYTES = (2_000, 8_000)


def build_news_corpus(out: Path, mb: float, seed: int = 11, shard_articles: int = 500) -> dict:
    """JSONL shards of news-like articles (id, title, date, text) totalling about ``mb`` MB of text."""
    pool = paragraph_pool()
    if not pool:
        raise SystemExit("no source prose found: see the set-up in benchmarks/build_corpus.py")
    out.mkdir(parents=True, exist_ok=True)
    target = int(mb * 1e6)
    written = article_no = passes = 0
    shard: list[str] = []
    shards = 0
    day0 = dt.date(2020, 1, 1)
    while written < target:
        order = list(range(len(pool)))
        random.Random(seed + passes).shuffle(order)
        passes += 1
        rng = random.Random(seed * 1000 + passes)
        i = 0
        while i < len(order) and written < target:
            want = rng.randint(*ARTICLE_BYTES)
            paras: list[str] = []
            while i < len(order) and sum(len(p) + 2 for p in paras) < want:
                paras.append(pool[order[i]])
                i += 1
            title = " ".join(re.findall(r"[A-Za-z]+", paras[0])[:6]).title()
            record = {"id": f"n{article_no:07d}", "title": title,
                      "date": (day0 + dt.timedelta(days=article_no % 1500)).isoformat(), "text": "\n\n".join(paras)}
            article_no += 1
            written += len(record["text"].encode())
            shard.append(json.dumps(record, ensure_ascii=False))
            if len(shard) == shard_articles:
                (out / f"news{shards:04d}.jsonl").write_text("\n".join(shard) + "\n", "utf-8")
                shards, shard = shards + 1, []
    if shard:
        (out / f"news{shards:04d}.jsonl").write_text("\n".join(shard) + "\n", "utf-8")
        shards += 1
    return {"articles": article_no, "files": shards, "mb": round(written / 1e6, 1), "passes": passes,
            "pool_paragraphs": len(pool)}


def tree_memory(proc: psutil.Process, pss: bool = True) -> tuple[int, int]:
    """Resident and proportional set size (bytes) of ``proc`` and every descendant alive now (PSS 0 unless ``pss``).

    RSS counts a page shared by several processes once in each: the tokenising workers are forked
    from the runner and share its pages, so the RSS sum counts those pages two or three times. PSS
    (Linux ``/proc/PID/smaps_rollup``) divides each shared page among the processes sharing it, so
    its sum over the tree is the memory the tree really holds.  Reading it makes the kernel walk
    each process' page tables (about 20 ms per GB): sampled every 0.2 s it took a third of a core
    from the run measured, so :func:`run_report` reads it every :data:`PSS_EVERY` seconds only.
    """
    rss = total_pss = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            info = p.memory_full_info() if pss else p.memory_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        rss += info.rss
        total_pss += getattr(info, "pss", info.rss) if pss else 0
    return rss, total_pss


#: Seconds between two PSS samples (RSS: every 0.2 s).
PSS_EVERY = 2.0


def run_report(corpus: Path, out: Path, notebooks: list[str], limit: float, jobs: int | None = None) -> dict:
    cmd = [sys.executable, "-m", "corpus_tools", "report", str(corpus), "-o", str(out), "--no-progress"]
    if jobs is not None:  # -j N: tokenising workers and notebooks at once (default: every core)
        cmd += ["-j", str(jobs)]
    for name in notebooks:
        cmd += ["-n", name]
    started = time.perf_counter()
    own = resource.getrusage(resource.RUSAGE_SELF)
    started_cpu = own.ru_utime + own.ru_stime
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    ps = psutil.Process(proc.pid)
    phase = ["load+tokens"]
    peaks: dict[str, int] = {}
    pss_peaks: dict[str, int] = {}
    log: list[str] = []

    def read_log() -> None:
        for line in proc.stdout:
            log.append(line.rstrip())
            m = re.match(r"\[\d+/\d+\] (\S+): running", line)
            if m:
                phase[0] = m.group(1)

    reader = threading.Thread(target=read_log, daemon=True)
    reader.start()
    killed = False
    last_pss = -PSS_EVERY
    while proc.poll() is None:
        due = time.perf_counter() - last_pss >= PSS_EVERY
        rss, pss = tree_memory(ps, pss=due)
        peaks[phase[0]] = max(peaks.get(phase[0], 0), rss)
        if due:
            last_pss = time.perf_counter()
            pss_peaks[phase[0]] = max(pss_peaks.get(phase[0], 0), pss)
        if time.perf_counter() - started > limit and not killed:
            killed = True  # the whole tree: runner, workers and kernels
            for p in [*ps.children(recursive=True), ps]:
                try:
                    p.kill()
                except psutil.NoSuchProcess:
                    pass
        time.sleep(0.2)
    reader.join()
    wall = time.perf_counter() - started
    sampler = resource.getrusage(resource.RUSAGE_SELF)  # this process: the sampling's own cost, beside the run's
    manifest = json.loads((out / "manifest.json").read_text()) if (out / "manifest.json").is_file() else {}
    return {"rc": proc.returncode, "wall_s": round(wall, 1), "peak_mb": round(max(peaks.values()) / 2**20),
            "peaks_mb": {k: round(v / 2**20) for k, v in peaks.items()},
            "peak_pss_mb": round(max(pss_peaks.values(), default=0) / 2**20),
            "pss_peaks_mb": {k: round(pss_peaks.get(k, 0) / 2**20) for k in peaks},
            "notebooks_s": {nb["name"]: nb["duration_s"] for nb in manifest.get("notebooks", [])},
            "killed_in": phase[0] if killed else None,
            "sampler_cpu_s": round(sampler.ru_utime + sampler.ru_stime - started_cpu, 1),
            # the tokens pass's line (its seconds) and the notebooks' last lines
            "log": [ln for ln in log if ln.startswith("tokens:")][-1:] + [ln for ln in log if "] " in ln][-8:]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, action="append", help="corpus size in MB (repeatable; default 10)")
    ap.add_argument("--notebook", action="append", default=[], help="only these notebooks (default: all)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/corpus-tools-bench-report"))
    ap.add_argument("--limit", type=float, default=1800, help="kill the report after this many seconds")
    ap.add_argument("--jobs", type=int, default=None, help="pass -j N to the report (default: every core)")
    args = ap.parse_args()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, "
          f"{psutil.virtual_memory().total / 2**30:.0f} GB RAM, Python {platform.python_version()}")
    rows = []
    for mb in args.mb or [10.0]:
        corpus = args.work / f"news-{mb:g}mb"
        if not corpus.is_dir():
            print("corpus:", build_news_corpus(corpus, mb))
        out = args.work / f"report-{mb:g}mb"
        # a previous report's token cache would be reused (no tokenising): every run starts cold
        shutil.rmtree(out, ignore_errors=True)
        result = run_report(corpus, out, args.notebook, args.limit, args.jobs)
        print(json.dumps(result, indent=1))
        rows.append((mb, result))
    print("\n| corpus | wall | peak, process tree: RSS sum | PSS sum | per notebook: wall (peak RSS, PSS) | exit |")
    print("|---|---:|---:|---:|---|---:|")
    for mb, r in rows:
        per = ", ".join(f"{k} {r['notebooks_s'][k]} s ({r['peaks_mb'][k]}, {r['pss_peaks_mb'][k]} MB)"
                        if k in r["notebooks_s"] else f"{k} ({r['peaks_mb'][k]}, {r['pss_peaks_mb'][k]} MB)"
                        for k in r["peaks_mb"])
        status = f"killed in {r['killed_in']}" if r["killed_in"] else r["rc"]
        print(f"| {mb:g} MB | {r['wall_s']} s | {r['peak_mb']} MB | {r['peak_pss_mb']} MB | {per} | {status} |")


if __name__ == "__main__":
    main()
