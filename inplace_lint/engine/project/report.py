"""Placing what happened in another module's code: paths, positions, names."""
from __future__ import annotations

import os

from ..frames import target_text


def display_path(env_path, home_path):
    """How a related file is named: relative to the working folder when the checked
    file's path is relative (as the finding's own path is), else absolute."""
    if home_path and not os.path.isabs(home_path):
        rel = os.path.relpath(env_path)
        if not rel.startswith(".."):
            return rel.replace(os.sep, "/")
    return env_path


class Placer:
    def __init__(self, interp, positions, home_path):
        self.interp = interp
        self.positions = positions
        self.home_path = home_path

    def env_of_stmt(self, stmt):
        """The other module a statement lies in; None for the checked file (or unknown)."""
        if stmt is None or not self.interp.touched or self.positions.knows(stmt):
            return None
        for env in self.interp.touched:
            if env.positions.knows(stmt):
                return env
        return None

    def path(self, env):
        return display_path(env.path, self.home_path) if env is not None else None

    def where(self, env, node, stmt):
        pos = env.positions if env is not None else self.positions
        return lambda: pos.get(node, stmt)

    def save_env(self, save):
        got = self.interp.foreign_saves.get(id(save))
        return got[1] if got is not None and got[0] is save else None

    def target(self, r, text):
        """The caller's expression for the tensor written inside the other module."""
        if r.caller_target is not None:
            return text(r.caller_target)
        code = target_text(r.env.tree.code_for_node, r.target_node)
        return code if len(code) <= 60 else code[:57] + "..."

    def context(self, r, home_context):
        env = r.env
        fname = None
        if len(r.chain) > r.anchor.depth:
            fname = r.chain[-1][0]
        line = env.positions.get(r.node, r.stmt)[0]
        inside = f"in {fname}() at " if fname else "at "
        where = f"{inside}{self.path(env)}:{line}"
        head = home_context(r.chain[:r.anchor.depth]) if r.anchor.depth else ""
        return (head + "; " if head else "") + where

    def moved(self, r):
        """Where a write inside another module is reported when that module is checked in the
        same run: (path, line, column, end line, end column, context, (line, column) of the call
        here that leads there); the context names that call and the calls in between."""
        env, anchor = r.env, r.anchor
        line, column, end_line, end_column = env.positions.get(r.node, r.stmt)
        call = self.positions.get(anchor.node, anchor.stmt)
        calls = [self._call(c) for c in r.chain]
        if len(r.chain) > anchor.depth:  # the call here is the first of the chain's calls into other modules
            text = "reached through " + ", ".join(calls)
        else:
            text = f"reached from {self.home_path}:{call[0]}" + (" in " + ", ".join(calls) if calls else "")
        return (self.path(env), line, column, end_line, end_column, text, call[:2])

    def _call(self, frame):
        """"f() called at path:line" for a frame of a chain, in whichever module its call lies."""
        fname, node, stmt = frame
        env = self.env_of_stmt(stmt)
        path = self.path(env) if env is not None else self.home_path
        pos = env.positions if env is not None else self.positions
        return f"{fname}() called at {path}:{pos.get(node, stmt)[0]}"
