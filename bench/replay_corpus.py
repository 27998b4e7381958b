#!/usr/bin/env python3
"""Exercise replay.confirm() on the labelled dev corpus.

One Finding per manifest line (code by label: VC->IPL001, LEAF->IPL002,
VIEW->IPL003, SAFE->IPL001), replayed, then counted:

  hazard lines confirmed / refuted / undecided, SAFE lines confirmed (should be 0),
  and the reasons of the undecided ones.

    python bench/replay_corpus.py [--corpus DIR] [--timeout S] [--jobs N] [-v] [--json OUT]
"""
import argparse
import collections
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from inplace_lint.findings import ERROR, Finding  # noqa: E402
from inplace_lint.runtime.replay import launcher  # noqa: E402
from inplace_lint.runtime.replay import confirm  # noqa: E402

CODE = {"VC": "IPL001", "LEAF": "IPL002", "VIEW": "IPL003", "SAFE": "IPL001"}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "corpus"))
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--no-entry", action="store_true",
                    help="do not run the cases' run()/main(): measure synthesised calls alone")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", help="write per-line verdicts here")
    a = ap.parse_args(argv)
    manifest = json.load(open(os.path.join(a.corpus, "manifest.json"), encoding="utf-8"))
    findings, labels = [], []
    for e in manifest:
        path = os.path.abspath(os.path.join(a.corpus, e["file"]))
        for ln in e["lines"]:
            findings.append(Finding(CODE[e["label"]], ERROR, path, ln, 1, ln, 2, "corpus line"))
            labels.append(e["label"])
    launcher.ENTRY_POINTS = not a.no_entry
    t0 = time.time()
    summary = confirm(findings, timeout=a.timeout, jobs=a.jobs)
    dt = time.time() - t0
    counts = collections.Counter()
    reasons = collections.Counter()
    rows = []
    for f, lab in zip(findings, labels):
        rep = f.extra["replay"]
        v = rep["verdict"]
        group = "SAFE" if lab == "SAFE" else "hazard"
        counts[("group", group, v)] += 1
        counts[(lab, v)] += 1
        if v == "undecided":
            reasons[rep["reason"][:100]] += 1
        bad = (lab == "SAFE" and v == "confirmed") or (lab != "SAFE" and v == "refuted")
        rows.append({"file": os.path.basename(f.path), "line": f.line, "label": lab, **rep})
        if a.verbose or bad:
            mark = "!!" if bad else "  "
            print("%s %-40s %4d %-5s %-10s %s" % (mark, os.path.basename(f.path), f.line, lab, v, rep["reason"][:110]))
    n_h = sum(c for k, c in counts.items() if k[:2] == ("group", "hazard"))
    n_s = sum(c for k, c in counts.items() if k[:2] == ("group", "SAFE"))
    print("\nlabel  confirmed  refuted  undecided")
    for lab in ("VC", "LEAF", "VIEW", "SAFE"):
        c = [counts[(lab, v)] for v in ("confirmed", "refuted", "undecided")]
        print("%-5s  %9d  %7d  %9d" % (lab, c[0], c[1], c[2]))
    print("hazard lines confirmed: %d/%d (refuted %d, undecided %d)" % (
        counts[("group", "hazard", "confirmed")], n_h, counts[("group", "hazard", "refuted")],
        counts[("group", "hazard", "undecided")]))
    print("SAFE lines confirmed (false confirmations): %d/%d (refuted %d, undecided %d)" % (
        counts[("group", "SAFE", "confirmed")], n_s, counts[("group", "SAFE", "refuted")],
        counts[("group", "SAFE", "undecided")]))
    if reasons:
        print("undecided reasons:")
        for r, c in reasons.most_common():
            print("  %3d  %s" % (c, r))
    print("replay: " + summary.line())
    print(summary.sandbox_line())
    print("wall time %.1f s" % dt)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(rows, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
