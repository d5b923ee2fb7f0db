"""n_jobs=1 against n_jobs=2 (all cores) on the same folder, alternately, a few times.

Not a test: run by hand (numbers in ``benchmarks/RESULTS.md``)::

    PYTHONPATH=. python benchmarks/bench_parallel.py /tmp/bench100 --repeat 2

Prints wall time, CPU time (this process and its workers) and the load
average just before each run: on a shared machine the speed-up depends on
how much of the second core other processes leave.
"""

from __future__ import annotations

import argparse
import os
import resource
import time

from corpus_tools.scale.parallel import count_corpus


def cpu_seconds() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    for rep in range(args.repeat):
        walls = {}
        for n_jobs in (1, 2):
            load = os.getloadavg()[0]
            cpu, start = cpu_seconds(), time.perf_counter()
            result = count_corpus(args.folder, n_jobs=n_jobs, progress=False)
            walls[n_jobs] = time.perf_counter() - start
            print(f"run {rep}: n_jobs={n_jobs}  wall {walls[n_jobs]:.1f} s  cpu {cpu_seconds() - cpu:.1f} s  "
                  f"load before {load:.2f}  tokens {result.n_tokens}", flush=True)
        print(f"run {rep}: speed-up {walls[1] / walls[2]:.2f}x", flush=True)


if __name__ == "__main__":  # worker processes may re-import this file
    main()
