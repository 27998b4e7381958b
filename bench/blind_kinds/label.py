"""Label every case by running it under torch; write manifest.json.

    python bench/blind_kinds/label.py        (needs torch; a few seconds)

A case defines run(): tiny inputs, forward, backward.  Its label is what torch
does: VC (a saved tensor was modified in place), LEAF (in-place on a leaf that
requires grad), VIEW (in-place on a forbidden view), OUT (``out=`` with inputs
that require grad), DATA (no error, but the case's ``silent_hazard()`` shows the
gradient torch computes is wrong: a write through ``.data`` to a saved tensor),
SAFE (runs clean).  Lines ending in ``# L`` are where a
linter should point: the in-place statements (for SAFE, the ones a naive
linter would flag).
"""
import glob
import importlib.util
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def label(path):
    spec = importlib.util.spec_from_file_location("case", path)
    mod = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(mod)
        mod.run()
    except RuntimeError as e:
        msg = str(e)
        if "modified by an inplace operation" in msg:
            return "VC"
        if "leaf Variable" in msg:
            return "LEAF"
        if "out=... arguments don't support automatic differentiation" in msg:
            return "OUT"
        if "view" in msg:
            return "VIEW"
        raise
    # a write torch cannot see (through .data) that makes backward use changed values
    if hasattr(mod, "silent_hazard") and mod.silent_hazard():
        return "DATA"
    return "SAFE"


def label_project(folder):
    """A project's entry script (the one top-level .py file) run as a program."""
    import subprocess
    import sys

    entry = [n for n in sorted(os.listdir(folder)) if n.endswith(".py")][0]
    r = subprocess.run([sys.executable, entry], cwd=folder, capture_output=True, text=True,
                       env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    if r.returncode == 0:
        return "SAFE"
    for key, lab in (("modified by an inplace operation", "VC"), ("leaf Variable", "LEAF"), ("view", "VIEW")):
        if key in r.stderr:
            return lab
    raise RuntimeError(f"{folder}: {r.stderr[-500:]}")


def marked(path):
    with open(path) as f:
        return [i for i, text in enumerate(f, 1) if text.rstrip().endswith("# L")]


def main():
    cases = []
    for path in sorted(glob.glob(os.path.join(HERE, "cases", "*.py"))):
        with open(path) as f:
            lines = [i for i, text in enumerate(f, 1) if text.rstrip().endswith("# L")]
        cases.append({"file": "cases/" + os.path.basename(path), "label": label(path), "lines": lines})
        print(cases[-1]["file"], cases[-1]["label"])
    for folder in sorted(glob.glob(os.path.join(HERE, "projects", "*", ""))):
        lines = {os.path.relpath(p, folder): marked(p)
                 for p in sorted(glob.glob(os.path.join(folder, "**", "*.py"), recursive=True)) if marked(p)}
        name = "projects/" + os.path.basename(os.path.dirname(folder))
        cases.append({"project": name, "label": label_project(folder), "lines": lines})
        print(name, cases[-1]["label"])
    with open(os.path.join(HERE, "manifest.json"), "w") as f:
        json.dump(cases, f, indent=1)


if __name__ == "__main__":
    main()
