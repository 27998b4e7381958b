"""How much the IPL plugin adds to a plain flake8 run, cold and warm.

    nice -n 10 python bench/bench_flake8.py [PATH ...] [--jobs N] [--repeat R]

PATHs default to the dev corpus's torchvision and torch's own nn sources.
Goals: with/without <= 1.3x cold, <= 1.1x warm.

Method.  flake8 runs every *installed* plugin whatever ``--select`` says, so
"without the plugin" cannot be had with flags.  All runs go through the same
tiny wrapper (``python -c WRAPPER``) that calls ``flake8.main.cli.main``; for
the baseline the wrapper filters the ``IPL`` entry point (any plugin whose
module is ``inplace_lint...``) out of flake8's plugin discovery
(``flake8.plugins.finder._find_importlib_plugins``), exactly as if our
dist-info were absent.  All runs use the same options (default checks
E/F/W/C90 plus ``IPL``), the same ``--jobs`` and ``--isolated``.

- without: flake8 alone;
- with, cold: the plugin with an empty result cache (``INPLACE_LINT_CACHE_DIR``
  pointing at a fresh folder each time): every file is analysed;
- with, warm: the plugin again on the unchanged tree: files are answered from
  the cache.

The plugin's output lines must be the same cold and warm (exit 1 if not).
Times are CPU seconds (user + system) of the child processes
(``resource.getrusage(RUSAGE_CHILDREN)``; with ``--jobs`` > 1 that includes
flake8's workers), the best of ``--repeat``: wall time is too noisy on a
shared machine.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = ["/work/corpus/torchvision", "/work/corpus/torch-subset/torch/nn"]
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


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(mode, path, jobs, env):
    cmd = [sys.executable, "-c", WRAPPER, mode, "--isolated", f"--jobs={jobs}", "--select=E,F,W,C90,IPL",
           "--exit-zero", path]
    t0 = child_cpu()
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    dt = child_cpu() - t0
    if p.returncode != 0:
        raise SystemExit(f"flake8 failed ({mode}): {p.stderr[-2000:]}")
    return dt, sorted(line for line in p.stdout.splitlines() if " IPL" in line)


def one_path(path, jobs, repeat):
    env = dict(os.environ, PYTHONPATH=ROOT)
    env.pop("INPLACE_LINT_NO_CACHE", None)
    times = {"without": [], "cold": [], "warm": []}
    outputs = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(repeat):
            t, out = run("without", path, jobs, env)
            times["without"].append(t)
            if out:
                raise SystemExit("the baseline still ran the IPL plugin: the filter did not work")
            cache_env = dict(env, INPLACE_LINT_CACHE_DIR=os.path.join(tmp, f"cache{i}"))
            t, outputs["cold"] = run("with", path, jobs, cache_env)
            times["cold"].append(t)
            t, outputs["warm"] = run("with", path, jobs, cache_env)
            times["warm"].append(t)
    base = min(times["without"])
    n_files = sum(f.endswith(".py") for _, _, fs in os.walk(path) for f in fs)
    cold, warm = min(times["cold"]), min(times["warm"])
    same = outputs["cold"] == outputs["warm"]
    print(f"{path}: {n_files} .py files, --jobs={jobs}, {len(outputs['cold'])} IPL lines (cold == warm: {same})")
    print(f"  without plugin      {base:7.2f} CPU-s")
    print(f"  with plugin, cold   {cold:7.2f} CPU-s  {cold / base:5.2f}x  (goal <= 1.30x)")
    print(f"  with plugin, warm   {warm:7.2f} CPU-s  {warm / base:5.2f}x  (goal <= 1.10x)")
    return same


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=DEFAULT)
    ap.add_argument("--jobs", type=int, default=1, help="flake8 --jobs (default 1: a stable per-file cost)")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args(argv)
    ok = True
    for path in args.paths:
        if not os.path.exists(path):
            raise SystemExit(f"no such path: {path}")
        ok = one_path(path, args.jobs, args.repeat) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
