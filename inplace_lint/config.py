"""Configuration from ``[tool.inplace-lint]`` in pyproject.toml.

Keys: ``select``, ``ignore``, ``extend-select``, ``extend-ignore``, ``exclude``,
``extend-exclude``, ``per-file-ignores`` (glob -> codes), ``max-file-size``
(bytes), ``file-time-limit`` (seconds per file), ``cache-dir`` (the result cache's folder, relative to the project
root), ``src`` (extra import roots for whole-project analysis, relative to the
root), ``confirm-timeout`` (seconds per file for ``--confirm``),
``force-exclude`` (apply the excludes to files named on the command
line too), ``respect-gitignore`` (skip what git ignores; default on),
``group-findings`` (report the statements of one root cause as one finding
with the others as related locations; default on).  Codes may
be prefixes (``IPL`` or ``IPL00``).

Each file gets the configuration of the nearest ``pyproject.toml`` above it
that has a ``[tool.inplace-lint]`` table (as ruff resolves its settings);
relative patterns in that table are relative to the folder it lives in.
``Resolver`` does the lookup once per folder.  ``--config FILE`` makes one file
decide for every path, ``--isolated`` ignores configuration files altogether.

Every value is validated before anything is checked: a wrong type, an unknown
key or an unknown rule code is a ``ConfigError`` naming the file and the key
(the CLI prints all of them and exits 2).
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field, replace
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
TABLE = "tool.inplace-lint"


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
    force_exclude: bool = False
    respect_gitignore: bool = True
    source: Optional[str] = None  # the pyproject.toml it came from
    cache_dir: Optional[str] = None  # None: .inplace_lint_cache at the root (see cache.py)
    confirm_timeout: float = 20.0  # seconds per file for --confirm, counted after its imports
    root: str = "."
    src: tuple = ()  # extra import roots for whole-project analysis, relative to root (like ruff's src)
    group_findings: bool = True  # one finding per root cause (see grouping)

    def for_path(self, path: str) -> "Config":
        """The configuration of ``path``: a plain Config decides for every file."""
        return self

    def enabled(self, code: str, path: Optional[str] = None) -> bool:
        sel = _longest(code, self.select)
        ign = _longest(code, self.ignore)
        if sel < 0 or ign >= sel:
            return False
        if sel <= len("IPL") and code in _opt_in():  # opt-in rules need a narrower selection than "IPL"
            return False
        if path is not None and self.per_file_ignores:
            rel = self.relpath(path)
            for pattern, codes in self.per_file_ignores.items():
                if _path_matches(rel, pattern) and _longest(code, codes) >= 0:
                    return False
        return True

    def enabled_prefix(self, prefix: str, path: Optional[str] = None) -> bool:
        """Some rule the code or prefix names is enabled (an unknown code counts as enabled)."""
        from .rules import ALL_RULES

        codes = [r.code for r in ALL_RULES if r.code.startswith(prefix)]
        return not codes or any(self.enabled(c, path) for c in codes)

    def relpath(self, path):
        try:
            return os.path.relpath(os.path.abspath(path), os.path.abspath(self.root)).replace(os.sep, "/")
        except ValueError:
            return path.replace(os.sep, "/")

    def excluded(self, path: str) -> bool:
        """The path itself matches an exclude pattern (by its name or its path from the config's root).

        What is inside an excluded folder is skipped because the walk does not
        enter it; a folder named on the command line is entered all the same (as
        ruff does), and ``excluded_with_parents`` serves ``force-exclude``.
        """
        name = os.path.basename(path.rstrip("/\\"))
        rel = self.relpath(path)
        for pattern in self.exclude:
            pattern = pattern.rstrip("/")
            if fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(rel, pattern):
                return True
        return False

    def excluded_with_parents(self, path: str) -> bool:
        """``excluded`` for the path or any folder above it up to the config's root (for named files)."""
        p = os.path.abspath(path)
        root = os.path.abspath(self.root)
        while True:
            if self.excluded(p):
                return True
            parent = os.path.dirname(p)
            if parent == p or not (parent == root or parent.startswith(root.rstrip(os.sep) + os.sep)):
                return False
            p = parent


_OPT_IN = None


def _opt_in():
    global _OPT_IN
    if _OPT_IN is None:
        from .rules import OPT_IN  # late: the rules import the engine, config must not at import time

        _OPT_IN = OPT_IN
    return _OPT_IN


def _longest(code, prefixes):
    best = -1
    for p in prefixes:
        if code.startswith(p) and len(p) > best:
            best = len(p)
    return best


def _path_matches(rel, pattern):
    pattern = pattern.rstrip("/")
    return fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern + "/*") or rel == pattern


# ---------------------------------------------------------------- reading and validating one file
_LIST_KEYS = ("select", "ignore", "extend-select", "extend-ignore", "exclude", "extend-exclude")
_BOOL_KEYS = ("force-exclude", "respect-gitignore", "group-findings")
KNOWN_KEYS = _LIST_KEYS + _BOOL_KEYS + ("per-file-ignores", "max-file-size", "file-time-limit", "cache-dir", "src",
                                         "confirm-timeout")


def _type_name(v):
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "a list",
            dict: "a table"}.get(type(v), type(v).__name__)


def _known_code(code: str) -> bool:
    from .rules import ALL_RULES

    return any(r.code.startswith(code) for r in ALL_RULES)


def _string_list(value, where, errors, codes=False):
    if isinstance(value, str):
        errors.append(f"{where} must be a list of strings, not a string (write [{value!r}])".replace("'", '"'))
        return ()
    if not isinstance(value, list):
        errors.append(f"{where} must be a list of strings, not {_type_name(value)}")
        return ()
    bad = [v for v in value if not isinstance(v, str)]
    if bad:
        errors.append(f"{where} must be a list of strings; {bad[0]!r} is {_type_name(bad[0])}")
        return ()
    if codes:
        out = tuple(v.strip().upper() for v in value)
        for c in out:
            if not c or not _known_code(c):
                errors.append(f"{where}: unknown rule code or prefix {c!r} (see `inplace-lint rules`)")
        return out
    return tuple(value)


def read_table(path: str) -> Optional[dict]:
    """The ``[tool.inplace-lint]`` table of a pyproject.toml (None when it has none)."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise ConfigError(f"cannot read {path}: {e.strerror or e}") from None
    try:
        data = _toml.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise ConfigError(f"{path}: not valid UTF-8 ({e.reason} at byte {e.start}); TOML files must be UTF-8") \
            from None
    except _toml.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from None
    tool = data.get("tool")
    if not isinstance(tool, dict):
        return None
    for name in ("inplace-lint", "inplace_lint"):
        if name in tool:
            section = tool[name]
            if not isinstance(section, dict):
                raise ConfigError(f"{path}: [tool.{name}] must be a table, not {_type_name(section)}")
            return section
    return None


def config_from_table(section: dict, path: str) -> Config:
    """Validate every key of the table, then build the Config; all problems are reported together."""
    errors = []
    cfg = Config(source=path, root=os.path.dirname(os.path.abspath(path)))
    unknown = sorted(set(section) - set(KNOWN_KEYS))
    for k in unknown:
        errors.append(f"unknown key {k!r} (known: {', '.join(KNOWN_KEYS)})")
    lists = {k: _string_list(section[k], k, errors, codes=k in ("select", "ignore", "extend-select",
                                                                    "extend-ignore"))
             for k in _LIST_KEYS if k in section}
    if "select" in lists:
        cfg.select = lists["select"]
    cfg.select = cfg.select + lists.get("extend-select", ())
    if "ignore" in lists:
        cfg.ignore = lists["ignore"]
    cfg.ignore = cfg.ignore + lists.get("extend-ignore", ())
    if "exclude" in lists:
        cfg.exclude = lists["exclude"]
    cfg.exclude = cfg.exclude + lists.get("extend-exclude", ())
    if "per-file-ignores" in section:
        pfi = section["per-file-ignores"]
        if not isinstance(pfi, dict):
            errors.append(f"per-file-ignores must be a table of glob = [codes], not {_type_name(pfi)}")
        else:
            cfg.per_file_ignores = {k: _string_list(v, f"per-file-ignores.{k!r}", errors, codes=True)
                                    for k, v in pfi.items()}
    if "max-file-size" in section:
        v = section["max-file-size"]
        if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
            errors.append(f"max-file-size must be a positive integer (bytes), not {v!r}".replace("True", "true")
                          .replace("False", "false"))
        else:
            cfg.max_file_size = v
    if "file-time-limit" in section:
        v = section["file-time-limit"]
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not v > 0:
            errors.append(f"file-time-limit must be a positive number (seconds), not {v!r}".replace("True", "true")
                          .replace("False", "false"))
        else:
            cfg.file_time_limit = float(v)
    if "cache-dir" in section:
        v = section["cache-dir"]
        if not isinstance(v, str) or not v:
            errors.append(f"cache-dir must be a folder name (a non-empty string), not {v!r}")
        else:
            cfg.cache_dir = v
    if "confirm-timeout" in section:
        v = section["confirm-timeout"]
        if isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0:
            errors.append(f"confirm-timeout must be a positive number (seconds), not {v!r}")
        else:
            cfg.confirm_timeout = float(v)
    if "src" in section:  # import roots of the project (engine/project), like ruff's src
        cfg.src = _string_list(section["src"], "src", errors)
    for k in _BOOL_KEYS:
        if k in section:
            if not isinstance(section[k], bool):
                errors.append(f"{k} must be true or false, not {_type_name(section[k])}")
            else:
                setattr(cfg, k.replace("-", "_"), section[k])
    if errors:
        raise ConfigError("\n".join(f"{path}: [{TABLE}] {e}" for e in errors))
    return cfg


def load_file(path: str) -> Config:
    """The Config of one pyproject.toml (defaults, rooted there, when it has no table)."""
    section = read_table(path)
    if section is None:
        return Config(root=os.path.dirname(os.path.abspath(path)))
    return config_from_table(section, path)


# ---------------------------------------------------------------- per-file resolution
@dataclass
class Overrides:
    """What the command line says on top of every file's configuration."""

    select: Optional[tuple] = None
    extend_select: tuple = ()
    ignore: tuple = ()
    force_exclude: Optional[bool] = None
    respect_gitignore: Optional[bool] = None
    file_time_limit: Optional[float] = None
    group_findings: Optional[bool] = None

    def apply(self, cfg: Config) -> Config:
        cfg = replace(cfg)
        if self.select is not None:
            cfg.select = self.select
        cfg.select = cfg.select + self.extend_select
        cfg.ignore = cfg.ignore + self.ignore
        if self.force_exclude is not None:
            cfg.force_exclude = self.force_exclude
        if self.respect_gitignore is not None:
            cfg.respect_gitignore = self.respect_gitignore
        if self.file_time_limit is not None:
            cfg.file_time_limit = self.file_time_limit
        if self.group_findings is not None:
            cfg.group_findings = self.group_findings
        return cfg


class Resolver:
    """Finds the Config of each path: the nearest pyproject.toml with a [tool.inplace-lint] table.

    Lookups are cached per folder (and each pyproject.toml is read once).  It is
    plain data, so it travels to worker processes with its cache.
    """

    def __init__(self, config_file: Optional[str] = None, isolated: bool = False,
                 overrides: Optional[Overrides] = None):
        self.overrides = overrides or Overrides()
        self.fixed: Optional[Config] = None
        if isolated:
            self.fixed = self.overrides.apply(Config(root=os.getcwd()))
        elif config_file is not None:
            self.fixed = self.overrides.apply(load_file(config_file))
        self.default = self.overrides.apply(Config(root=os.getcwd()))
        self._by_dir: dict = {}
        self._by_file: dict = {}

    def for_path(self, path: str) -> Config:
        if self.fixed is not None:
            return self.fixed
        ap = os.path.abspath(path)
        d = ap if os.path.isdir(ap) else os.path.dirname(ap)
        return self._for_dir(d)

    def _for_dir(self, d: str) -> Config:
        walked = []
        cfg = None
        while True:
            if d in self._by_dir:
                cfg = self._by_dir[d]
                break
            walked.append(d)
            cand = os.path.join(d, "pyproject.toml")
            if os.path.isfile(cand):
                cfg = self._load(cand)
                if cfg is not None:
                    break
            parent = os.path.dirname(d)
            if parent == d:
                cfg = self.default
                break
            d = parent
        for w in walked:
            self._by_dir[w] = cfg
        return cfg

    def _load(self, pyproject: str) -> Optional[Config]:
        if pyproject not in self._by_file:
            section = read_table(pyproject)
            self._by_file[pyproject] = None if section is None else \
                self.overrides.apply(config_from_table(section, pyproject))
        return self._by_file[pyproject]


def load_config(paths=(), config_file: Optional[str] = None) -> Config:
    """The Config of the first path (kept for callers that want one Config, e.g. benchmarks)."""
    if config_file is not None:
        return load_file(config_file)
    start = paths[0] if paths else os.getcwd()
    return Resolver().for_path(start)
