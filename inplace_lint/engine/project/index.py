"""Which files make up the checked project, and which file an import names.

Roots are searched in order, like ``sys.path``: the project root (where the
config file is, else the common folder of the checked paths), the configured
``src`` folders (and ``<root>/src`` when it exists), then the folders of the
checked files.  Only names that resolve to a ``.py`` file under a root belong
to the project; the standard library, third-party packages and torch stay
opaque.
"""
from __future__ import annotations

import os
import re

# Top-level packages never treated as project code even when their sources lie
# under a root (torch's own checkout): their meaning comes from the knowledge
# file, not from interpreting their Python.
OPAQUE_TOPS = frozenset({"torch", "builtins", "typing", "__future__"})
# Modules larger than this are not summarised: their names stay opaque to
# importers, as third-party code is.  The hazards a summary finds live in small
# helpers and layers; a framework's 5,000-line base module costs its importers
# more to interpret than the findings it adds (a pre-commit run over 10
# transformers model files read 2 MB of such modules for 450 kB checked).  A
# fixed size keeps a file's findings independent of what else a run checks.
MAX_SUMMARY_BYTES = 64_000
_STAR = re.compile(r"^\s*from\s+(\S+)\s+import\s+\*", re.M)
# An import statement at the start of a line (or after ``try:``/``else:`` ...):
# ``from M import (names...)`` over several lines, or names to the end of the
# (backslash-continued) line.  A scan of the text, not a parse: an import
# written in a docstring counts too, which only adds a dependency.
_IMPORT = re.compile(
    r"^[ \t]*(?:[A-Za-z]+[ \t]*:[ \t]*)?(?:from[ \t]+([.\w]+)[ \t]+import[ \t]*(\([^)]*\)|(?:[^\n\\]|\\\n?)*)"
    r"|import[ \t]+((?:[^\n\\;]|\\\n?)*))", re.M)


_DEF = re.compile(r"\bdef\s+([^\W\d]\w*)")  # a function or method a module defines
# A decorator called with arguments on a top-level class or function (``@register("espcn")``,
# ``@MODELS.register_module()``): importing the module fills a registry.  Decorators of torch,
# dataclasses and functools only transform what they decorate.
_REGISTERING = re.compile(
    r"^@(?!(?:dataclasses\.)?dataclass\b|torch\.|functools\.|wraps\b|lru_cache\b|cache\b)[\w.]+\(", re.M)


def _imported_names(text):
    """(module, [names]) for every import in ``text``: names are None for ``import M``."""
    for m in _IMPORT.finditer(text):
        if m.group(3) is not None:
            for part in _split_names(m.group(3)):
                yield part, None
        else:
            yield m.group(1), _split_names(m.group(2))


def _split_names(spec):
    spec = re.sub(r"#[^\n]*", "", spec).replace("\\", " ").strip().strip("()")
    spec = spec.split(";")[0]
    out = []
    for part in spec.split(","):
        words = part.split()
        if words and re.fullmatch(r"[\w.]+|\*", words[0]):
            out.append(words[0])
    return out


class ProjectIndex:
    """Resolves module names to files and hands out each module's summary, once per run."""

    def __init__(self, roots, knowledge=None):
        seen, self.roots = set(), []
        for r in roots:
            r = os.path.abspath(r)
            if r not in seen and os.path.isdir(r):
                seen.add(r)
                self.roots.append(r)
        self.knowledge = knowledge
        self._found: dict = {}  # dotted name -> path | None
        self._names: dict = {}  # path -> dotted name | None
        self._envs: dict = {}  # path -> ModuleEnv | None (None while loading or when it failed)
        self._func_env: dict = {}  # id(FunctionDef) -> ModuleEnv
        self._frame_env: dict = {}  # id(globals Frame) -> ModuleEnv
        self._imports: dict = {}  # path -> direct project imports (paths), from a scan of the text
        self._hinted: dict = {}  # path -> its text has an in-place hint (see reaches_inplace_code)
        self.parsed: dict = {}  # path -> (source, libcst module) handed over by the runner
        # (files' stamps, World of the entry scripts' programs); False: not worked out here (entries.py)
        self.entry_world = None
        self.entry_busy = False
        self._texts: dict = {}  # path -> (stamp, source text) (see may_define)
        self._words: dict = {}  # (path, name) -> (the text searched, whether it holds the name)
        self._registers: dict = {}  # path -> (the text searched, see registers)
        self._defined: dict = {}  # path -> (stamp, names the module defines with ``def``)
        self._deps: dict = {}  # path -> project files its analysis read
        # path -> (mtime, size) as first seen since the check of the current file began
        # (``begin_file``): each lookup stat-ed the file before, 1.4% of a timm scan
        self._stamps: dict = {}
        # True for an index that lives for one scan of files that do not change meanwhile
        # (the CLI's): stamps are taken once per run, not once per checked file
        self.one_run = False
        self.walked: dict = {}  # root -> its project files, for a one_run index (project/entries.py)

    def begin_file(self):
        """A file's check begins: files may have changed since the last one was checked
        (an editor's long-lived process), unless the index lives for one scan only."""
        if not self.one_run:
            self._stamps.clear()

    def stamp(self, path):
        """``_stamp(path)``, taken once per checked file (per run for a ``one_run`` index)."""
        got = self._stamps.get(path, _UNSEEN)
        if got is _UNSEEN:
            got = self._stamps[path] = _stamp(path)
        return got

    # ------------------------------------------------------- shared parses
    MAX_REMEMBERED = 256

    def tree_for(self, path, source):
        """The libcst tree of ``path`` if this run already parsed exactly ``source``."""
        env = self._envs.get(os.path.abspath(path))
        if env is not None and env.source == source:
            return env.tree
        return None

    def remember(self, path, source, tree):
        """Keep a checked file's parse for a later import of it (a bounded number)."""
        self.parsed[os.path.abspath(path)] = (source, tree)
        while len(self.parsed) > self.MAX_REMEMBERED:
            self.parsed.pop(next(iter(self.parsed)))

    def note_deps(self, path, deps):
        """Remember which project files the analysis of ``path`` read (see ``deps_of``)."""
        ap = os.path.abspath(path)
        self._deps[ap] = tuple(sorted(d for d in deps if d != ap))

    def deps_of(self, path):
        """The project files the last analysis of ``path`` in this run read: the modules
        whose summaries it used, and what those summaries read.  For result-cache keys."""
        return self._deps.get(os.path.abspath(path), ())

    def env_for_tree(self, path, tree):
        env = self._envs.get(os.path.abspath(path)) if path else None
        return env if env is not None and env.tree is tree else None

    # ------------------------------------------------------------ resolution
    def find(self, dotted: str):
        """The file of module ``dotted`` (``pkg/mod.py`` or ``pkg/mod/__init__.py``), or None."""
        if dotted in self._found:
            return self._found[dotted]
        path = None
        parts = dotted.split(".")
        if parts[0] not in OPAQUE_TOPS and all(p.isidentifier() for p in parts):
            for root in self.roots:
                base = os.path.join(root, *parts)
                for cand in (base + ".py", os.path.join(base, "__init__.py")):
                    if os.path.isfile(cand):
                        path = cand
                        break
                if path is not None:
                    break
        self._found[dotted] = path
        return path

    def is_package_dir(self, dotted: str) -> bool:
        """A folder under a root (a namespace package without ``__init__.py``)."""
        parts = dotted.split(".")
        if parts[0] in OPAQUE_TOPS:
            return False
        return any(os.path.isdir(os.path.join(root, *parts)) for root in self.roots)

    def module_name(self, path: str):
        """The dotted name a file is imported by: up through ``__init__.py`` folders,
        else relative to the deepest root that contains it."""
        path = os.path.abspath(path)
        if path in self._names:
            return self._names[path]
        folder, stem = os.path.split(path)
        stem = os.path.splitext(stem)[0]
        parts = [] if stem == "__init__" else [stem]
        while os.path.isfile(os.path.join(folder, "__init__.py")):
            folder, pkg = os.path.split(folder)
            parts.insert(0, pkg)
            if not pkg:
                break
        if folder not in self.roots:
            # a namespace package: name it from the deepest root above it
            best = None
            for root in self.roots:
                if folder.startswith(root + os.sep) and (best is None or len(root) > len(best)):
                    best = root
            if best is not None:
                parts = os.path.relpath(folder, best).split(os.sep) + parts
        name = ".".join(parts) if parts and all(p.isidentifier() for p in parts) else None
        self._names[path] = name
        return name

    def absolute(self, importer_name, is_package, module, level):
        """The absolute module name of ``from <level dots><module> import ...`` in module ``importer_name``."""
        if not level:
            return module
        if not importer_name:
            return None
        parts = importer_name.split(".")
        if not is_package:
            parts = parts[:-1]
        if level - 1 >= len(parts):
            return None  # "attempted relative import beyond top-level package"
        if level > 1:
            parts = parts[: len(parts) - (level - 1)]
        base = ".".join(parts)
        if module:
            return base + "." + module if base else module
        return base or None

    # -------------------------------------------------------------- summaries
    def env(self, path):
        """The analysed top level of the module in ``path`` (computed once), or None."""
        path = os.path.abspath(path)
        if path in self._envs:
            env = self._envs[path]  # while it loads: as far as it has run (see loading)
            if env is None or env.stamp == self.stamp(path):
                return env
            # edited since (a long-lived process: editor, language server): summarise it again
        self._envs[path] = None
        try:
            if os.path.getsize(path) > MAX_SUMMARY_BYTES:
                return None
        except OSError:
            return None
        from .modules import load_module  # local: modules imports the interpreter

        env = load_module(self, path)
        self._envs[path] = env
        return env

    def loading(self, path, env):
        """``env`` is being loaded: an import cycle back into it gets it as it stands."""
        self._envs[os.path.abspath(path)] = env

    def may_define(self, path, name, _depth=0):
        """Whether the module in ``path`` can bind ``name`` at its top level: the name
        appears in its text or in a module it star-imports from (followed a few
        levels).  Looking a name up through chains of star imports (a package's
        __init__ doing ``from .models import *``) then parses only the modules that
        can hold it, not every module of the package."""
        path = os.path.abspath(path)
        text = self._text(path)
        if self._names_word(path, text, name):
            return True
        if _depth >= 4 or "*" not in text:
            return False
        for m in _STAR.finditer(text):
            target = self._star_target(path, m.group(1))
            if target is None or target == path or self.may_define(target, name, _depth + 1):
                return True  # a star import we cannot follow may bind anything
        return False

    def registers(self, path):
        """Whether the module in ``path`` decorates a top-level class or function with a
        call (a registry it fills when imported)."""
        path = os.path.abspath(path)
        text = self._text(path)
        got = self._registers.get(path)
        if got is None or got[0] is not text:  # (searched once per version of the file's text)
            got = self._registers[path] = (text, _REGISTERING.search(text) is not None)
        return got[1]

    def _names_word(self, path, text, name):
        """Whether ``text`` (the module in ``path`` as read now) holds ``name`` as a word:
        searched once per text and name (each file that uses a project module asks again)."""
        key = (path, name)
        got = self._words.get(key)
        if got is None or got[0] is not text:
            if len(self._words) > 65536:
                self._words.clear()
            got = self._words[key] = (text, re.search(r"\b" + re.escape(name) + r"\b", text) is not None)
        return got[1]

    def _text(self, path):
        """The module's text ("" when unreadable)."""
        return self._read(path) or ""

    def _read(self, path):
        """The module's text, read once per version of the file; None when unreadable."""
        stamp = self.stamp(path)
        got = self._texts.get(path)
        if got is not None and got[0] == stamp:
            return got[1]
        try:
            with open(path, "rb") as f:
                text = f.read().decode("utf-8", "replace")
        except OSError:
            text = None
        if len(self._texts) > 4096:
            self._texts.clear()
        self._texts[path] = (stamp, text)
        return text

    def _star_target(self, path, module):
        """The file of ``from <module> import *`` written in ``path`` (None: not found)."""
        level = len(module) - len(module.lstrip("."))
        target = self.absolute(self.module_name(path), path.endswith("__init__.py"), module.lstrip("."), level)
        return self.find(target) if target else None

    def env_of_func(self, fnode):
        return self._func_env.get(id(fnode))

    def env_of_frame(self, frame):
        return self._frame_env.get(id(frame))

    def register(self, env):
        self._frame_env[id(env.globals)] = env
        for f in env.functions():
            self._func_env[id(f)] = env

    def loaded(self):
        return [e for e in self._envs.values() if e is not None]

    # ----------------------------------------------------------- dependencies
    def direct_imports(self, path):
        """Project files ``path`` imports (any form, any nesting), from a scan of its text (``_IMPORT``)."""
        path = os.path.abspath(path)
        stamp = self.stamp(path)
        got = self._imports.get(path)
        if got is not None and got[0] == stamp:
            return got[1]
        self._imports[path] = (stamp, ())
        text = self._read(path)
        if text is None:
            return ()
        self._hinted[path] = self.hint is not None and self.hint(text)
        name = self.module_name(path)
        is_pkg = os.path.basename(path) == "__init__.py"
        out = []
        for module, names in _imported_names(text):
            if names is None:
                mods = [module]
            else:
                level = len(module) - len(module.lstrip("."))
                base = self.absolute(name, is_pkg, module.lstrip("."), level)
                if base is None:
                    continue
                mods = [base] + [base + "." + a for a in names if a != "*"]
            for m in mods:
                parts = m.split(".")
                for i in range(1, len(parts) + 1):  # importing a.b.c runs a/__init__ and a/b/__init__
                    p = self.find(".".join(parts[:i]))
                    if p is not None and p != path and p not in out:
                        out.append(p)
        got = tuple(out)
        self._imports[path] = (stamp, got)
        return got

    def defined_names(self, path):
        """The names the module defines with ``def`` (functions and methods), from its text."""
        stamp = self.stamp(path)
        got = self._defined.get(path)
        if got is None or got[0] != stamp:
            got = self._defined[path] = (stamp, frozenset(_DEF.findall(self._text(path))))
        return got[1]

    hint = None  # text -> whether it may hold an in-place site (the runner's prefilter)

    def reaches_inplace_code(self, path):
        """Some project module ``path`` imports (transitively) may hold an in-place site: a file
        with none of its own still needs analysing, since its calls may lead there."""
        return any(self._hinted.get(d, True) for d in self.dependencies(path))

    def dependencies(self, path):
        """Every project file whose content can change ``path``'s findings (transitive
        imports, ``path`` itself excluded), sorted.  For result-cache keys."""
        path = os.path.abspath(path)
        seen, todo = {path}, [path]
        while todo:
            for dep in self.direct_imports(todo.pop()):
                if dep not in seen:
                    seen.add(dep)
                    todo.append(dep)
        seen.discard(path)
        return sorted(seen)


_UNSEEN = object()


def _stamp(path):
    try:
        st = os.stat(path)
        return (st.st_mtime_ns, st.st_size)
    except OSError:
        return None


def project_roots(paths, config=None):
    """Roots for checking ``paths``: the config's folder (else their common folder),
    its ``src`` folders, then each checked file's folder."""
    absd = [os.path.abspath(p) for p in paths] or [os.getcwd()]
    if config is not None and getattr(config, "source", None):
        root = os.path.abspath(config.root)
    else:
        dirs = [p if os.path.isdir(p) else os.path.dirname(p) for p in absd]
        root = os.path.commonpath(dirs) if dirs else os.getcwd()
        if not any(os.path.isdir(p) for p in absd):  # files only (pre-commit, flake8): find their project
            root = _marked_root(root) or root
    roots = [root]
    for s in (getattr(config, "src", None) or ()):
        roots.append(s if os.path.isabs(s) else os.path.join(root, s))
    if os.path.isdir(os.path.join(root, "src")) and not os.path.isfile(os.path.join(root, "src", "__init__.py")):
        roots.append(os.path.join(root, "src"))
    for p in absd:
        d = p if os.path.isdir(p) else os.path.dirname(p)
        if d not in roots:
            roots.append(d)
        top = d  # the folder above the file's top package: where ``import pkg`` finds it
        while os.path.isfile(os.path.join(top, "__init__.py")) and os.path.dirname(top) != top:
            top = os.path.dirname(top)
        if top not in roots:
            roots.append(top)
    return roots


_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", ".git")


def _marked_root(folder, limit=8):
    """The nearest folder at or above ``folder`` that looks like a project's top
    (a ``pyproject.toml``, ``setup.py``, ``setup.cfg`` or ``.git``)."""
    for _ in range(limit):
        if any(os.path.exists(os.path.join(folder, m)) for m in _MARKERS):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
    return None
