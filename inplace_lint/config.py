"""Configuration from ``[tool.inplace-lint]`` in pyproject.toml.

Keys: ``select``, ``ignore``, ``extend-select``, ``extend-ignore``, ``exclude``,
``extend-exclude``, ``per-file-ignores`` (glob -> codes), ``max-file-size``
(bytes), ``file-time-limit`` (seconds per file), ``cache-dir`` (the result cache's folder, relative to the project root).  Codes may be prefixes (``IPL`` or ``IPL00``).
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from typing import Optional

try:  # Python 3.11+
    import tomllib as _toml
except ModuleNotFoundError:  # pragma: no cover - older Pythons
    import tomli as _toml  # type: ignore

DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", "env", ".env", "__pycache__", "build", "dist",
    "node_modules", ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages", ".eggs", "*.egg-info",
    ".ipynb_checkpoints",
)


class ConfigError(Exception):
    pass


@dataclass
class Config:
    select: tuple = ("IPL",)
    ignore: tuple = ()
    exclude: tuple = DEFAULT_EXCLUDE
    per_file_ignores: dict = field(default_factory=dict)
    max_file_size: int = 10 * 1024 * 1024
    file_time_limit: float = 60.0  # seconds per file (see isolation)
    source: Optional[str] = None  # the pyproject.toml it came from
    cache_dir: Optional[str] = None  # None: .inplace_lint_cache at the root (see cache.py)
    root: str = "."

    def enabled(self, code: str, path: Optional[str] = None) -> bool:
        sel = _longest(code, self.select)
        ign = _longest(code, self.ignore)
        if sel < 0 or ign >= sel:
            return False
        if path is not None and self.per_file_ignores:
            rel = self.relpath(path)
            for pattern, codes in self.per_file_ignores.items():
                if _path_matches(rel, pattern) and _longest(code, codes) >= 0:
                    return False
        return True

    def relpath(self, path):
        try:
            return os.path.relpath(os.path.abspath(path), os.path.abspath(self.root)).replace(os.sep, "/")
        except ValueError:
            return path.replace(os.sep, "/")

    def excluded(self, path: str) -> bool:
        name = os.path.basename(path.rstrip("/\\"))
        rel = self.relpath(path)
        for pattern in self.exclude:
            if fnmatch.fnmatch(name, pattern) or _path_matches(rel, pattern):
                return True
        return False


def _longest(code, prefixes):
    best = -1
    for p in prefixes:
        if code.startswith(p) and len(p) > best:
            best = len(p)
    return best


def _path_matches(rel, pattern):
    pattern = pattern.rstrip("/")
    return fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern + "/*") or rel == pattern


def find_pyproject(paths) -> Optional[str]:
    starts = [os.path.abspath(p) for p in paths] or [os.getcwd()]
    for start in starts:
        d = start if os.path.isdir(start) else os.path.dirname(start)
        while True:
            cand = os.path.join(d, "pyproject.toml")
            if os.path.isfile(cand):
                return cand
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
    return None


def _codes(value, key):
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"[tool.inplace-lint] {key} must be a list of rule codes")
    return tuple(v.upper() for v in value)


def load_config(paths=(), config_file: Optional[str] = None) -> Config:
    path = config_file or find_pyproject(paths)
    cfg = Config()
    if path is None:
        return cfg
    try:
        with open(path, "rb") as f:
            data = _toml.load(f)
    except (OSError, _toml.TOMLDecodeError) as e:
        raise ConfigError(f"cannot read {path}: {e}") from None
    section = data.get("tool", {}).get("inplace-lint")
    if section is None:
        section = data.get("tool", {}).get("inplace_lint")
    if section is None:
        return cfg
    cfg.source = path
    cfg.root = os.path.dirname(os.path.abspath(path))
    known = {"select", "ignore", "extend-select", "extend-ignore", "exclude", "extend-exclude", "per-file-ignores",
             "max-file-size", "file-time-limit", "cache-dir"}
    unknown = set(section) - known
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) in [tool.inplace-lint]: {', '.join(sorted(unknown))}")
    if "select" in section:
        cfg.select = _codes(section["select"], "select")
    if "extend-select" in section:
        cfg.select = cfg.select + _codes(section["extend-select"], "extend-select")
    if "ignore" in section:
        cfg.ignore = _codes(section["ignore"], "ignore")
    if "extend-ignore" in section:
        cfg.ignore = cfg.ignore + _codes(section["extend-ignore"], "extend-ignore")
    if "exclude" in section:
        cfg.exclude = tuple(section["exclude"])
    if "extend-exclude" in section:
        cfg.exclude = cfg.exclude + tuple(section["extend-exclude"])
    pfi = section.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError(f"{path}: per-file-ignores must be a table of glob = [codes]")
    cfg.per_file_ignores = {k: _codes(v, "per-file-ignores") for k, v in pfi.items()}
    if "max-file-size" in section:
        if not isinstance(section["max-file-size"], int) or section["max-file-size"] <= 0:
            raise ConfigError(f"{path}: max-file-size must be a positive integer (bytes)")
        cfg.max_file_size = section["max-file-size"]
    if "file-time-limit" in section:
        limit = section["file-time-limit"]
        if isinstance(limit, bool) or not isinstance(limit, (int, float)) or not limit > 0:
            raise ConfigError(f"{path}: file-time-limit must be a positive number (seconds)")
        cfg.file_time_limit = float(limit)
    if "cache-dir" in section:
        if not isinstance(section["cache-dir"], str) or not section["cache-dir"]:
            raise ConfigError(f"{path}: cache-dir must be a folder name (a string)")
        cfg.cache_dir = section["cache-dir"]
    return cfg
