"""A project module's summary: its analysed top level, computed once per run.

The summary is what importers need at their call sites: the module's global
names bound to the engine's own values (functions, classes with their methods
and bases, objects built at import time, re-exported names).  A call into the
module is then interpreted like a call into the caller's own file, with the
caller's abstract tensors: one abstract domain, one set of semantics, and
in-place writes, returned views and saves inside the callee come out exactly as
they would for a same-file helper.
"""
from __future__ import annotations

import os

import libcst as cst

from ..frames import is_main_guard
from ..positions import Positions


class ModuleEnv:
    __slots__ = ("path", "name", "source", "tree", "globals", "stars", "is_package", "deps", "stamp", "_positions",
                 "_funcs")

    def __init__(self, path, name, source, tree):
        self.path = path  # absolute
        self.name = name  # dotted, or None when it lies outside every root's package structure
        self.source = source
        self.tree = tree
        self.globals = None  # the engine Frame of its top level
        self.stars = []  # absolute names of the modules it star-imports
        self.deps = set()  # files of the other project modules its top level read
        self.stamp = None  # (mtime, size) of the file when it was read
        self.is_package = os.path.basename(path) == "__init__.py"
        self._positions = None
        self._funcs = None

    @property
    def positions(self):
        if self._positions is None:
            self._positions = Positions(self.tree, self.source)
        return self._positions

    def functions(self):
        """Every function of the module that is not nested in another function."""
        if self._funcs is None:
            self._funcs = list(_functions(self.tree.body))
        return self._funcs


def _functions(body, depth=0):
    for s in body:
        if type(s) is cst.FunctionDef:
            yield s
        elif type(s) is cst.ClassDef and depth < 4:
            yield from _functions(s.body.body, depth + 1)
        elif isinstance(s, (cst.If, cst.Try, cst.With)) and depth < 4:
            yield from _functions(_blocks(s), depth + 1)


def _blocks(s):
    out = list(s.body.body)
    orelse = getattr(s, "orelse", None)
    while type(orelse) is cst.If:
        out.extend(orelse.body.body)
        orelse = orelse.orelse
    if orelse is not None:
        out.extend(orelse.body.body)
    for h in getattr(s, "handlers", ()) or ():
        out.extend(h.body.body)
    return out


def load_module(index, path):
    """Parse ``path`` (or take the runner's parse) and run its top level once."""
    from ..interpreter import Interpreter  # local: the interpreter calls back into this package

    got = index.parsed.pop(path, None)
    if got is not None:
        source, tree = got
    else:
        try:
            with open(path, "rb") as f:
                raw = f.read()
            source = raw.decode("utf-8-sig")
            tree = cst.parse_module(source)
        except (OSError, UnicodeDecodeError, cst.ParserSyntaxError, RecursionError, MemoryError, ValueError):
            return None
    env = ModuleEnv(path, index.module_name(path), source, tree)
    env.stamp = index.stamp(path)  # (as ``index.env`` compares it)
    loader = Interpreter(tree, index.knowledge, project=index, path=path, source=source)
    env.globals = loader.globals
    loader.module_env = env
    loader.star_modules = env.stars
    index.register(env)
    # While its top level runs, an import cycle back into it gets the module as far as it
    # has run, as Python's partly initialised module (a package's ``__init__`` ending in
    # ``from . import qfl``, whose ``@register_loss("qfl")`` fills the package's registry)
    index.loading(path, env)
    body = [s for s in tree.body if not is_main_guard(s)]
    loader.budget = max(20_000, 40 * len(body))
    try:
        loader.exec_block(body, loader.globals)
    except RecursionError:
        pass
    loader.events.clear()  # its own findings are reported when the module itself is checked
    env.deps = loader.deps
    env.deps.discard(path)
    return env
