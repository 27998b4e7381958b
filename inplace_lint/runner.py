"""The runner: files in, findings out.  Glues engine, rules, config and suppression.

Front-ends (CLI, flake8 plugin, pre-commit hook) call ``check_source`` or
``check_paths`` and only format what comes back.
"""
from __future__ import annotations

import ast
import gc
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Optional

from . import isolation
from .cache import content_hash
from .config import Config
from .engine import budget
from .findings import ERROR, WRITTEN_HERE, FileProblem, Finding, Related
from .engine.project import ProjectIndex, project_roots
from .gitignore import GitIgnore
from .rules import ALL_RULES
from .sources import NB_SUFFIX, read_source  # noqa: F401  (read_source: part of the runner's API)
from .sources import notebook
from . import grouping, relocation, suppression

# libcst, the engine and the process pool are imported where first used: a
# run whose files all come from the cache, or pass the text prefilter, never
# pays for them (libcst's import alone is ~0.25 s).

PY_SUFFIXES = (".py", ".pyi")
# Text that must occur for a file to contain any in-place site at all.  Files
# without any of these are skipped before parsing.
_INPLACE_HINT = re.compile(r"[A-Za-z0-9]_\s*\(|\+=|-=|\*=|/=|\]\s*=[^=]|inplace|\.data\b|out\s*=|\.step\("
                           r"|\.load_state_dict\(|\.update_parameters\(")


@dataclass
class FileResult:
    path: str
    findings: list = field(default_factory=list)
    problem: Optional[FileProblem] = None
    source: Optional[str] = None
    # Other files whose content the analysis read (project modules): the
    # cache keeps the result only while they are unchanged.
    deps: tuple = ()


def might_have_hazards(source: str) -> bool:
    return _INPLACE_HINT.search(source) is not None


def judge_events(events, path, config: Optional[Config] = None, rules=ALL_RULES):
    """Run the rules over the engine's events; merge duplicates from several calling contexts."""
    best: dict = {}
    for ev in events:
        for rule in rules:
            if config is not None and not config.enabled(rule.code, path):
                continue
            v = rule.judge(ev)
            if v is None:
                continue
            key = (rule.code, ev.line, ev.column)
            old = best.get(key)
            if old is not None and (old.severity == ERROR or v.severity != ERROR):
                continue
            related = list(v.related)
            if ev.related_line is not None:
                related.insert(0, Related(ev.related_line, ev.related_column or 1, ev.related_message,
                                          ev.related_path))
            written = ev.written_in
            if written is not None:  # the write itself lies in another module of the project
                moved = relocation.moved(ev, v.message, related, path)
                related.insert(0, Related(written[1], written[2], f"{WRITTEN_HERE}{ev.op}", written[0]))
            else:
                moved = None
            best[key] = Finding(code=rule.code, severity=v.severity, path=path, line=ev.line, column=ev.column,
                                end_line=ev.end_line, end_column=ev.end_column, message=v.message,
                                related=tuple(related), cause=v.cause, moved=moved)
    return sorted(best.values(), key=Finding.sort_key)


def apply_noqa(findings, lines, path=None, config: Optional[Config] = None):
    """Drop suppressed findings (``# noqa``, ``# inplace-lint: noqa``); add IPL100 when enabled."""
    return suppression.apply(findings, lines, path, config)


def check_module(module, source: str, path: str, config: Optional[Config] = None):
    from .engine import analyze

    findings = judge_events(analyze(module, source), path, config)
    return apply_noqa(findings, source.splitlines(), path, config)


def check_notebook(source: str, path: str, config: Optional[Config] = None) -> FileResult:
    """The code cells as one module; findings come back on (cell, line in cell)."""
    nbm, problem = notebook.load(source, path)
    if nbm is None or not might_have_hazards(nbm.code):
        return FileResult(path, [], problem, source)
    module, problem = notebook.parse(nbm, path)
    if module is None:
        return FileResult(path, [], problem, source)
    try:
        findings = check_module(module, nbm.code, path, config)
    except RecursionError:
        return FileResult(path, [], FileProblem(path, "internal error: analysis recursion too deep"), source)
    return FileResult(path, notebook.map_findings(findings, nbm, path), problem, source)


_PROJECTS: dict = {}  # roots -> ProjectIndex, one per process and run


def _roots(paths, config):
    if config is not None and hasattr(config, "for_path") and paths:
        config = config.for_path(paths[0])  # a Resolver: the Config of the first path's project
    return tuple(project_roots(paths, config))


def project_index(paths, config=None) -> ProjectIndex:
    """The project index for checking ``paths`` (built once per process for the same roots)."""
    roots = _roots(paths, config)
    idx = _PROJECTS.get(roots)
    if idx is None:
        idx = _PROJECTS[roots] = ProjectIndex(roots)
    return idx


def _project_for_file(path, config, project):
    """A one-file check (flake8, stdin with a real path) uses the index of the file's project;
    ``project=False`` checks the file alone."""
    if project is False:
        return None
    if project is not None or path.startswith("<") or not os.path.isfile(path):
        return project
    return project_index([path], config)


def check_source(source: str, path: str = "<stdin>", config: Optional[Config] = None,
                 project: Optional[ProjectIndex] = None) -> FileResult:
    if project is None:
        project = _project_for_file(path, config, None) or False
    return apply_config(analyze_source(source, path, project), config, source)


def analyze_source(source: str, path: str, project=None, tree=None) -> FileResult:
    """Findings of every rule, before configuration and, for ``.py`` files,
    before ``# noqa`` (``apply_config`` does both): what the cache stores and
    what the flake8 plugin reports.  ``project``: the run's ``ProjectIndex``
    (None: the file's own project, found lazily; False: the file alone);
    ``tree``: an ``ast`` of the source if the caller has one (flake8)."""
    if path.endswith(NB_SUFFIX):
        return check_notebook(source, path, None)
    project = _project_for_file(path, None, project)
    if project is not None:
        project.begin_file()
    # a file that imports project modules may call into in-place code there
    if project is not None and project.hint is None:
        project.hint = might_have_hazards
    if not might_have_hazards(source) and not (project is not None and project.reaches_inplace_code(path)):
        # Nothing to find, as long as the project modules it imports stay
        # without in-place code: the cache keys on them.
        deps = tuple(project.dependencies(path)) if project is not None else ()
        if tree is not None:
            return FileResult(path, [], None, source, deps)
        try:  # still report a file Python cannot parse (ast is fast)
            ast.parse(source)
        except SyntaxError as e:
            return FileResult(path, [], FileProblem(path, f"syntax error: {e.msg}", e.lineno or 1, e.offset or 1))
        except (ValueError, RecursionError, MemoryError) as e:
            return FileResult(path, [], FileProblem(path, f"cannot parse: {e}"))
        return FileResult(path, [], None, source, deps)
    return check_parsed(source, path, None, noqa=False, tree=tree,
                        project=project if project is not None else False)


def apply_config(result: FileResult, config: Optional[Config], source: str) -> FileResult:
    """Drop the findings of rules the configuration disables for this file, and
    those a ``# noqa`` comment suppresses (notebooks apply noqa per cell themselves),
    and report stale suppressions when IPL100 is on.  Then fold the findings of one
    root cause into one (``grouping``) unless ``group-findings`` is off."""
    findings = result.findings
    if config is not None:
        findings = [f for f in findings if config.enabled(f.code, f.path)]
    if not result.path.endswith(NB_SUFFIX) and (result.problem is None or result.problem.kind == "note"):
        findings = apply_noqa(findings, source.splitlines(), result.path, config)
    if getattr(config, "group_findings", True):
        findings = grouping.group(findings)
    return FileResult(result.path, findings, result.problem, source, result.deps)


COLLECT_THRESHOLDS = (50000, 20, 20)


@contextmanager
def rare_collections(scan=False):
    """The cyclic garbage collector made rarer while a file is parsed and analysed.

    A libcst tree is hundreds of thousands of objects without cycles (freed by
    reference counting), and the project index keeps the trees of imported modules:
    with the default thresholds the collector walks them over and over, 7-16% of a
    scan's CPU time (torchvision, timm, torch's sources) for the same peak memory (bench/bench_scan.py
    --gc).  The caller's thresholds come back afterwards (flake8 and the language
    server run this in their own process).  A scan of many files holds it over the
    whole run: putting the default thresholds back after every file made the next
    allocation start a full collection over every tree the project index keeps, for
    about half the files (3% of a torchvision scan).

    ``scan``: a serial scan of many files in this process also keeps each file's tree
    out of the collections (``_tree_out_of_collections``), unless something froze
    objects before it (the checking worker, which freezes what it inherited and its
    trees on its own, ``isolation._serve``): it owns the frozen set, and hands every
    object back to the collector when it ends."""
    global _freeze_trees
    old = gc.get_threshold()
    if old == COLLECT_THRESHOLDS:  # an enclosing scan already holds it
        yield
        return
    gc.set_threshold(*COLLECT_THRESHOLDS)
    owner = scan and gc.get_freeze_count() == 0
    if owner:
        _freeze_trees = os.getpid()
    try:
        yield
    finally:
        if owner:
            _freeze_trees = 0
            gc.unfreeze()  # (into the oldest generation: collected as before the scan)
        gc.set_threshold(*old)


# the process whose trees are frozen: a scan's, while it holds rare_collections(scan=True),
# or a checking worker's; else 0 (a process forked during a scan inherits the value,
# not the scan)
_freeze_trees = 0


@contextmanager
def _tree_out_of_collections():
    """Within a scan: the file's tree is parsed with the collector off and then frozen
    (``gc.freeze``), so that no collection walks it again.  Even with rare collections,
    walking the trees (hundreds of thousands of objects that cannot be garbage while
    the file is checked, each walked once young and once more when older) was 8-9% of
    a scan: torchvision 1.4 of 13.7 CPU-s, timm 6.8 of 51.5.  A full collection comes
    first, so that only objects alive at that moment are frozen (the previous file's
    garbage is freed, not kept); what is frozen and dies later is freed by reference
    counting as before, and a cycle among frozen objects waits for the scan's end.
    (Trees parsed during an analysis, of the modules a file imports, are not frozen
    then: the analysis's own objects, garbage when the file is done, would be frozen
    with them; they are frozen with the next file's tree.)"""
    if _freeze_trees != os.getpid():
        yield
        return
    gc.collect()
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
        gc.freeze()


def check_parsed(source: str, path: str, config: Optional[Config] = None, noqa: bool = True,
                 tree=None, project=None) -> FileResult:
    """Parse with libcst, analyse, judge.  ``noqa=False`` leaves suppression to
    the caller (flake8); ``tree`` is an ``ast`` of the source if one exists."""
    with rare_collections():
        return _check_parsed(source, path, config, noqa, tree, project)


def _check_parsed(source, path, config, noqa, tree, project):
    from .engine import analyze

    project = _project_for_file(path, config, project)
    module = project.tree_for(path, source) if project else None  # parsed once when also imported
    if module is None:
        module, problem = parse_module(source, path)
        if module is None:
            return FileResult(path, [], problem)
        if project:
            project.remember(path, source, module)
    try:
        events = analyze(module, source, tree=tree, project=project, path=path)
        findings = judge_events(budget.until_expired(events), path, config)
    except RecursionError:  # placing positions on a tree nested too deeply
        return FileResult(path, [], FileProblem(path, "cannot analyse: code nested too deeply", kind="note"))
    if noqa:
        findings = apply_noqa(findings, source.splitlines(), path, config)
    # the project files this result depends on (the result cache keys on them too)
    deps = project.deps_of(path) if project else ()
    problem = None
    stop = getattr(events, "incomplete", None)
    if stop is None and budget.expired():
        stop = budget.Incomplete("time limit reached while reporting")
    if stop is not None:
        where = f" at line {stop.line}" if stop.line else ""
        problem = FileProblem(path, f"analysis incomplete: {stop.reason}{where}; the rest of the file was not "
                                    f"analysed", stop.line or 1, 1, kind="note")
    return FileResult(path, findings, problem, source, deps)


def parse_module(source: str, path: str):
    """(libcst module, None), or (None, problem).  When libcst fails, CPython's
    parser decides whether the file is invalid (its message and position) or
    valid code libcst cannot read (a note, not a syntax error)."""
    import libcst as cst

    try:
        with _tree_out_of_collections():
            tree = cst.parse_module(source)
        return tree, None
    except cst.ParserSyntaxError as e:
        libcst_line = e.raw_line
    except (RecursionError, MemoryError):
        libcst_line = 0
    except Exception:  # noqa: BLE001 -- libcst's native parser raises other errors on odd input
        libcst_line = 0
    try:
        compile(source, path, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as e:
        return None, FileProblem(path, f"syntax error: {e.msg}", e.lineno or 1, e.offset or 1)
    except (RecursionError, MemoryError):
        return None, FileProblem(path, "cannot parse: the file is nested too deeply")
    except ValueError as e:  # null bytes
        return None, FileProblem(path, f"cannot parse: {e}")
    where = f" (line {libcst_line})" if libcst_line else ""
    return None, FileProblem(path, f"cannot analyse: libcst cannot parse this valid file{where}",
                             libcst_line or 1, 1, kind="note")


def check_file(path: str, config: Config, cache=None, project=None) -> FileResult:
    """Check one file; with a ``cache.Cache``, re-use or store its result.
    ``project``: the run's ``ProjectIndex`` (None: found from the file; False: the file alone)."""
    return finish(raw_result(path, config, cache, project), config)


def raw_result(path: str, config: Config, cache=None, project=None) -> FileResult:
    """The file's findings before configuration and suppression (``finish`` applies them);
    ``source`` holds the text that was checked (None when it could not be read)."""
    config = config.for_path(path)  # a Resolver gives each file its own project's Config
    text, problem = None, isolation.special_file(path)
    if problem is None:
        text, problem = read_source(path, config)
    if problem is not None:
        return FileResult(path, [], problem)
    digest = None
    if cache is not None:
        digest = content_hash(text)
        hit = cache.get(path, digest)
        if hit is not None:
            return FileResult(path, hit[0], hit[1], text)
    try:  # in a worker process, with a time limit: see isolation
        raw = isolation.run(analyze_source, text, path, shared=project, time_limit=config.file_time_limit)
    except Exception as e:  # a bug must not lose the other files' results
        return FileResult(path, [], FileProblem(path, f"internal error: {type(e).__name__}: {e}"))
    if cache is not None and not (raw.problem and isolation.transient(raw.problem)):
        cache.put(path, digest, raw.findings, raw.problem, deps=raw.deps)
    return FileResult(raw.path, raw.findings, raw.problem, text, raw.deps)


def finish(result: FileResult, config: Config) -> FileResult:
    if result.source is None:
        return result
    return apply_config(result, config.for_path(result.path), result.source)


def _cached(path: str, config: Config, cache) -> Optional[FileResult]:
    config = config.for_path(path)
    if isolation.special_file(path) is not None:
        return None
    text, problem = read_source(path, config)
    if problem is not None:
        return None
    hit = cache.get(path, content_hash(text))
    return None if hit is None else FileResult(path, hit[0], hit[1], text)


def discover(paths, config: Config):
    """Yield files to check, in a stable order, each once (however it was named).

    Folders are walked, skipping what the file's configuration excludes and,
    with ``respect-gitignore`` (default), what git ignores.  Files named
    explicitly are always checked unless ``force-exclude`` is on (then the same
    rules apply to them as to walked files: what pre-commit needs).
    """
    seen = set()
    git = GitIgnore()

    def skip(path, cfg, named):
        if named and not cfg.force_exclude:
            return False
        if cfg.excluded_with_parents(path) if named else cfg.excluded(path):
            return True
        return cfg.respect_gitignore and git.ignored(path)

    def first_time(path):
        key = os.path.normcase(os.path.realpath(path))
        if key in seen:
            return False
        seen.add(key)
        return True

    for p in paths:
        if os.path.isfile(p) or not os.path.exists(p):
            if not skip(p, config.for_path(p), True) and first_time(p):
                yield p
            continue
        if skip(p, config.for_path(p), True):
            continue
        for root, dirs, files in os.walk(p):
            here = config.for_path(root)  # a folder's fate is decided by the config above it
            dirs[:] = sorted(d for d in dirs if not skip(os.path.join(root, d), here, False))
            for name in sorted(files):
                if name.endswith(PY_SUFFIXES + (NB_SUFFIX,)):
                    full = os.path.join(root, name)
                    if full.startswith("./"):
                        full = full[2:]
                    if not skip(full, config.for_path(full), False) and first_time(full):
                        yield full


def _check_batch(args):
    paths, config, cache, roots = args
    project = project_index(roots, config)  # one per worker process, reused by its batches
    project.one_run = True  # (the worker ends with the run)
    with rare_collections(scan=True):
        return [raw_result(p, config, cache, project) for p in paths]


def check_paths(paths, config: Config, jobs: Optional[int] = None, progress=None, cache=None):
    """Check files, in parallel when there are many.  Yields FileResults in path order.

    With a cache, hits are taken in this process first; only the rest is
    analysed (in worker processes when there are many).  The order and content
    of the results do not depend on ``jobs`` or on the cache.  Every file is
    checked before the first result comes back: a finding may move from the file
    whose analysis found it to the file of the write (``relocation``).
    """
    files = list(discover(paths, config))
    hits: dict = {}
    if cache is not None:
        for i, f in enumerate(files):
            r = _cached(f, config, cache)
            if r is not None:
                hits[i] = r
                if progress:
                    progress(1)
    misses = [f for i, f in enumerate(files) if i not in hits]
    computed = _check_all(misses, config, jobs, progress, cache, list(paths))
    results = [hits[i] if i in hits else next(computed) for i in range(len(files))]
    if cache is not None and misses:
        cache.prune()
    relocation.relocate(results)
    for r in results:
        yield finish(r, config)


def _check_all(files, config: Config, jobs: Optional[int], progress, cache, paths=()):
    """Raw results (``raw_result``) of ``files``, in order."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(files) < 16:
        # one project index for the run: each imported module is summarised once
        project = ProjectIndex(_roots(list(paths) or files, config))
        project.one_run = True
        with rare_collections(scan=True):
            for f in files:
                r = raw_result(f, config, cache, project)
                if progress:
                    progress(1)
                yield r
        return
    from concurrent.futures import ProcessPoolExecutor  # only a parallel run needs it

    # Batches keep the per-task overhead low; results come back in order.
    size = max(1, min(32, len(files) // (jobs * 4)))
    batches = [files[i:i + size] for i in range(0, len(files), size)]
    with ProcessPoolExecutor(max_workers=jobs) as ex:
        for results in ex.map(_check_batch, [(b, config, cache, list(paths) or files) for b in batches]):
            for r in results:
                if progress:
                    progress(1)
                yield r
