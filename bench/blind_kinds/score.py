"""Score the linter on the blind cases (see README.md and label.py).

    python bench/blind_kinds/score.py [--only l,y]

``--only`` scores the cases and projects whose names start with one of the
given prefixes (a new batch's first contact).

Runs ``python -m inplace_lint check --isolated --no-cache --format json`` of the
checkout this file lives in over every case of manifest.json.  A hazard is
caught when an error lies on one of its ``# L`` lines; a SAFE case with any
error is a false alarm, one with warnings only is noisy.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def run(args, cwd):
    cmd = [sys.executable, "-m", "inplace_lint", "check", "--isolated", "--no-cache", "--format", "json",
           "--exit-zero"] + args
    out = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=REPO))
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", help="comma-separated name prefixes (default: every case and project)")
    args = ap.parse_args()
    with open(os.path.join(HERE, "manifest.json")) as f:
        cases = json.load(f)
    if args.only:
        prefixes = tuple(args.only.split(","))
        cases = [c for c in cases if os.path.basename(c.get("file") or c["project"]).startswith(prefixes)]
    files = [c for c in cases if "file" in c]
    found = {}
    for item in run([c["file"] for c in files], HERE):
        found.setdefault(os.path.normpath(item["path"]), []).append(item)
    for c in cases:
        if "project" in c:  # checked as a user would: cd project && inplace-lint check .
            for item in run(["."], os.path.join(HERE, c["project"])):
                found.setdefault(c["project"], []).append(item)
    totals = {}
    for kind, group in (("cases", files), ("projects", [c for c in cases if "project" in c])):
        caught = anyhit = hazards = alarms = noisy = safe = 0
        for c in group:
            key = os.path.normpath(c["file"]) if "file" in c else c["project"]
            fs = found.get(key, [])
            errors = [f for f in fs if f["severity"] == "error"]
            said = ", ".join(f'{f["path"]}:{f["line"]}:{f["code"]}:{f["severity"]}' for f in fs) or "none"
            if c["label"] == "SAFE":
                safe += 1
                alarms += bool(errors)
                noisy += bool(fs) and not errors
                if fs:
                    print(f'{"FALSE ALARM" if errors else "noisy"}  {key}  {said}')
                continue
            hazards += 1

            def on(f):
                if "file" in c:
                    return f["line"] in c["lines"]
                return f["line"] in c["lines"].get(os.path.normpath(f["path"]), ())
            hit = any(on(f) for f in errors)
            caught += hit
            anyhit += any(on(f) for f in fs)
            if not hit:
                print(f'MISS  {key} ({c["label"]}, lines {c["lines"]})  {said}')
        totals[kind] = (hazards, caught, anyhit, safe, alarms, noisy)
    for kind, (hazards, caught, anyhit, safe, alarms, noisy) in totals.items():
        print(f"{kind}: hazards {hazards}: error recall {caught / max(hazards, 1):.2f}, any severity "
              f"{anyhit / max(hazards, 1):.2f}; safe {safe}: false alarms {alarms}, warnings only {noisy}")


if __name__ == "__main__":
    main()
