"""The flake8 entrance: ``flake8 --select=IPL`` reports what ``inplace-lint check`` reports.

Registered in pyproject.toml as the ``flake8.extension`` entry point ``IPL``.
flake8 hands over the file's lines (already read and decoded, BOM removed);
the plugin joins them, runs the same engine and rules as the CLI, and yields
``(line, column0, "IPLnnn message", type)``; a warning's message begins with
``[warning]`` (flake8 shows every result alike).  flake8 prints ``column0 + 1``, so
the printed ``path:line:col`` equals the CLI's.

flake8 itself applies ``--select``/``--ignore``/``--extend-ignore``,
``# noqa`` comments and ``per-file-ignores``, so the plugin reports every
rule and does not apply inplace-lint's own ``# noqa`` handling or
``[tool.inplace-lint]`` configuration (one place decides what is shown).

Cost.  flake8 runs every installed plugin whatever ``--select`` says, so the
plugin must be cheap where there is nothing to find.  It takes the CLI's own
path (``runner.analyze_source``): a text prefilter skips files without any
in-place-looking text (unless they import project modules that have some),
and the CLI's result cache
(``.inplace_lint_cache`` at the project root, see ``inplace_lint.cache``)
answers for every file whose content is unchanged since the last run of the
plugin or of ``inplace-lint check``: their entries are shared.  Set
``INPLACE_LINT_NO_CACHE=1`` to neither read nor write it.  libcst is imported
only when a file has to be analysed.

A file that flake8 parsed but that cannot be checked (unreadable, too large, an
internal error: the CLI reports these as E902) gets one ``IPL000`` line at 1:1
instead of silently passing or aborting flake8.  A *note* (the analysis stopped
at its work budget, or libcst cannot parse this valid file) is a limit of the
linter, not a problem of the file: as in the CLI it does not fail the run; the
findings of the part that was analysed are reported, and the note goes to
flake8's log (``flake8 -v`` shows it).
"""
from __future__ import annotations

import logging
import os

from .. import __version__
from ..findings import WARNING
from ..cache import content_hash

PARSE_PROBLEM = "IPL000"
LOG = logging.getLogger("flake8.inplace_lint")
_caches: dict = {}  # folder of a checked file -> its project's Cache (or None)


def _settings(folder):
    from ..config import ConfigError, load_config

    try:
        return load_config([folder])
    except (ConfigError, OSError, ValueError):  # flake8 must not die of our configuration
        return None


_projects: dict = {}  # top folder -> ProjectIndex


def _project_for(filename):
    """The project index a folder run over the file's package tree would use.

    flake8 hands files over one by one; indexing each file's own folder would
    summarise the modules they import once per folder (6.7x plain flake8 on
    torchvision).  Files of one package tree (up to the folder above its top
    package) share one index, as in ``inplace-lint check <that folder>``."""
    top = os.path.dirname(os.path.abspath(filename))
    while os.path.isfile(os.path.join(top, "__init__.py")) and os.path.dirname(top) != top:
        top = os.path.dirname(top)
    if top not in _projects:
        from ..runner import project_index

        _projects[top] = project_index([top], _settings(top))
    return _projects[top]


def _cache_for(filename):
    if os.environ.get("INPLACE_LINT_NO_CACHE"):
        return None
    folder = os.path.dirname(os.path.abspath(filename))
    if folder not in _caches:
        from ..cache import Cache, cache_dir_for
        from ..config import ConfigError, load_config

        try:
            _caches[folder] = Cache(cache_dir_for(load_config([folder])))
        except (ConfigError, OSError, ValueError):  # flake8 must not die of our configuration
            _caches[folder] = None
    return _caches[folder]


class Flake8Plugin:
    name = "inplace-lint"
    version = __version__

    def __init__(self, tree, lines, filename):
        # flake8 has built the ast anyway: it places positions without a reparse
        self.tree = tree
        self.lines = lines
        self.filename = filename

    def run(self):
        source = "".join(self.lines)
        try:
            findings, problem = self._check(source)
        except Exception as e:  # a bug in one file must not abort the whole flake8 run
            yield 1, 0, f"{PARSE_PROBLEM} inplace-lint internal error: {type(e).__name__}: {e}", type(self)
            return
        if problem is not None and problem.kind == "note":
            LOG.warning("%s:%d:%d: note: %s", self.filename, problem.line, problem.column, problem.message)
        elif problem is not None:
            yield 1, 0, f"{PARSE_PROBLEM} inplace-lint could not check this file: {problem.message}", type(self)
            return
        for f in findings:
            # flake8 has no severities: a warning says so at the start of its message
            tag = "[warning] " if f.severity == WARNING else ""
            yield f.line, f.column - 1, f"{f.code} {tag}{f.message}", type(self)

    def _check(self, source):
        """(findings of every rule before noqa, problem): from the cache when the file is unchanged."""
        cache = _cache_for(self.filename)
        digest = None
        if cache is not None:
            digest = content_hash(source)
            hit = cache.get(self.filename, digest)
            if hit is not None:
                return hit
        from ..runner import analyze_source

        # the CLI's own path: the text prefilter, and the project's modules for
        # a file without in-place text of its own that calls into them
        result = analyze_source(source, self.filename, project=_project_for(self.filename), tree=self.tree)
        if cache is not None and not (result.problem and result.problem.message.startswith("internal error")):
            cache.put(self.filename, digest, result.findings, result.problem, deps=result.deps)
        return result.findings, result.problem
