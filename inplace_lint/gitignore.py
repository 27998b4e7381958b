"""What git ignores: ``.gitignore`` files and ``.git/info/exclude``, matched by pathspec.

Only inside a git work tree (a folder above the path holds ``.git``), as git
itself and ruff do.  The ignore files from the work tree's root down to the
path's folder are consulted in order and the deepest matching pattern decides
(so ``!keep.py`` in a subfolder re-includes); a path under an ignored folder is
ignored, as git cannot re-include it either.  Each ignore file is read once.
"""
from __future__ import annotations

import os
from typing import Optional

_pathspec = []  # the pathspec module (or None), imported on first use


def _load_pathspec():
    # pathspec's import costs ~0.07 s (it pulls in asyncio): a run that walks no
    # folder (a one-file check, pre-commit) never pays for it.
    if not _pathspec:
        try:
            import pathspec
        except ImportError:  # pragma: no cover - pathspec is a base dependency
            pathspec = None
        _pathspec.append(pathspec)
    return _pathspec[0]


class GitIgnore:
    def __init__(self):
        self._roots: dict = {}  # folder -> work tree root or None
        self._specs: dict = {}  # folder -> list of (base folder, spec)
        self._decided: dict = {}  # absolute path -> bool

    def _root(self, d: str) -> Optional[str]:
        walked = []
        root = None
        while True:
            if d in self._roots:
                root = self._roots[d]
                break
            walked.append(d)
            if os.path.exists(os.path.join(d, ".git")):
                root = d
                break
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
        for w in walked:
            self._roots[w] = root
        return root

    def _spec(self, folder: str, root: str):
        if folder not in self._specs:
            files = [os.path.join(folder, ".gitignore")]
            if folder == root:
                files.insert(0, os.path.join(root, ".git", "info", "exclude"))
            lines = []
            for name in files:
                try:
                    with open(name, encoding="utf-8", errors="replace") as fh:
                        lines.extend(fh.read().splitlines())
                except OSError:
                    pass
            self._specs[folder] = _load_pathspec().GitIgnoreSpec.from_lines(lines) if lines else None
        return self._specs[folder]

    def _verdict(self, path: str, is_dir: bool, root: str) -> bool:
        """Ignored by the ignore files between ``root`` and the path's folder (the path alone)."""
        decision = False
        folder = os.path.dirname(path)
        chain = []
        while True:
            chain.append(folder)
            if folder == root or os.path.dirname(folder) == folder:
                break
            folder = os.path.dirname(folder)
        for base in reversed(chain):
            spec = self._spec(base, root)
            if spec is None:
                continue
            rel = os.path.relpath(path, base).replace(os.sep, "/") + ("/" if is_dir else "")
            res = spec.check_file(rel)
            if res.include is not None:
                decision = res.include
        return decision

    def ignored(self, path: str) -> bool:
        """True when git would ignore ``path`` (a file or folder), counting ignored folders above it."""
        if _load_pathspec() is None:
            return False
        ap = os.path.abspath(path)
        if ap in self._decided:
            return self._decided[ap]
        parent = os.path.dirname(ap)
        root = self._root(parent)
        if root is None or ap == root:
            result = False
        elif os.path.basename(ap) == ".git":
            result = True
        else:
            result = (parent != root and self.ignored(parent)) or self._verdict(ap, os.path.isdir(ap), root)
        self._decided[ap] = result
        return result
