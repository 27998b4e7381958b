"""Whole-project analysis: cost and findings against the file-by-file scan.

    python bench/bench_project.py FOLDER [FOLDER ...] [--limit N]

Baseline: ``libcst.parse_module`` of every checked file, one process (CPU s).
Measured, one process each: the file-by-file check (no project index) and the
whole-project check (one ``ProjectIndex`` for the folder, as ``check_paths``
builds).  Prints the ratios to the bare parse, the errors and warnings of each,
and the findings only the whole-project check reports.
"""
from __future__ import annotations

import argparse
import os
import sys

import libcst as cst

# the analysis runs in this process, so that os.times() counts it (a forked
# isolation worker's CPU time is not ours until it is reaped)
os.environ["INPLACE_LINT_NO_WORKER"] = "1"
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from inplace_lint.config import Config  # noqa: E402
from inplace_lint.engine.project import ProjectIndex, project_roots  # noqa: E402
from inplace_lint.runner import check_file, discover, read_source  # noqa: E402


def cpu():
    t = os.times()
    return t.user + t.system


def count(results):
    errs = sum(f.severity == "error" for r in results for f in r.findings)
    return errs, sum(len(r.findings) for r in results) - errs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=20, help="new findings to print")
    args = ap.parse_args()
    cfg = Config()
    files = [f for f in discover(args.folders, cfg) if f.endswith(".py")]
    if args.limit:
        files = files[: args.limit]
    sources = [read_source(f, cfg)[0] for f in files]
    print(f"{len(files)} files, {sum(s.count(chr(10)) for s in sources if s)} lines")
    t0 = cpu()
    for s in sources:
        try:
            cst.parse_module(s)
        except Exception:
            pass
    parse = cpu() - t0
    print(f"bare libcst parse:        {parse:7.1f} CPU-s")
    t0 = cpu()
    before = [check_file(f, cfg, None, False) for f in files]
    alone = cpu() - t0
    print(f"file by file:             {alone:7.1f} CPU-s  {alone / parse:.2f}x parse  errors/warnings {count(before)}")
    t0 = cpu()
    index = ProjectIndex(project_roots(args.folders, cfg))
    after = [check_file(f, cfg, None, index) for f in files]
    whole = cpu() - t0
    print(f"whole project:            {whole:7.1f} CPU-s  {whole / parse:.2f}x parse  errors/warnings {count(after)}"
          f"  ({len(index.loaded())} modules summarised)")
    old = {(f.path, f.line, f.code, f.severity) for r in before for f in r.findings}
    new = [f for r in after for f in r.findings if (f.path, f.line, f.code, f.severity) not in old]
    gone = {(f.path, f.line, f.code, f.severity) for r in after for f in r.findings}
    print(f"new findings: {len(new)}; findings gone: {len(old - gone)}")
    for f in new[: args.show]:
        print(f"  {f.path}:{f.line}: {f.code} [{f.severity}] {f.message[:300]}")


if __name__ == "__main__":
    main()
