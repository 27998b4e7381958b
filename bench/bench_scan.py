"""Scan speed against the bare libcst parse of the same files.

    nice -n 10 python bench/bench_scan.py [FOLDER ...] [--jobs N] [--limit N]

FOLDERs default to every dev corpus folder (timm, torchvision, torch-subset).

Baseline: ``libcst.parse_module`` of every file, one process (CPU seconds).
Measured: the full ``inplace-lint check`` of the folder as the CLI runs it
(reading, prefilter, parse, analysis with one project index, positions, rules;
no cache), one process; then the same with all cores
(wall seconds).  Also checks growth with file size on the synthetic 10k/40k-line
files from ``../shared/tools/corpus.sh`` when present.

Prints the ratios per folder; the goal is a cold scan (no result cache) within
1.5x the bare parse on every corpus.  ``--jobs 0`` skips the parallel run.
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import time

import libcst as cst

# the analysis runs in this process, so that os.times() counts it (a forked
# isolation worker's CPU time is not ours until it is reaped)
os.environ["INPLACE_LINT_NO_WORKER"] = "1"
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from inplace_lint.config import Config  # noqa: E402
from inplace_lint import runner  # noqa: E402
from inplace_lint.runner import check_file, check_paths, discover, read_source  # noqa: E402


def cpu():
    t = os.times()
    return t.user + t.system


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="*",
                    default=[f"/work/corpus/{n}" for n in ("timm", "torchvision", "torch-subset")])
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    ap.add_argument("--gc", action="store_true",
                    help="also scan with Python's default collector thresholds (what rare_collections saves)")
    ap.add_argument("--growth", action="store_true", help="also time the synthetic 10k/40k-line files")
    args = ap.parse_args()
    for folder in args.folders:
        print(f"== {folder}")
        one_folder([folder], args)
    if args.growth:
        growth(os.path.join(os.path.dirname(args.folders[0]), "synthetic"))


def one_folder(folders, args):
    cfg = Config()
    files = [f for f in discover(folders, cfg) if f.endswith(".py")]
    if args.limit:
        files = files[: args.limit]
    sources = {}
    for f in files:
        text, problem = read_source(f, cfg)
        if problem is None:
            sources[f] = text
    size = sum(len(s) for s in sources.values()) / 1e6
    lines = sum(s.count("\n") for s in sources.values())
    print(f"{len(sources)} files, {lines} lines, {size:.1f} MB")

    t0 = cpu()
    for s in sources.values():
        try:
            cst.parse_module(s)
        except Exception:
            pass
    parse = cpu() - t0
    print(f"baseline  libcst parse, 1 process:      {parse:8.1f} CPU-s")

    # the CLI's own path: one run over the folder (one project index), no cache
    scan = one_scan(list(sources) if args.limit else folders, cfg, parse, "inplace-lint check, 1 process:    ")
    if args.gc:
        # the same with Python's default collector thresholds (runner.rare_collections off)
        tuned = runner.COLLECT_THRESHOLDS
        runner.COLLECT_THRESHOLDS = gc.get_threshold()
        try:
            plain = one_scan(list(sources) if args.limit else folders, cfg, parse,
                             "same, default gc thresholds:      ")
        finally:
            runner.COLLECT_THRESHOLDS = tuned
        print(f"rarer collections save {100 * (1 - scan / plain):.0f}% of the scan")

    if args.jobs:
        t0 = time.perf_counter()
        list(check_paths(list(sources), cfg, jobs=args.jobs))
        wall = time.perf_counter() - t0
        print(f"inplace-lint check, {args.jobs} processes:        {wall:8.1f} wall-s ratio {wall / parse:.2f}x "
              f"one-process parse")


def one_scan(paths, cfg, parse, label):
    t0 = cpu()
    n_find = n_err = 0
    for r in check_paths(paths, cfg, jobs=1):
        n_find += len(r.findings)
        n_err += sum(x.severity == "error" for x in r.findings)
    scan = cpu() - t0
    print(f"{label}      {scan:8.1f} CPU-s  ratio {scan / parse:.2f}x parse"
          f"  ({n_err} errors, {n_find - n_err} warnings)")
    return scan


def growth(synth):
    cfg = Config()
    b10, b40 = os.path.join(synth, "big10k.py"), os.path.join(synth, "big40k.py")
    if os.path.exists(b10) and os.path.exists(b40):
        times = []
        for p in (b10, b40):
            t0 = cpu()
            check_file(p, cfg)
            times.append(cpu() - t0)
        print(f"growth    10k lines {times[0]:.1f} s, 40k lines {times[1]:.1f} s: x{times[1] / times[0]:.2f} "
              f"for 4x the size (linear = 4)")


if __name__ == "__main__":
    main()
