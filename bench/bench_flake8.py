"""How much the IPL plugin adds to a plain flake8 run on a real corpus.

    python bench/bench_flake8.py [PATH] [--jobs N] [--repeat R]

PATH defaults to ``corpus-cache/torchvision``.  Goal: with/without <= 1.3.

Method.  flake8 runs every *installed* plugin whatever ``--select`` says, so
"without the plugin" cannot be had with flags.  Both runs go through the same
tiny wrapper (``python -c WRAPPER``) that calls ``flake8.main.cli.main``; for
the baseline the wrapper filters the ``IPL`` entry point (any plugin whose
module is ``inplace_lint...``) out of flake8's plugin discovery
(``flake8.plugins.finder._find_importlib_plugins``), exactly as if our
dist-info were absent.  Both runs use the same flake8 options (default
checks E/F/W/C90 plus ``--select`` of the plugin code in the second), the same
``--jobs``, and ``--isolated`` (no config files); output goes to a pipe and is
counted.  Each run is repeated and the best (minimum) wall time is kept.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

WRAPPER = r"""
import sys
import flake8.plugins.finder as finder
if sys.argv[1] == "without":
    _orig = finder._find_importlib_plugins
    def _filtered():
        for p in _orig():
            if not p.entry_point.value.startswith("inplace_lint"):
                yield p
    finder._find_importlib_plugins = _filtered
from flake8.main.cli import main
sys.exit(main(sys.argv[2:]))
"""


def run(mode, path, jobs, select):
    cmd = [sys.executable, "-c", WRAPPER, mode, "--isolated", f"--jobs={jobs}", f"--select={select}",
           "--exit-zero", path]
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"flake8 failed ({mode}): {p.stderr[-2000:]}")
    lines = p.stdout.splitlines()
    return dt, len(lines), sum(" IPL" in line for line in lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default="corpus-cache/torchvision")
    ap.add_argument("--jobs", type=int, default=1, help="flake8 --jobs (default 1: a stable per-file cost)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    if not os.path.exists(args.path):
        raise SystemExit(f"no such path: {args.path}")
    n_files = sum(f.endswith(".py") for _, _, fs in os.walk(args.path) for f in fs)
    base_sel = "E,F,W,C90"
    best = {}
    for mode, select in (("without", base_sel), ("with", base_sel + ",IPL")):
        times = []
        for _ in range(args.repeat):
            dt, n_lines, n_ipl = run(mode, args.path, args.jobs, select)
            times.append(dt)
        best[mode] = (min(times), n_lines, n_ipl)
        print(f"{mode:8s} plugin: best {min(times):7.2f}s of {args.repeat} "
              f"({', '.join(f'{t:.2f}' for t in times)}); {n_lines} lines reported, {n_ipl} IPL")
    if best["without"][2]:
        raise SystemExit("the baseline still ran the IPL plugin: the filter did not work")
    ratio = best["with"][0] / best["without"][0]
    print(f"{args.path}: {n_files} .py files, --jobs={args.jobs}: ratio with/without = {ratio:.2f}x "
          f"(goal <= 1.30x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
