#!/usr/bin/env python3
"""Score inplace-lint's recall and false alarms on the bug-report cases.

  python score.py [--cmd "python -m inplace_lint check ..."] [--repo DIR] [--json OUT]

The linter runs once over every case listed in manifest.json (see label.py),
with cwd = this folder and the case paths appended.  By default the command is
`python -m inplace_lint check --isolated --no-cache --no-group --format json`
run with PYTHONPATH set to the repository this file lives in (so it scores the
checkout it belongs to; --repo picks another).

Per case:
  hazard (VC / LEAF / VIEW / OUT)
    detected      an "error" finding lies on one of the case's marked lines
    detected_any  a finding of any severity lies on one of those lines
    misplaced     errors in the file, none on a marked line
  safe twin (SAFE)
    false alarm   any "error" finding in the file
    noisy         warnings only

Printed: error recall, any-severity recall, false alarms on safe twins, a
per-label table, and one row per miss / false alarm with what the linter said
there (or "none").  Exit status 0; 2 if the linter could not be run or its
output is not JSON.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
HAZARDS = ("VC", "LEAF", "VIEW", "OUT")
DEFAULT_CMD = "%s -m inplace_lint check --isolated --no-cache --no-group --format json" % shlex.quote(sys.executable)


def load_findings(text):
    data = json.loads(text)
    if isinstance(data, dict):
        data = data.get("findings")
    if not isinstance(data, list):
        raise ValueError('expected a JSON array of findings (or {"findings": [...]})')
    return [{"path": str(f["path"]), "line": int(f["line"]), "severity": str(f.get("severity", "error")),
             "code": f.get("code"), "message": f.get("message", "")} for f in data]


def short(f):
    msg = f["message"].split(";")[0]
    if len(msg) > 110:
        msg = msg[:107] + "..."
    return "%s %s@%d: %s" % (f["code"], f["severity"], f["line"], msg)


def score(manifest, findings):
    by_file = {}
    for f in findings:
        by_file.setdefault(os.path.normpath(f["path"]), []).append(f)
    rows = []
    for e in manifest:
        fs = sorted(by_file.get(os.path.normpath(e["file"]), []), key=lambda f: f["line"])
        lines = set(e["lines"])
        errors = [f for f in fs if f["severity"] == "error"]
        r = dict(e, findings=fs)
        if e["label"] in HAZARDS:
            r["detected"] = any(f["line"] in lines for f in errors)
            r["detected_any"] = any(f["line"] in lines for f in fs)
            r["misplaced"] = bool(errors) and not r["detected"]
        else:
            r["false_alarm"] = bool(errors)
            r["noisy"] = bool(fs) and not errors
        rows.append(r)
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cmd", default=DEFAULT_CMD, help="linter command (case paths are appended)")
    ap.add_argument("--repo", default=REPO, help="checkout to put on PYTHONPATH (default: this one)")
    ap.add_argument("--json", help="also write the per-case rows to this file")
    ap.add_argument("--timeout", type=float, default=600)
    a = ap.parse_args(argv)

    with open(os.path.join(HERE, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    env = dict(os.environ, PYTHONPATH=os.path.abspath(a.repo))
    cmd = shlex.split(a.cmd) + [e["file"] for e in manifest]
    try:
        p = subprocess.run(cmd, cwd=HERE, env=env, capture_output=True, text=True, timeout=a.timeout)
        findings = load_findings(p.stdout)
    except (OSError, subprocess.TimeoutExpired, ValueError, KeyError) as exc:
        print("could not run or parse %r: %s" % (a.cmd, exc), file=sys.stderr)
        return 2

    rows = score(manifest, findings)
    hz = [r for r in rows if r["label"] in HAZARDS]
    safe = [r for r in rows if r["label"] == "SAFE"]
    det = sum(r["detected"] for r in hz)
    det_any = sum(r["detected_any"] for r in hz)
    fa = sum(r["false_alarm"] for r in safe)

    print("linter: %s  (exit %d, %d findings, repo %s)" % (a.cmd, p.returncode, len(findings), a.repo))
    print()
    row = "%-6s %5s %9s %8s %10s %12s %6s"
    print(row % ("label", "cases", "detected", "any-sev", "misplaced", "false-alarm", "noisy"))
    for lab in HAZARDS:
        rs = [r for r in hz if r["label"] == lab]
        if rs:
            print(row % (lab, len(rs), sum(r["detected"] for r in rs), sum(r["detected_any"] for r in rs),
                         sum(r["misplaced"] for r in rs), "-", "-"))
    print(row % ("SAFE", len(safe), "-", "-", "-", fa, sum(r["noisy"] for r in safe)))
    print()
    misses = [r for r in hz if not r["detected"]]
    if misses:
        print("missed hazards (no error on a marked line):")
        for r in misses:
            said = "; ".join(short(f) for f in r["findings"]) or "none"
            lines = ",".join(map(str, r["lines"]))
            print("  %-44s %-4s lines %-12s -> %s" % (r["file"][6:], r["label"], lines, said))
        print()
    alarms = [r for r in safe if r["false_alarm"] or r["noisy"]]
    if alarms:
        print("findings on safe twins:")
        for r in alarms:
            kind = "FALSE ALARM" if r["false_alarm"] else "noisy"
            print("  %-44s %s -> %s" % (r["file"][6:], kind, "; ".join(short(f) for f in r["findings"])))
        print()
    print("recall_error=%.2f (%d/%d)  recall_any=%.2f (%d/%d)  false_alarm_rate=%.2f (%d/%d)" % (
        det / len(hz) if hz else 0, det, len(hz), det_any / len(hz) if hz else 0, det_any, len(hz),
        fa / len(safe) if safe else 0, fa, len(safe)))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
