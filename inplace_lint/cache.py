"""The result cache: re-checking an unchanged file costs a hash and a small read.

Layout (like ``.ruff_cache``)::

    <project root>/.inplace_lint_cache/
        CACHEDIR.TAG          backup tools skip the folder
        .gitignore            "*": git never sees it
        v1/ab/cdef...         one entry per (checked path, salt, mode)

An entry is named by a hash of the *path as checked*, the salt and the mode,
and holds the hash of the file's content.  So an edited file overwrites its own
entry instead of adding one, and the folder stays about as large as the
project.  The **salt** is everything besides the file that decides its
findings: the tool version, a fingerprint of the package's own source files
(a developer's edit to the engine invalidates the cache at once), the
knowledge file's hash, and any analysis settings the caller passes.

Entries hold the findings of *all* rules before ``select``/``ignore``/
``per-file-ignores`` and, for ``.py`` files, before ``# noqa``: the runner
applies those afterwards, so changing the configuration never needs a
re-analysis, and the CLI and the flake8 plugin share entries.

**Dependencies.**  An entry may list other files with their content hashes
(``deps``: the project modules a file's analysis read).  The entry is valid
only while each of them still has that hash; the runner passes them to
``put`` and ``get`` checks them.

Safety: an entry is written to a temporary file in its folder and renamed over
the old one (atomic on POSIX and Windows), so a reader sees the old entry or
the new one, never half of one, and two runs at once at worst both write the
same result.  Anything unreadable, corrupt, of another format or naming
another path/salt is a miss and gets rewritten.  Errors writing the cache
(read-only folder, full disk) are ignored: the cache only ever saves time.
The folder is bounded: after a run that wrote entries, the oldest entries
beyond ``max_bytes`` are removed.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from typing import Optional

from . import __version__
from .findings import Edit, FileProblem, Finding, Fix, Related

DIR_NAME = ".inplace_lint_cache"
ENV_VAR = "INPLACE_LINT_CACHE_DIR"
FORMAT = 2
MAX_BYTES = 64 * 1024 * 1024
PRUNE_EVERY = 1000  # writes
_ENTRIES = f"v{FORMAT}"
_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by inplace-lint.\n"
        "# For information about cache directory tags see https://bford.info/cachedir/\n")
_GITIGNORE = "# Automatically created by inplace-lint.\n*\n"
_PACKAGE = os.path.dirname(os.path.abspath(__file__))


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def file_hash(path: str) -> Optional[str]:
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None


def cache_dir_for(config, configured: Optional[str] = None) -> str:
    """Where the cache lives: ``INPLACE_LINT_CACHE_DIR``, else ``cache-dir``
    from the configuration (relative to the project root), else
    ``.inplace_lint_cache`` at the project root."""
    env = os.environ.get(ENV_VAR)
    if env:
        return env
    root = getattr(config, "root", ".") or "."
    configured = configured or getattr(config, "cache_dir", None)
    return os.path.join(root, configured or DIR_NAME)


_fingerprint = None


def code_fingerprint() -> str:
    """The tool version, its static-core source files (names, sizes, mtimes)
    and the knowledge file's content: a change to any of them changes every key."""
    global _fingerprint
    if _fingerprint is None:
        h = hashlib.sha256(f"inplace-lint {__version__} format {FORMAT}\0".encode())
        for root, dirs, files in os.walk(_PACKAGE):
            dirs[:] = sorted(d for d in dirs if d not in ("runtime", "__pycache__"))
            for name in sorted(files):
                if name.endswith(".py"):
                    p = os.path.join(root, name)
                    st = os.stat(p)
                    h.update(f"{os.path.relpath(p, _PACKAGE)}:{st.st_size}:{st.st_mtime_ns}\0".encode())
        h.update((file_hash(os.path.join(_PACKAGE, "knowledge", "torch_ops.json")) or "").encode())
        _fingerprint = h.hexdigest()
    return _fingerprint


class Cache:
    """Per-file results under ``directory``.  Picklable (workers get a copy)."""

    def __init__(self, directory: str, settings: str = "", max_bytes: int = MAX_BYTES):
        self.directory = os.path.abspath(directory)
        self.salt = hashlib.sha256(f"{code_fingerprint()}\0{settings}".encode()).hexdigest()
        self.max_bytes = max_bytes
        self.wrote = 0
        self._dep_hashes: dict = {}

    # -- lookup ---------------------------------------------------------------

    def _entry_path(self, path: str, mode: str) -> str:
        name = hashlib.sha256(f"{self.salt}\0{mode}\0{path}".encode("utf-8", "surrogatepass")).hexdigest()
        return os.path.join(self.directory, _ENTRIES, name[:2], name[2:])

    def get(self, path: str, content: str, mode: str = "py"):
        """``(findings, problem)`` stored for this path, mode and content, or None."""
        try:
            with open(self._entry_path(path, mode), "rb") as f:
                entry = json.loads(f.read())
            if (entry.get("format") != FORMAT or entry.get("salt") != self.salt or entry.get("path") != path
                    or entry.get("mode") != mode or entry.get("content") != content):
                return None
            for dep, digest in entry.get("deps", ()):
                if self._dep_hash(dep) != digest:
                    return None
            return ([_finding(path, d) for d in entry["findings"]],
                    None if entry["problem"] is None else FileProblem(path, *entry["problem"]))
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            return None  # missing, corrupt or foreign: a miss, rewritten by put()

    def _dep_hash(self, dep: str) -> Optional[str]:
        # Within one run a file's content is taken as fixed: hash it once.
        if dep not in self._dep_hashes:
            self._dep_hashes[dep] = file_hash(dep)
        return self._dep_hashes[dep]

    # -- store ----------------------------------------------------------------

    def put(self, path: str, content: str, findings, problem=None, mode: str = "py", deps=()) -> None:
        """Store a result.  ``deps``: paths of the other files the analysis read."""
        entry = {
            "format": FORMAT, "salt": self.salt, "path": path, "mode": mode, "content": content,
            "deps": [[d, self._dep_hash(d)] for d in deps],
            "findings": [_finding_data(f) for f in findings],
            "problem": None if problem is None else [problem.message, problem.line, problem.column, problem.kind],
        }
        target = self._entry_path(path, mode)
        import tempfile  # only a run that writes needs it

        try:
            folder = os.path.dirname(target)
            if not os.path.isdir(folder):
                self._create(folder)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump(entry, f, separators=(",", ":"))
                os.replace(tmp, target)
            except BaseException:
                _remove(tmp)
                raise
            self.wrote += 1
            if self.wrote % PRUNE_EVERY == 0:  # long runs that never call close() (flake8 workers)
                self.prune()
        except OSError:
            pass  # a cache that cannot be written only costs time

    def _create(self, folder: str) -> None:
        new = not os.path.isdir(self.directory)
        os.makedirs(folder, exist_ok=True)
        if new or not os.path.exists(os.path.join(self.directory, "CACHEDIR.TAG")):
            for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", _GITIGNORE)):
                try:
                    with open(os.path.join(self.directory, name), "x", encoding="utf-8") as f:
                        f.write(text)
                except FileExistsError:
                    pass

    # -- size bound -------------------------------------------------------------

    def prune(self) -> None:
        """Keep the folder under ``max_bytes``: remove the oldest entries, and
        temporary files a killed run left behind."""
        base = os.path.join(self.directory, _ENTRIES)
        entries, total, now = [], 0, time.time()
        try:
            subdirs = os.listdir(base)
        except OSError:
            return
        for sub in subdirs:
            try:
                with os.scandir(os.path.join(base, sub)) as it:
                    for e in it:
                        try:
                            st = e.stat()
                        except OSError:
                            continue
                        if e.name.startswith(".tmp-"):
                            if now - st.st_mtime > 3600:
                                _remove(e.path)
                            continue
                        entries.append((st.st_mtime, st.st_size, e.path))
                        total += st.st_size
            except OSError:
                continue
        if total <= self.max_bytes:
            return
        entries.sort()
        for _, size, p in entries:
            if total <= self.max_bytes * 0.8:  # some headroom: do not prune on every run
                break
            _remove(p)
            total -= size

    def close(self) -> None:
        if self.wrote:
            self.prune()


def clean(directory: str) -> bool:
    """Remove a cache folder.  Refuses a folder that is not an inplace-lint cache."""
    import shutil

    if not os.path.isdir(directory):
        return False
    tag = os.path.join(directory, "CACHEDIR.TAG")
    try:
        with open(tag, encoding="utf-8") as f:
            ours = "inplace-lint" in f.read()
    except OSError:
        ours = False
    if not ours:
        raise ValueError(f"{directory} is not an inplace-lint cache (no CACHEDIR.TAG of ours); not removed")
    shutil.rmtree(directory)
    return True


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def _finding_data(f: Finding) -> list:
    fix = None
    if f.fix is not None:
        fix = [f.fix.description, f.fix.safe,
               [[e.line, e.column, e.end_line, e.end_column, e.replacement] for e in f.fix.edits]]
    return [f.code, f.severity, f.line, f.column, f.end_line, f.end_column, f.message,
            [[r.line, r.column, r.message, r.path] for r in f.related], fix, f.cell, f.extra, f.cause,
            None if f.moved is None else list(f.moved[:6]) + [[[r.line, r.column, r.message, r.path] for r in f.moved[6]]]]


def _finding(path: str, d: list) -> Finding:
    code, severity, line, column, end_line, end_column, message, related, fix, cell, extra, cause, moved = d
    if fix is not None:
        fix = Fix(fix[0], tuple(Edit(*e) for e in fix[2]), fix[1])
    return Finding(code, severity, path, line, column, end_line, end_column, message,
                   tuple(Related(*r) for r in related), fix, cell, dict(extra), cause,
                   moved=None if moved is None else tuple(moved[:6]) + (tuple(Related(*r) for r in moved[6]),))
