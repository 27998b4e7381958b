"""The constructions a project's entry scripts make, for its package modules' own checks.

A class of a package module is analysed on its own with unknown constructor
arguments (``engine/constructions.py``).  In an application, a project whose
packages are not meant to be installed (no ``setup.py``, ``setup.cfg`` or
packaging table in ``pyproject.toml``), the classes are built by the scripts
beside the packages (``train.py``): each script's program (its module body and
its entry points) is run once per run of the linter, with every call it makes
into the project's code noted, and a class built only by those programs, with
every mention of its name in the project's files a construction they made, takes
their arguments as in a script.  An installable package's classes are built by
its users: they keep unknown arguments, as does any class mentioned in a folder
the scripts do not cover (a ``tools/`` script, a test).
"""
from __future__ import annotations

import os
import re

from ..budget import hard_budget
from ..constructions import World, is_root

MAX_SCRIPTS = 8
MAX_FILES = 400
MAX_BYTES = 64_000
MAX_SCANNED = 5_000  # the files a script's project may have for its classes to count as its own
SCRIPT_BUDGET = 60_000  # one script's program: about a check of a large file
_SKIP_DIRS = {"build", "dist", "node_modules", "site-packages", "venv", "env"}
_PACKAGING = re.compile(r"^\s*\[(project|build-system|tool\.poetry)\]", re.M)


def world(interp):
    """The World of the project's scripts' programs, or None (not an application, no
    script, too large, or a script that cannot be run).  Worked out once per version of
    the project's files (an editor's long-lived process sees them change)."""
    c = interp.constructions
    if c.project_world is None:
        c.project_world = _current(interp, interp.project) or False
    return c.project_world or None


def _current(interp, project):
    if project.entry_world is False or project.entry_busy or not project.roots:
        return None  # (too large for this process's life; or a script's own program is running)
    root = project.roots[0]
    if _packaged(root) or os.path.exists(os.path.join(root, "__init__.py")):
        return None
    files = _files_of(project, root)
    if files is None:
        project.entry_world = False
        return None
    key = tuple((f, project.stamp(f)) for f in files)
    if project.entry_world is not None and project.entry_world[0] == key:
        return project.entry_world[1]
    project.entry_busy = True
    try:
        got = _world(interp, project, root, files)
    except Exception:  # noqa: BLE001 -- Incomplete, RecursionError, a bug: unknown arguments, as before
        got = None
    finally:
        project.entry_busy = False
    project.entry_world = (key, got)
    return got


def _world(interp, project, root, files):
    scripts = [f for f in files if os.path.dirname(f) == root and os.path.basename(f) not in ("setup.py", "conftest.py")]
    if not scripts or len(scripts) > MAX_SCRIPTS:
        return None
    texts, sites, values, tops, trees, grads, casts = [], {}, {}, set(), [], {}, {}
    for path in files:
        text = _read(path)
        if text is None:
            return None
        texts.append(text)
    for path in scripts:
        sub = _run_program(interp, project, path)
        if sub is None:
            return None
        c = sub.constructions
        for key, calls in c.sites.items():
            sites.setdefault(key, {}).update(calls)
        for key, built in c.values.items():
            values.setdefault(key, []).extend(built)
        for key, modes in c.grads.items():
            grads.setdefault(key, []).extend(modes)
        for key, regions in c.casts.items():
            casts.setdefault(key, []).extend(regions)
        tops |= {id(s) for s in sub.module.body}
        trees.append(sub.module)  # (kept alive with the world: its nodes' ids are keys)
    for env in project.loaded():
        tops |= {id(s) for s in env.tree.body}
    got = World(sites, values, tops, texts, False, frozenset(files), grads=grads, casts=casts)
    got.kept = trees + [env.tree for env in project.loaded()]
    return got


def _run_program(interp, project, path):
    """An interpreter that ran the script's module body and entry points, noting their calls."""
    from ..interpreter import Interpreter  # local: the interpreter imports this package
    import libcst as cst

    source = _read(path)
    tree = project.tree_for(path, source)
    if tree is None:
        try:
            tree = cst.parse_module(source)
        except (cst.ParserSyntaxError, RecursionError, ValueError):
            return None
    sub = Interpreter(tree, interp.k, project=project, path=path, source=source)
    sub.budget = SCRIPT_BUDGET
    sub.hard_budget = hard_budget(SCRIPT_BUDGET)
    sub.foreign_budget = SCRIPT_BUDGET  # (a script's program runs mostly in the packages' code)
    c = sub.constructions
    c.active = True
    sub.exec_block(tree.body, sub.globals)
    for node, owner in list(sub._all_functions(tree.body)):
        if is_root(sub, node, owner):
            sub._analyse_standalone(node, owner)
    c.done = True
    return sub


def named_elsewhere(interp, name):
    """Whether a project file other than the checked script may use its ``name``: one that
    has both the script's module name and ``name`` as words (an import of it, in any form);
    True when the files are too many to read.  (A folder of scripts that each define their
    own ``Model`` is no use of this one's.)"""
    project, home = interp.project, os.path.abspath(interp.home_path or "")
    c = interp.constructions
    if c.project_files is None:  # (listed once per check)
        c.project_files = _project_files(project.roots[0], MAX_SCANNED) or False if project.roots else False
    if c.project_files is False:
        return True
    module = os.path.splitext(os.path.basename(home))[0]
    words = [re.compile(r"\b%s\b" % re.escape(w)) for w in (module, name)]
    return any(f != home and all(w.search(project._text(f)) for w in words) for f in c.project_files)


def _packaged(root):
    if os.path.exists(os.path.join(root, "setup.py")) or os.path.exists(os.path.join(root, "setup.cfg")):
        return True
    text = _read(os.path.join(root, "pyproject.toml"))
    return text is not None and _PACKAGING.search(text) is not None


def _files_of(project, root):
    """``_project_files(root)``: walked once per run by an index that lives for one scan
    (walking the project for every checked file was about 1% of a timm scan)."""
    if not project.one_run:
        return _project_files(root)
    if root not in project.walked:
        project.walked[root] = _project_files(root)
    return project.walked[root]


def _project_files(root, limit=MAX_FILES):
    out = []
    for d, dirs, names in os.walk(root):
        dirs[:] = sorted(x for x in dirs if not x.startswith(".") and x not in _SKIP_DIRS)
        for n in sorted(names):
            if n.endswith(".py"):
                out.append(os.path.join(d, n))
                if len(out) > limit:
                    return None
    return out


def _read(path):
    try:
        if os.path.getsize(path) > MAX_BYTES:
            return None
        with open(path, "rb") as f:
            return f.read().decode("utf-8", "replace")
    except OSError:
        return None
