"""The constructions of a class that a script makes, for its methods' own analysis.

A method analysed on its own runs on a stand-in instance built with unknown
constructor arguments (``Standalone._standalone_instance``), so every arm of a
constructor option is analysed: ``PCEN(learn_smoothing=True)`` makes the smoother a
Parameter, and the frame-by-frame write into the buffer an error, although the
script only ever builds ``PCEN(..., learn_smoothing=False)``.

In a script (the closed world ``Standalone._entry`` already assumes: nothing imports
it) the program is its module body and its entry points (a module-level function run
with its defaults, or one without parameters).  While they run, every call into the
file's own functions and classes is noted with the call expression and the function
it was made from; each construction also keeps the values its ``__init__``'s
parameters got.  A class counts as built only by the program when

- each mention of its name in the code is a call (its ``class`` line aside: no
  subclass, no ``getattr``/string, no annotation, no ``partial(Cls, ...)``), and each
  of those calls ran in the program;
- each of them was made from code the program alone runs: the module body, an entry
  point, the ``__init__`` of a class built only by the program, or a module-level
  function whose every mention is such a call (checked the same way).

Its stand-in instance (and its ``__init__``'s own analysis) then takes, for each
constructor parameter, the value every construction passed when they all passed the
same known option: a flag, a name, None, a function or class of the file, a dict of
such, or a settings object (an instance of one of the code's classes whose attributes
are constants: a dataclass of options, known by its options only).  Sizes and rates
stay unknown (a known size runs the own analysis's loops as the
program does, where a path the program takes only with grad off becomes certain), as
does any other parameter.  Per parameter, so the stand-in covers every construction
made (and more).  Anything else keeps today's unknown arguments: a class built with a
value the engine does not know, built elsewhere or not at all, decorated (a registry
may hold it), built by its own methods (``type(self)(...)``), or built inside a lambda.
In a project, a script's classes also must not be named by a file that names the
script; a package module's classes are checked against the programs of the scripts
beside the packages (``project/entries.py``).
"""
from __future__ import annotations

import functools

import io
import re
import tokenize
from collections import Counter

import libcst as cst

from .values import UNKNOWN_CONST, ClassInfo, Const, Dict, Func, Obj, Qual, Seq

MAX_CHAIN = 4  # how many enclosing functions and classes a construction's call is followed through
IN_LAMBDA = "lambda"  # the caller noted for a call made inside a lambda (never closed)


class Constructions:
    """What the program's run noted (one per interpreter)."""

    def __init__(self):
        self.active = False  # the program (module body, entry points) is running
        self.done = False  # the program's part is over: nothing more is noted
        self.sites: dict = {}  # id(def node) -> {id(call node): the Func it was called from, or None}
        self.values: dict = {}  # id(ClassDef) -> [{param: value}] per construction
        self.roots: dict = {}  # id(def node) -> is_root
        self.bound: dict = {}  # id(ClassInfo) -> bound_arguments
        self.grads: dict = {}  # id(def node) -> the grad mode at each call the program made
        self.casts: dict = {}  # id(def node) -> the autocast region ("on", "maybe", None) of each
        self.world = None  # (see World.of_script)
        self.project_world = None  # (see project/entries.py)
        self.project_files = None  # (see project/entries.named_elsewhere)
        self.lambdas = 0  # lambdas being called (see note_call)


def in_order(interp, funcs):
    """The (function, owner) pairs in the order of their own analyses: public ones before
    private helpers (Standalone.callers_seen), and the entry points first, which note the
    program's calls while they run (their constructions are the other methods' arguments)."""
    roots = {id(n) for n, o in funcs if is_root(interp, n, o)}
    funcs.sort(key=lambda f: (interp.callers_seen(*f), id(f[0]) not in roots))
    c = interp.constructions
    for node, owner in funcs:
        c.active = id(node) in roots and not c.done
        c.done = not c.active
        yield node, owner


def note_call(interp, func, node, frame):
    """``func`` was entered from ``node`` with its parameters bound in ``frame``."""
    c = interp.constructions
    if not c.active or c.done or node is None:
        return
    c.grads.setdefault(id(func.node), []).append(interp.state.grad)
    c.casts.setdefault(id(func.node), []).append(interp.cast)
    caller = interp.funcs[-1] if interp.funcs else None
    if c.lambdas:
        caller = IN_LAMBDA  # (a lambda may be called by code not seen, with other arguments)
    elif caller is not None and is_root(interp, caller.node, caller.owner):
        caller = None  # (an entry point: the program itself)
    obj = func.bound
    fnode = func.node
    if fnode.name.value == "__init__" and isinstance(obj, Obj) and isinstance(obj.cls, ClassInfo) \
            and obj.ctor_node is node:
        key = id(obj.cls.node)
        params = fnode.params
        named = [p.name.value for p in list(params.posonly_params) + list(params.params)[1:]] + \
                [p.name.value for p in params.kwonly_params]
        c.values.setdefault(key, []).append({n: frame.vars.get(n) for n in named})
    elif func.owner is None and func.closure is None:
        key = id(fnode)
    else:
        return
    c.sites.setdefault(key, {})[id(node)] = caller


def is_root(interp, fnode, owner):
    """A module-level function the program runs as an entry point (with its defaults)."""
    memo = interp.constructions.roots
    if id(fnode) not in memo:
        memo[id(fnode)] = owner is None and any(s is fnode for s in interp.module.body) and \
            _root(interp, fnode)
    return memo[id(fnode)]


def _root(interp, fnode):
    p = fnode.params
    if not (p.posonly_params or p.params or p.kwonly_params) and p.star_arg is cst.MaybeSentinel.DEFAULT \
            and p.star_kwarg is None:
        return interp.is_script()
    return interp._entry(fnode)


def bound_arguments(interp, info: ClassInfo):
    """{param: value} for the stand-in instance of ``info``, or None when its constructor's
    arguments stay unknown (see the module docstring)."""
    memo = interp.constructions.bound
    if id(info) not in memo:
        memo[id(info)] = _bound_arguments(interp, info)
    return memo[id(info)]


def program_world(interp):
    """The World of the program the checked file belongs to: its own (a script), its project's
    scripts' (a package module of an application), or None."""
    if interp.is_script():
        return World.of_script(interp)
    if interp.project is not None:
        from .project import entries  # local: the project package imports the interpreter

        return entries.world(interp)
    return None


def _bound_arguments(interp, info):
    if getattr(interp, "own_check", False):
        # (a callee module's own analysis that only settles what the caller's check reports:
        # it answers as before, so that a write the caller finds is kept unless that analysis
        # finds it regardless of the program's choices; see project/own_check.py)
        return None
    world = program_world(interp)
    built = world.values.get(id(info.node)) if world is not None else None
    if not built or not world.closed(info.node, 0):
        return None
    out = {}
    for name in built[0]:
        v = _same_known([b.get(name) for b in built], world.objects)
        if v is not None:
            out[name] = v
    if out and world.files:
        interp.deps |= world.files  # (the result depends on the scripts and on every mention)
    return out or None


def _same_known(values, objects):
    first = values[0]
    if not _known(first, 0, objects) or any(not _equal(first, v, 0, objects) for v in values[1:]):
        if all(isinstance(v, Const) for v in values):
            # numbers (a rate, a discount read from the command line) or different options:
            # no tensor, whatever the value (``self.gamma * returns[i + 1]`` keeps nothing)
            return UNKNOWN_CONST
        return None
    if isinstance(first, Obj):
        return _settings_copy(first)
    if isinstance(first, Dict):
        # a config dict: its options, its numbers and lists of numbers unknown (as a settings object's)
        return Dict({k: x if _known(x, 1, objects) else _unknown_number(x) for k, x in first.entries.items()},
                    first.factory)
    return first


def _number(x):
    """A number or a list of numbers: what a config holds beside its options."""
    if isinstance(x, Seq):
        return x.items is not None and all(isinstance(i, Const) for i in x.items)
    return isinstance(x, Const)


def _unknown_number(x):
    return Seq(elem=UNKNOWN_CONST, is_tuple=x.is_tuple) if isinstance(x, Seq) else UNKNOWN_CONST


def _known(v, depth, objects=True):
    if isinstance(v, Const):
        # an option (a flag, a name, None), not a size or a rate: a known size makes the own
        # analysis run its loops as the program does, where a path the program takes only with
        # grad off (a frozen backbone) becomes certain, and an option is what picks a hazard's arm
        return v is not UNKNOWN_CONST and type(v.value) in (bool, str, type(None))
    if isinstance(v, Dict):
        return depth < 2 and v.factory is None and all(
            k != "?" and (_known(x, depth + 1, objects) or _number(x)) for k, x in v.entries.items())
    if isinstance(v, Obj):
        return _settings(v, depth)
    if not objects:
        return False  # (functions and classes: only those of the analysed file itself)
    if isinstance(v, Func):
        return v.bound is None and v.closure is None and type(v.node) is cst.FunctionDef
    return isinstance(v, (ClassInfo, Qual))


def _equal(a, b, depth, objects):
    if type(a) is not type(b):
        return False
    if isinstance(a, Const):
        return b is not UNKNOWN_CONST and type(a.value) is type(b.value) and a.value == b.value
    if isinstance(a, Func):
        return a.node is b.node and _known(b, depth, objects)
    if isinstance(a, ClassInfo):
        return a is b
    if isinstance(a, Qual):
        return a.name == b.name
    if isinstance(a, Obj):
        return _same_settings(a, b)
    if isinstance(a, Dict):
        # the same options (numbers may differ: they stay unknown)
        return a.entries.keys() == b.entries.keys() and _known(b, depth, objects) and all(
            _equal(x, b.entries[k], depth + 1, objects) if _known(x, depth + 1, objects) else
            _number(b.entries[k]) and not _known(b.entries[k], depth + 1, objects) for k, x in a.entries.items())
    return False


def _settings(v, depth):
    """An instance of a settings class of the analysed code (a dataclass of options):
    no module, every attribute a constant."""
    return depth < 2 and isinstance(v.cls, ClassInfo) and not v.is_module and v.items is None and \
        bool(v.attrs) and all(isinstance(x, Const) for x in v.attrs.values())


def _same_settings(a, b):
    """One settings class, the same options (numbers may differ: they stay unknown)."""
    if a is b:
        return True
    return a.cls.node is b.cls.node and a.attrs.keys() == b.attrs.keys() and _settings(b, 0) and all(
        not _known(x, 1) or _equal(x, b.attrs[k], 1, False) for k, x in a.attrs.items())


def _settings_copy(v):
    """The stand-in's settings object: its options, every other attribute unknown (sizes and
    rates stay unknown, as for a parameter).  No class: its methods are not this analysis's."""
    out = Obj()
    out.attrs = {k: x if _known(x, 1) else UNKNOWN_CONST for k, x in v.attrs.items()}
    return out


class World:
    """The code a program's constructions are checked against: its calls noted, the
    definitions at the top level of its modules, and the mentions of names in its text."""

    def __init__(self, sites, values, tops, texts, objects, files=frozenset(), elsewhere=None, grads=None,
                 casts=None):
        self.sites, self.values = sites, values
        self.grads = grads or {}  # id(def node) -> the grad modes of the program's calls
        self.casts = casts or {}  # id(def node) -> the autocast regions of the program's calls
        self.elsewhere = elsewhere or (lambda name: False)  # whether files outside the texts name it
        self.tops = tops  # ids of the statements at the top level of its modules
        self.texts = texts  # the texts whose mentions count
        self.objects = objects  # functions and classes may be bound (one file's own values)
        self.files = files  # the project files the answer depends on
        self._memo: dict = {}
        self._counts = None
        self.kept = ()  # the trees whose nodes' ids key the above (held while the world is)

    @classmethod
    def of_script(cls, interp):
        c = interp.constructions
        if c.world is None:
            text = interp.source if interp.source is not None else interp.module.code
            elsewhere = None
            if interp.project is not None:
                # a script of a project: no other file of the project may name what it builds
                from .project import entries  # local: the project package imports the interpreter
                elsewhere = functools.partial(entries.named_elsewhere, interp)
            c.world = cls(c.sites, c.values, {id(s) for s in interp.module.body}, [text], True,
                          elsewhere=elsewhere, grads=c.grads, casts=c.casts)
        return c.world

    def autocast(self, node):
        """The autocast region every call the program made of ``node`` ran in, when it ran in
        one at each ("on" where each was surely one, else "maybe"); None otherwise.  A block
        of a model trained in bf16 runs under autocast although its own file never names it."""
        casts = self.casts.get(id(node))
        if not casts or None in casts:
            return None
        return "on" if all(c == "on" for c in casts) else "maybe"

    def grad_off(self, node):
        """Whether every call of the function or method ``node`` runs with grad off: each
        mention of its name is a call (or its one ``def``), and each call the program made
        ran under ``no_grad`` (a callback's ``@torch.no_grad() on_step_end`` clamping a
        prior's pseudo-inputs; a call the program never makes, under a flag it sets off,
        does not happen)."""
        grads = self.grads.get(id(node))
        return bool(grads) and self._named_only_in_calls(node) and all(g is False for g in grads)

    def closed(self, node, depth):
        """Whether every call of the class or function ``node`` (defined at a module's top
        level) is one the program made, from code only the program runs."""
        key = id(node)
        if key in self._memo:
            return self._memo[key]
        self._memo[key] = False  # (a cycle of calls: not closed)
        got = depth <= MAX_CHAIN and key in self.tops and self._all_calls_seen(node) and \
            all(self._caller_closed(f, depth + 1) for f in self.sites[key].values())
        self._memo[key] = got
        return got

    def _all_calls_seen(self, node):
        if not self._named_only_in_calls(node):
            return False
        if type(node) is cst.ClassDef and _BUILDS_ITSELF.search(_code(node)):
            return False  # ``type(self)(...)``, ``cls(...)``: built by its own methods, arguments unseen
        sites = self.sites.get(id(node))
        return bool(sites) and len(sites) == self.counts()[1][node.name.value]

    def _named_only_in_calls(self, node):
        """Whether each mention of ``node``'s name in the world's code is a call (or its one
        ``def``/``class``): no decorator (it may register it by another name), no string, no
        file the world does not hold naming it."""
        name = node.name.value
        counts = self.counts()
        if counts is None or node.decorators or self.elsewhere(name):
            return False
        total, calls, defs, quoted = counts
        return defs[name] == 1 and quoted[name] == 0 and total[name] == calls[name] + 1

    def _caller_closed(self, func, depth):
        if func is None:
            return True  # the module body or an entry point
        if not isinstance(func, Func) or func.closure is not None:
            return False
        if func.owner is None:
            return self.closed(func.node, depth)
        # the constructor of a class only the program builds (its other methods may be run by
        # whatever holds the object)
        return func.node.name.value == "__init__" and isinstance(func.owner, ClassInfo) and \
            self.closed(func.owner.node, depth)

    def counts(self):
        """Per identifier in the code (not comments, prose, imports or ``__all__``): its
        mentions, those followed by ``(`` (calls), those after ``def``/``class``, and whole
        strings equal to it.  None when a text does not tokenize."""
        if self._counts is None:
            self._counts = False
            total, calls, defs, quoted = Counter(), Counter(), Counter(), Counter()
            for text in self.texts:
                if not _count(text, total, calls, defs, quoted):
                    return None
            self._counts = (total, calls, defs, quoted)
        return self._counts or None


_BUILDS_ITSELF = re.compile(r"\btype\(\s*self\s*\)\s*\(|__class__\s*\(|\bcls\s*\(")
_EMPTY = cst.Module(body=[])


def _code(node):
    return _EMPTY.code_for_node(node)


_SKIPPED = (tokenize.COMMENT, tokenize.NL, tokenize.INDENT, tokenize.DEDENT)


def _count(text, total, calls, defs, quoted):
    try:
        toks = [t for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type not in _SKIPPED]
    except (tokenize.TokenError, SyntaxError):
        return False
    first = None  # the first token of the logical line
    for i, t in enumerate(toks):
        if t.type == tokenize.NEWLINE:
            first = None
            continue
        if first is None:
            first = t.string
        if first in ("import", "from", "__all__"):
            continue  # (a name imported or exported is no construction, nor a use)
        if t.type == tokenize.NAME:
            total[t.string] += 1
            if i and toks[i - 1].string in ("def", "class"):
                defs[t.string] += 1
            elif i + 1 < len(toks) and toks[i + 1].string == "(":
                calls[t.string] += 1
        elif t.type == tokenize.STRING:
            quoted[t.string.strip("'\"")] += 1
    return True
