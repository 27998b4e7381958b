"""Crash sweep, long version: does any input crash, hang or stop the linter?

    python bench/sweep.py [--programs N] [--hypothesmith N] [--stdlib | --no-stdlib]
                          [--corpus DIR ...] [--time-limit S] [--jobs J] [--slowest K]

Checks, each file in the linter's own isolated worker (so a segfault or a
hang is counted, not suffered):

* the CPython standard library (``sysconfig.get_paths()["stdlib"]``, tests
  included, site-packages excluded),
* the real code under ``--corpus`` folders (default: every finished folder
  of /work/corpus),
* N seeded PyTorch-shaped programs (``tests/torch_programs.py``) and N
  hypothesmith programs (seeded), analysed whether or not they look hazardous.

Prints, per set: files, crashes (internal errors, dead workers), hangs (hard
time-limit kills), incomplete analyses, libcst-cannot-parse notes, files
refused by the pre-scan, syntax errors, and the slowest files with their
times.  Exit 1 when anything crashed or hung.
"""
from __future__ import annotations

import argparse
import glob
import os
import sys
import sysconfig
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))

from inplace_lint import isolation  # noqa: E402
from inplace_lint.config import Config  # noqa: E402
from inplace_lint.runner import check_file, check_parsed  # noqa: E402


def classify(problem):
    if problem is None:
        return "analysed"
    m = problem.message
    if m.startswith("internal error") or m.startswith(isolation.CRASHED) or \
            m == isolation.OUT_OF_MEMORY:
        return "crash"
    if m.startswith("not checked: still running"):
        return "hang"
    if m.startswith("analysis incomplete"):
        return "incomplete"
    if m.startswith("cannot analyse: libcst"):
        return "libcst-cannot-parse"
    if m.startswith("not checked:"):
        return "refused"
    if m.startswith(("syntax error", "cannot parse", "cannot decode", "cannot read")):
        return "invalid"
    return "other: " + m[:60]


class Tally:
    def __init__(self, name):
        self.name = name
        self.kinds = Counter()
        self.times = []
        self.bad = []
        self.start = time.monotonic()

    def add(self, label, problem, seconds):
        kind = classify(problem)
        self.kinds[kind] += 1
        self.times.append((seconds, label))
        if kind in ("crash", "hang", "incomplete") or kind.startswith("other"):
            self.bad.append((kind, label, problem.message))
            print(f"   ! {kind}: {label}: {problem.message}", flush=True)
        n = len(self.times)
        if n % 200 == 0:  # progress, for runs cut short
            slow = max(self.times)
            print(f"   ... {self.name}: {n} files, {dict(self.kinds)}, slowest so far {slow[0]:.2f} s {slow[1]}",
                  flush=True)

    def report(self, slowest):
        n = sum(self.kinds.values())
        wall = time.monotonic() - self.start
        print(f"\n== {self.name}: {n} files in {wall:.0f} s")
        for kind in ("analysed", "crash", "hang", "incomplete", "libcst-cannot-parse", "refused", "invalid"):
            print(f"   {kind:22s} {self.kinds.get(kind, 0)}")
        for kind, count in sorted(self.kinds.items()):
            if kind.startswith("other"):
                print(f"   {kind:22s} {count}")
        for kind, label, message in self.bad[:20]:
            print(f"   ! {kind}: {label}: {message}")
        self.times.sort(reverse=True)
        for seconds, label in self.times[:slowest]:
            print(f"   slow {seconds:7.2f} s  {label}")
        sys.stdout.flush()


def sweep_files(name, files, config, slowest):
    t = Tally(name)
    for path in files:
        start = time.monotonic()
        r = check_file(path, config)
        t.add(path, r.problem, time.monotonic() - start)
    t.report(slowest)
    return t


def sweep_sources(name, sources, config, slowest):
    t = Tally(name)
    for label, text in sources:
        start = time.monotonic()
        r = isolation.run(check_parsed, text, label, time_limit=config.file_time_limit)
        t.add(label, r.problem, time.monotonic() - start)
    t.report(slowest)
    return t


def torch_sources(n):
    import torch_programs

    for seed in range(n):
        yield f"torch_program_{seed}.py", torch_programs.program(seed, statements=6, max_depth=3)


def hypothesmith_sources(n):
    import warnings

    import hypothesmith
    from hypothesis import HealthCheck, given, settings

    out = []

    @settings(max_examples=n, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(hypothesmith.from_grammar())
    def collect(source):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                compile(source, "<gen>", "exec", 1024, dont_inherit=True)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return
        out.append(source)

    collect()
    return [(f"hypothesmith_{i}.py", s) for i, s in enumerate(out)]


def python_files(root, skip=("site-packages",)):
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x not in skip and x != "__pycache__")
        out += [os.path.join(d, f) for f in sorted(files) if f.endswith(".py")]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--programs", type=int, default=10_000, help="PyTorch-shaped programs")
    ap.add_argument("--hypothesmith", type=int, default=1000, help="hypothesmith examples to draw")
    ap.add_argument("--stdlib", dest="stdlib", action="store_true", default=True)
    ap.add_argument("--no-stdlib", dest="stdlib", action="store_false")
    ap.add_argument("--corpus", nargs="*", default=None, help="folders of real code")
    ap.add_argument("--time-limit", type=float, default=60.0, help="per-file time limit (s)")
    ap.add_argument("--slowest", type=int, default=5)
    args = ap.parse_args()
    config = Config()
    config.file_time_limit = args.time_limit
    tallies = []
    # generated programs first: they are quick, so a run cut short still reports them
    if args.programs:
        tallies.append(sweep_sources(f"{args.programs} PyTorch-shaped programs", torch_sources(args.programs),
                                     config, args.slowest))
    if args.hypothesmith:
        sources = hypothesmith_sources(args.hypothesmith)
        tallies.append(sweep_sources(f"{len(sources)} valid hypothesmith programs (of {args.hypothesmith} drawn)",
                                     sources, config, args.slowest))
    if args.stdlib:
        stdlib = sysconfig.get_paths()["stdlib"]
        tallies.append(sweep_files(f"stdlib {stdlib}", python_files(stdlib), config, args.slowest))
    corpora = args.corpus if args.corpus is not None else sorted(
        d for d in glob.glob("/work/corpus/*") if os.path.exists(os.path.join(d, ".done")))
    for d in corpora:
        tallies.append(sweep_files(f"corpus {d}", python_files(d), config, args.slowest))
    total = Counter()
    for t in tallies:
        total.update(t.kinds)
    print(f"\n== total: {sum(total.values())} files; crashes {total['crash']}, hangs {total['hang']}, "
          f"incomplete {total['incomplete']}")
    return 1 if total["crash"] or total["hang"] else 0


if __name__ == "__main__":
    sys.exit(main())
