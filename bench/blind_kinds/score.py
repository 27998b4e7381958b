"""Score the linter on the blind cases (see README.md and label.py).

    python bench/blind_kinds/score.py

Runs ``python -m inplace_lint check --isolated --no-cache --format json`` of the
checkout this file lives in over every case of manifest.json.  A hazard is
caught when an error lies on one of its ``# L`` lines; a SAFE case with any
error is a false alarm, one with warnings only is noisy.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def main():
    with open(os.path.join(HERE, "manifest.json")) as f:
        cases = json.load(f)
    cmd = [sys.executable, "-m", "inplace_lint", "check", "--isolated", "--no-cache", "--format", "json",
           "--exit-zero"] + [c["file"] for c in cases]
    out = subprocess.run(cmd, cwd=HERE, capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=REPO))
    found = {}
    for item in json.loads(out.stdout):
        found.setdefault(os.path.normpath(item["path"]), []).append(item)
    caught = anyhit = hazards = alarms = noisy = safe = 0
    for c in cases:
        fs = found.get(os.path.normpath(c["file"]), [])
        errors = [f for f in fs if f["severity"] == "error"]
        said = ", ".join(f'{f["line"]}:{f["code"]}:{f["severity"]}' for f in fs) or "none"
        if c["label"] == "SAFE":
            safe += 1
            alarms += bool(errors)
            noisy += bool(fs) and not errors
            if fs:
                print(f'{"FALSE ALARM" if errors else "noisy"}  {c["file"]}  {said}')
            continue
        hazards += 1
        hit = any(f["line"] in c["lines"] for f in errors)
        caught += hit
        anyhit += any(f["line"] in c["lines"] for f in fs)
        if not hit:
            print(f'MISS  {c["file"]} ({c["label"]}, lines {c["lines"]})  {said}')
    print(f"hazards {hazards}: error recall {caught / hazards:.2f}, any severity {anyhit / hazards:.2f}; "
          f"safe {safe}: false alarms {alarms}, warnings only {noisy}")


if __name__ == "__main__":
    main()
