"""Two checkouts' scans of one folder, side by side, file by file.

    nice -n 10 python bench/bench_lockstep.py FOLDER CHECKOUT_A CHECKOUT_B [--rounds N]

Each checkout runs in a process of its own the CLI's serial scan (``runner._check_all``: one project
index, the analysis in-process, no cache), and the two are driven one file at a time, alternately
(A first on even files, B first on odd ones; swapped each round), so that a shared machine's load
falls on both alike.  Prints the CPU seconds each spent on the files and their ratio, and the
median of the per-file ratios.  On a machine whose load moved ``bench_scan.py`` pairs by 10%, a run
of one checkout against itself gave 0.99-1.015.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

WORKER = r'''
import os, sys, time, json
os.environ["INPLACE_LINT_NO_WORKER"] = "1"
sys.path.insert(0, sys.argv[1])
from inplace_lint.config import Config
from inplace_lint import runner
folder = sys.argv[2]
cfg = Config()
files = list(runner.discover([folder], cfg))
gen = runner._check_all(files, cfg, 1, None, None, [folder])
print(len(files), flush=True)
for line in sys.stdin:
    t0 = time.process_time()
    try:
        n = len(next(gen).findings)
    except StopIteration:
        n = -1
    print(json.dumps([time.process_time() - t0, n]), flush=True)
'''


def one_round(folder, checkouts, rnd):
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, c, folder], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) for c in checkouts]
    n = [int(p.stdout.readline()) for p in procs]
    assert n[0] == n[1], n
    per = [[0.0] * n[0], [0.0] * n[0]]
    found = [0, 0]
    for i in range(n[0]):
        for k in ((0, 1) if (i + rnd) % 2 == 0 else (1, 0)):
            procs[k].stdin.write("next\n")
            procs[k].stdin.flush()
            dt, f = json.loads(procs[k].stdout.readline())
            per[k][i] = dt
            found[k] += f
    for p in procs:
        p.stdin.close()
        p.wait()
    a, b = sum(per[0]), sum(per[1])
    ratios = [y / x for x, y in zip(*per) if x > 0.05]
    median = statistics.median(ratios) if ratios else float("nan")
    print(f"round {rnd}: A {a:.1f} CPU-s, B {b:.1f} CPU-s, B/A {b / a:.3f}, median per-file B/A {median:.3f} "
          f"(raw findings {found[0]} and {found[1]})", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    for rnd in range(args.rounds):
        one_round(args.folder, (args.a, args.b), rnd)


if __name__ == "__main__":
    main()
