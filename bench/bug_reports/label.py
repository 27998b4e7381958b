#!/usr/bin/env python3
"""Label the bug-report cases by running them under torch and write manifest.json.

  python label.py [--check]

Every cases/*.py defines run(), which builds its inputs and runs forward and
backward.  Each run() goes in its own subprocess (a crash or a hang in one case
cannot touch the others) and its outcome becomes the case's label:

  VC    "one of the variables needed for gradient computation has been modified
        by an inplace operation" (a saved tensor's version changed)
  LEAF  "a leaf Variable that requires grad ..." / "a view of a leaf Variable ..."
  VIEW  "... is a view and is being modified inplace" (multi-output views, views
        made under no_grad)
  OUT   "functions with out=... arguments don't support automatic differentiation"
  SAFE  run() returned normally
  OTHER anything else (a broken case; never kept)

The lines a linter should point at are the lines marked with a trailing
"# hazard" comment: the in-place statements that cause the error (for an
optimizer step between forward and backward, the step() call).

Each case also says what its report says it does: a "_safe" twin must run clean,
every other case must raise the error class listed in EXPECTED below.  A case
whose label differs from what its report says is left out of the manifest and
printed; with --check the exit status is then 1.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")

# What each report says happens (hazard cases; "_safe" twins must be SAFE).
EXPECTED = {
    "r001": "VC", "r002": "VC", "r003": "LEAF", "r004": "OUT", "r005": "VC",
    "r006": "VC", "r007": "VC", "r008": "LEAF", "r009": "LEAF", "r010": "LEAF",
    "r011": "VIEW", "r012": "VIEW", "r013": "VIEW", "r014": "VIEW", "r015": "VIEW",
    "r016": "VC", "r017": "VC", "r018": "VC", "r019": "VC", "r020": "VC",
    "r021": "VC", "r022": "VC", "r023": "VC", "r024": "VC", "r025": "VC",
    "r026": "VIEW", "r027": "VC", "r028": "VC", "r029": "VIEW", "r030": "VC",
    "r031": "VC", "r032": "VC", "r033": "VC", "r034": "VC", "r035": "VC",
    "r036": "VIEW", "r037": "LEAF", "r038": "LEAF", "r039": "VC", "r040": "VC",
    # the blind extension (written after the fixes for r010/r018/r029; scored before any change for them)
    "r041": "VC", "r042": "VC", "r043": "LEAF", "r044": "LEAF", "r045": "VC",
    "r046": "VIEW", "r047": "VC", "r048": "VC", "r049": "VC", "r050": "VC",
}

PATTERNS = (
    ("VC", "modified by an inplace operation"),
    ("LEAF", "leaf Variable that requires grad"),
    ("VIEW", "is a view and is being modified inplace"),
    ("VIEW", "view of a view which was created in no_grad mode"),
    ("VIEW", "was created in no_grad mode and is being modified inplace"),
    ("OUT", "out=... arguments don't support automatic differentiation"),
)

RUNNER = (
    "import runpy, sys, traceback\n"
    "try:\n"
    "    runpy.run_path(sys.argv[1])['run']()\n"
    "except BaseException as e:\n"
    "    print('RAISED ' + type(e).__name__ + ': ' + str(e).splitlines()[0] if str(e) else type(e).__name__)\n"
    "    sys.exit(3)\n"
    "print('CLEAN')\n"
)


def run_case(path, timeout):
    try:
        p = subprocess.run([sys.executable, "-W", "ignore", "-c", RUNNER, path], cwd=CASES,
                           capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "OTHER", "timed out after %ss" % timeout
    out = p.stdout.strip().splitlines()
    last = out[-1] if out else p.stderr.strip()[-300:]
    if p.returncode == 0 and last == "CLEAN":
        return "SAFE", ""
    for label, needle in PATTERNS:
        if needle in last:
            return label, last
    return "OTHER", last


def header(path):
    """The source URL (first 'Source:' comment) and the marked hazard lines."""
    source, lines = None, []
    with open(path, encoding="utf-8") as f:
        for n, text in enumerate(f, 1):
            if source is None:
                m = re.match(r"#\s*Source:\s*(\S+)", text)
                if m:
                    source = m.group(1)
            if re.search(r"#\s*hazard\s*$", text):
                lines.append(n)
    return source, lines


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if any case's label differs from its report")
    ap.add_argument("--timeout", type=float, default=120)
    a = ap.parse_args(argv)

    manifest, rejected = [], []
    for name in sorted(os.listdir(CASES)):
        if not name.endswith(".py"):
            continue
        path = os.path.join(CASES, name)
        case_id = name.split("_", 1)[0]
        safe = name.endswith("_safe.py")
        expected = "SAFE" if safe else EXPECTED.get(case_id, "?")
        label, message = run_case(path, a.timeout)
        source, lines = header(path)
        entry = {
            "file": "cases/" + name,
            "id": case_id,
            "shape": name[len(case_id) + 1:-3],
            "label": label,
            "expected": expected,
            "lines": lines,
            "source": source,
            "message": message,
        }
        if safe:
            entry["twin_of"] = "cases/" + name[: -len("_safe.py")] + ".py"
        problems = []
        if label != expected:
            problems.append("label %s, report says %s" % (label, expected))
        if not safe and not lines:
            problems.append("no '# hazard' line")
        if source is None:
            problems.append("no Source: header")
        print("%-48s %-5s %s" % (name, label, ("REJECTED: " + "; ".join(problems)) if problems else ""))
        if problems:
            rejected.append(name)
        else:
            manifest.append(entry)

    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    hz = sum(e["label"] != "SAFE" for e in manifest)
    print("kept %d cases (%d hazards, %d safe twins); rejected %d"
          % (len(manifest), hz, len(manifest) - hz, len(rejected)))
    return 1 if (a.check and rejected) else 0


if __name__ == "__main__":
    sys.exit(main())
