"""Which frame to blame: the user's code, a library, or plumbing to skip.

Every frame's file is put in one of three classes (cached per file name):

* ``USER``: the user's own files -- what a report names as the location;
* ``LIBRARY``: code the user calls but did not write (site-packages,
  dist-packages, ``torch.nn``, and any folder given as a library root): its
  innermost line is kept as a detail ("in torchvision/models/resnet.py:269");
* ``INTERNAL``: torch's plumbing, the standard library and inplace-lint
  itself: skipped without a word.

A location is recorded cheaply as (code object, instruction offset); the
``file:line`` text is only made when something is reported.
"""
from __future__ import annotations

import os
import sysconfig
from typing import Iterable, Optional, Tuple

import torch

USER, LIBRARY, INTERNAL = 0, 1, 2

_TORCH_DIR = os.path.dirname(os.path.abspath(torch.__file__)) + os.sep
_TORCH_NN = _TORCH_DIR + "nn" + os.sep
_PKG_DIR = (
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))) + os.sep
)
_SITE_MARKERS = (os.sep + "site-packages" + os.sep, os.sep + "dist-packages" + os.sep)


def _stdlib_dirs():
    out = set()
    for key in ("stdlib", "platstdlib"):
        p = sysconfig.get_paths().get(key)
        if p:
            out.add(os.path.abspath(p) + os.sep)
    return tuple(out)


_STDLIB = _stdlib_dirs()

_roots: Tuple[str, ...] = ()  # extra library folders (watch(library_roots=...))
_kind_cache: dict = {}


def _env_roots():
    raw = os.environ.get("INPLACE_LINT_LIBRARY_ROOTS", "")
    return [p for p in raw.split(os.pathsep) if p]


def set_library_roots(roots: Iterable[str]) -> Tuple[str, ...]:
    """Make ``roots`` (plus $INPLACE_LINT_LIBRARY_ROOTS) the extra library
    folders; returns the previous setting so that it can be restored."""
    global _roots
    prev = _roots
    new = tuple(
        os.path.abspath(os.path.expanduser(p)).rstrip(os.sep) + os.sep
        for p in list(roots) + _env_roots()
    )
    if new != _roots:
        _roots = new
        _kind_cache.clear()
    return prev


def restore_library_roots(prev: Tuple[str, ...]) -> None:
    global _roots
    if prev != _roots:
        _roots = prev
        _kind_cache.clear()


def classify(filename: str) -> int:
    k = _kind_cache.get(filename)
    if k is not None:
        return k
    if filename.startswith(_PKG_DIR) or filename.startswith("<frozen"):
        k = INTERNAL
    elif filename.startswith(_TORCH_NN):
        k = LIBRARY
    elif filename.startswith(_TORCH_DIR):
        k = INTERNAL
    elif _roots and filename.startswith(_roots):
        k = LIBRARY
    elif any(m in filename for m in _SITE_MARKERS):
        k = LIBRARY
    elif _STDLIB and filename.startswith(_STDLIB):
        k = INTERNAL
    else:
        k = USER
    _kind_cache[filename] = k
    return k


def locate(f):
    """Walk outwards from frame ``f``: ``(code, lasti, lib)`` of the first
    user frame, where ``lib`` is ``(code, lasti)`` of the innermost library
    frame passed on the way (or None).  Without any user frame, the library
    frame itself is the location."""
    cache = _kind_cache
    lib = None
    while f is not None:
        code = f.f_code
        k = cache.get(code.co_filename)
        if k is None:
            k = classify(code.co_filename)
        if k == USER:
            return code, f.f_lasti, lib
        if k == LIBRARY and lib is None:
            lib = (code, f.f_lasti)
        f = f.f_back
    if lib is not None:
        return lib[0], lib[1], None
    return None, 0, None


def user_frame(f):
    """The first user frame walking outwards from ``f`` (or None)."""
    while f is not None:
        if classify(f.f_code.co_filename) == USER:
            return f
        f = f.f_back
    return None


def line_of(code, lasti: int) -> Optional[int]:
    if code is None:
        return None
    if hasattr(code, "co_lines"):
        for start, end, line in code.co_lines():
            if start <= lasti < end:
                return line
        return code.co_firstlineno
    import dis  # Python 3.9

    line = code.co_firstlineno
    for off, ln in dis.findlinestarts(code):
        if off > lasti:
            break
        line = ln
    return line


def short(filename: str) -> str:
    """A file name as a report shows it: relative to the working directory
    for the user's files, from the package folder on for libraries."""
    for root in _roots:
        if filename.startswith(root):
            return os.path.relpath(filename, root)
    if filename.startswith(_TORCH_DIR):
        return os.path.relpath(filename, os.path.dirname(_TORCH_DIR.rstrip(os.sep)))
    for m in _SITE_MARKERS:
        i = filename.rfind(m)
        if i >= 0:
            return filename[i + len(m):]
    try:
        rel = os.path.relpath(filename)
    except ValueError:
        return filename
    return filename if rel.startswith("..") else rel


def loc(code, lasti) -> str:
    if code is None:
        return "<unknown>"
    return "%s:%s" % (short(code.co_filename), line_of(code, lasti))


def frame_loc(f) -> str:
    if f is None:
        return "<unknown>"
    return "%s:%s" % (short(f.f_code.co_filename), f.f_lineno)


def source_line(code, lasti) -> str:
    if code is None:
        return ""
    import linecache

    return linecache.getline(code.co_filename, line_of(code, lasti) or 0).strip()
