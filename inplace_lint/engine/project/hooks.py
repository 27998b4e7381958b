"""The interpreter's side of whole-project analysis.

Names imported from project modules stay ``Qual`` values (as every import was
before) and are resolved lazily, when the code calls them, subclasses them or
reads through them; a module is loaded the first time one of its names is
needed.  A call into a function of another module switches the interpreter's
"current module" (its globals, where positions are looked up) for the
duration of the call, and remembers the call site in the checked file (the
anchor) where anything that goes wrong inside is reported.
"""
from __future__ import annotations

import builtins
import os
import re

import libcst as cst

from ..values import ClassInfo, Const, Dict, Obj, Qual, Seq, Tensor, opaque
from .index import OPAQUE_TOPS
from ..frames import dotted as _dotted

_MISSING = object()
_COMMENT = re.compile(r"#[^\n]*")
MAX_REEXPORT = 8  # re-export hops followed (``pkg/__init__`` -> ``pkg.layers`` -> ...)


class Anchor:
    """Where the checked file called into another module."""

    __slots__ = ("node", "stmt", "storages", "depth", "args", "start", "grad_args", "bound", "values", "func")

    def __init__(self, node, stmt, storages, depth, args, start):
        self.start = start  # saves numbered from here on were made during the call
        self.node = node
        self.stmt = stmt
        self.storages = storages  # ids of the storages of the tensors passed in
        self.depth = depth  # len(chain) at the call
        self.args = args  # [(value, arg expression)] of the call, to name the caller's tensor
        # a tensor passed in surely requires grad: what the callee saves from it is
        # certain here, while the callee's own file can only say "may"
        self.grad_args = False
        self.bound = None  # the instance, for a method call
        self.values = ()  # the values passed (positional, then keyword)
        self.func = None  # the function called


class Switch:
    __slots__ = ("env", "globals", "anchor")

    def __init__(self, env, globals_, anchor):
        self.env, self.globals, self.anchor = env, globals_, anchor


def setup(interp, project, path):
    """Project fields of a fresh interpreter."""
    interp.project = project
    interp.home_path = path
    interp.module_env = None  # the env whose code is "home" (set for a loader)
    interp.env = None  # the other module whose code runs now (None: home)
    interp.anchor = None
    interp.home_globals = interp.globals
    interp.star_modules = []  # absolute names of star-imported project modules
    interp.touched = []  # envs whose code ran
    interp.foreign_saves = {}  # id(Save) -> (Save, env, number) for saves made in another module's code
    interp.n_saves = 0
    interp._resolved = {}
    interp.home_positions = None  # set by engine.analyze: which statements are the checked file's
    interp.deps = set()  # files of the project modules this analysis read
    interp.home_modules = []  # modules the checked file's own code built (see _callers_param)
    interp.built_for_home = {}  # mid -> object another module's code built in a call from home
    interp.code_text = None  # the module's text without comments (see run_if_side_effect)
    if project is not None and path is not None:
        # checking a module that was also imported (one parse): its functions are home
        interp.module_env = project.env_for_tree(path, interp.module)
        interp.home_name = project.module_name(path)
        interp.home_is_package = os.path.basename(path) == "__init__.py"
    else:
        interp.home_name, interp.home_is_package = None, False


def _cur_name(interp):
    if interp.env is not None:
        return interp.env.name, interp.env.is_package
    return interp.home_name, interp.home_is_package


# ------------------------------------------------------------------ imports
def import_from(interp, small, frame) -> bool:
    """Bind ``from X import ...`` when X is relative or a star import of a project module.
    Returns False to let the plain (absolute, opaque-by-default) binding happen."""
    level = len(small.relative)
    star = type(small.names) is cst.ImportStar
    if not level and not star:
        if small.module is not None:
            run_if_registers(interp, frame, _dotted(small.module))
        return False
    module = _dotted(small.module) if small.module is not None else ""
    name, is_pkg = _cur_name(interp)
    base = interp.project.absolute(name, is_pkg, module, level)
    if base is None:
        return True  # a relative import we cannot place: leave the names unknown, as before
    if star:
        if interp.project.find(base) is not None:
            stars = interp.env.stars if interp.env is not None else interp.star_modules
            if base not in stars:
                stars.append(base)
        return True
    index = interp.project
    known = index.find(base) is not None or index.is_package_dir(base)
    for alias in small.names:
        n = _dotted(alias.name)
        if not known and index.find(base + "." + n) is None:
            continue  # not project code (torch's own relative imports): unknown, as before
        local = alias.asname.name.value if alias.asname is not None else n
        frame.vars[local] = Qual(base + "." + n)
        run_if_side_effect(interp, frame, base + "." + n, local)
    run_if_registers(interp, frame, base)
    return True


def import_module(interp, name, package=None):
    """``importlib.import_module("models." + arch)`` with a name known here: the project
    module, as ``import`` binds it (a relative name with a known ``package``); else unknown."""
    if not (isinstance(name, Const) and type(name.value) is str and name.value.strip(".")):
        return opaque()
    dotted = name.value
    if dotted.startswith("."):
        if not (isinstance(package, Const) and type(package.value) is str):
            return opaque()
        level = len(dotted) - len(dotted.lstrip("."))
        dotted = interp.project.absolute(package.value, True, dotted[level:], level)
    index = interp.project
    if dotted is None or index.find(dotted) is None and not index.is_package_dir(dotted):
        return opaque()
    return Qual(dotted)


def run_if_registers(interp, frame, module):
    """Run the top level of project module ``module`` now when a name is imported from it
    at a module's top level and it fills a registry when imported (``@register("espcn")`` on
    its class, read back by key through another module): Python runs the whole module on
    import, and nothing else names the registered class.  Other modules stay lazy."""
    if frame.parent is not None or interp.funcs:
        return
    index = interp.project
    path = index.find(module)
    if path is None or not index.registers(path):
        return
    interp.deps.add(path)
    env = index.env(path)
    if env is not None:
        interp.deps |= env.deps


def run_if_side_effect(interp, frame, module, local):
    """Run the top level of project module ``module`` now when the importing module's
    top level imports it only for what importing does (``from . import zoneout  # noqa:
    F401``: its decorators fill a registry another module reads).  Other imports stay
    lazy: their names are resolved when used."""
    if frame.parent is not None or interp.funcs:
        return  # an import inside a function: lazy as always
    path = interp.project.find(module)
    if path is None:
        return
    if interp.code_text is None and interp.source is not None:
        interp.code_text = _COMMENT.sub("", interp.source)  # (once per module: one import after another)
    text = interp.code_text
    if text is None or len(re.findall(r"\b" + re.escape(local) + r"\b", text)) > 1:
        return  # the name is used: resolved when it is
    interp.deps.add(path)
    env = interp.project.env(path)
    if env is not None:
        interp.deps |= env.deps


def star_lookup(interp, name):
    """A name not bound in the current module: maybe from a star import.  Not for
    names ``import *`` does not export (a leading underscore: ``__name__``,
    ``_LazyModule``) or that are builtins (``globals``, ``len``): looking those up
    would summarise every module a package star-imports."""
    if name.startswith("_") or name in _BUILTINS:
        return None
    stars = interp.env.stars if interp.env is not None else interp.star_modules
    for mod in stars:
        v = resolve_qual(interp, mod + "." + name)
        if v is not None:
            return v
    return None


# --------------------------------------------------------------- resolution
_BUILTINS = frozenset(dir(builtins))


def project_class(interp, v):
    """``v`` itself, or the class of the project a qualified name stands for
    (``isinstance(m, lora.LoRALinear)`` in a module that imported it from a package)."""
    if interp.project is not None and isinstance(v, Qual) and not v.name.startswith(("torch.", "builtins.")):
        got = resolve_qual(interp, v.name)
        if isinstance(got, ClassInfo):
            return got
    return v


def resolve_qual(interp, dotted, _hops=0):
    """The project value a dotted name stands for, or None when it is not project code."""
    cache = interp._resolved
    got = cache.get(dotted, _MISSING)
    if got is not _MISSING:
        return got
    cache[dotted] = None  # a cycle resolves to "unknown"
    v = _resolve(interp, dotted, _hops)
    cache[dotted] = v
    return v


def _resolve(interp, dotted, hops, parent_only=False):
    """``parent_only``: what the package above binds under the last name, if anything."""
    index = interp.project
    parts = dotted.split(".")
    if parts[0] in OPAQUE_TOPS or (index.find(parts[0]) is None and not index.is_package_dir(parts[0])):
        return None
    for i in range(len(parts) - 1 if parent_only else len(parts), 0, -1):
        path = index.find(".".join(parts[:i]))
        if path is not None:
            break
    else:
        return None
    rest = parts[i:]
    if not rest:
        if i > 1 and hops < MAX_REEXPORT:
            # ``from .train.loop import train`` in the package's ``__init__`` binds the name
            # ``train`` over the subpackage of that name: ``from pkg import train`` gets the function
            bound = _resolve(interp, ".".join(parts[:-1]) + "." + parts[-1], hops + 1, parent_only=True)
            if bound is not None:
                return bound
        return None  # the module itself: stays a Qual, its attributes resolve lazily
    interp.deps.add(path)
    if not index.may_define(path, rest[0]):
        return None  # cannot bind it: not parsed (the result still depends on its text)
    env = index.env(path)
    if env is None:
        return None
    interp.deps |= env.deps
    v = env.globals.vars.get(rest[0])
    if parent_only and (v is None or isinstance(v, Qual) and v.name == dotted):
        return None  # not bound there, or bound to the submodule itself
    if v is None:
        for mod in env.stars:
            if hops < MAX_REEXPORT:
                v = resolve_qual(interp, mod + "." + rest[0], hops + 1)
                if v is not None:
                    break
        if v is None:
            return None
    if isinstance(v, Qual):
        # a re-export (``from .layers import Gate`` in a package ``__init__``)
        target = v.name + ("." + ".".join(rest[1:]) if rest[1:] else "")
        if hops >= MAX_REEXPORT:
            return None
        r = resolve_qual(interp, target, hops + 1)
        return r if r is not None else Qual(target)
    for attr in rest[1:]:
        v = interp.getattr(v, attr)
    return v


def resolve_value(interp, v):
    if isinstance(v, Qual):
        r = resolve_qual(interp, v.name)
        if r is not None:
            return r
    return v


def globals_of(interp, fnode):
    env = interp.project.env_of_func(fnode)
    if env is None or env is interp.module_env:
        return interp.home_globals
    return env.globals


# -------------------------------------------------------------------- calls
def _target(interp, func):
    index = interp.project
    target = index.env_of_func(func.node)
    if target is None and func.closure is not None:
        f = func.closure
        while f.parent is not None:
            f = f.parent
        target = index.env_of_frame(f)
    if target is interp.module_env:
        target = None
    return target


def env_differs(interp, func) -> bool:
    """``func`` lives in another module than the code running now."""
    return _target(interp, func) is not interp.env


def enter(interp, func, node, args, kwargs):
    """Switch to the module ``func`` lives in; None when no switch is needed."""
    target = _target(interp, func)
    if target is interp.env:
        return None
    sw = Switch(interp.env, interp.globals, interp.anchor)
    if interp.env is None:
        pairs = []
        call_args = node.args if type(node) is cst.Call else ()
        flat = [a for a in args] + list(kwargs.values())
        storages = set()
        for v in flat:
            _storages(v, storages)
        if len(call_args) == len(flat):
            pairs = [(v, a.value) for v, a in zip(flat, call_args)]
        anchor_node = node if type(node) is cst.Call else interp.cur_stmt
        interp.anchor = Anchor(anchor_node, interp.cur_stmt, storages, len(interp.chain), pairs, interp.n_saves)
        interp.anchor.grad_args = any(_requires_grad(v) for v in flat)
        interp.anchor.values = flat
        interp.anchor.func = func
        if isinstance(func.bound, Obj):
            interp.anchor.bound = func.bound
    interp.env = target
    interp.globals = target.globals if target is not None else interp.home_globals
    if target is not None and target not in interp.touched:
        interp.touched.append(target)
    return sw


def leave(interp, sw):
    interp.env, interp.globals, interp.anchor = sw.env, sw.globals, sw.anchor


def _storages(v, out, depth=0):
    if isinstance(v, Tensor):
        out.add(id(v.storage))
        for m in v.members or ():
            out.add(id(m.storage))
        if v.base is not None:
            out.add(id(v.root().storage))
    elif isinstance(v, Seq) and depth < 2:
        for i in (v.items or ()):
            _storages(i, out, depth + 1)
        if v.elem is not None:
            _storages(v.elem, out, depth + 1)
    elif isinstance(v, Dict) and depth < 2:
        for i in v.entries.values():
            _storages(i, out, depth + 1)
    elif isinstance(v, Obj) and depth < 1:
        for p in v.own_params():
            out.add(id(p.storage))


def _requires_grad(v, depth=0):
    """A tensor that surely requires grad, or a model or optimizer built by the caller."""
    if isinstance(v, Tensor):
        return v.rg is True
    if isinstance(v, Obj):
        return v.is_module or v.qual == "optimizer"
    if isinstance(v, Seq) and depth < 2:
        return any(_requires_grad(i, depth + 1) for i in (v.items or ()))
    return False


def _holds_callers_objects(interp, obj):
    """An instance that holds a model or optimizer the checked file built and passed in
    (``Trainer(model, opt)``): its methods' hazards are certain only with the caller's objects."""
    if obj is None or interp.home_positions is None:
        return False
    for v in obj.attrs.values():
        if isinstance(v, Obj) and (v.is_module or v.qual == "optimizer") and _made_for_home(interp, v):
            return True  # (built here, or by a project factory it called: ``build_discriminator(cfg)``)
        # callbacks the checked file built and handed over in a list (``Trainer(cb=[f1])``):
        # what they do at the callee's events is the caller's choice
        if isinstance(v, Seq) and v.items:
            if any(isinstance(i, Obj) and i.cls is not None and _made_for_home(interp, i) for i in v.items[:8]):
                return True
    return False


CANDIDATE = "candidate"  # keep_event: kept if the callee's own check does not report it (own_check)


def _built_here(interp, values):
    """One of ``values`` is a module the checked file constructed (or had a project factory build)."""
    if interp.home_positions is None:
        return False
    return any(isinstance(v, Obj) and v.is_module and _made_for_home(interp, v) for v in values)


def _made_for_home(interp, obj):
    """``obj`` was constructed by the checked file's code, or by a project factory it called."""
    return obj.mid in interp.built_for_home or obj.ctor_stmt is not None and interp.home_positions.knows(obj.ctor_stmt)


def keep_event(interp, t, live):
    """An in-place write inside another module's code belongs to the checked file when a
    save made before the call is at stake, or (with no save at stake) the tensor came from
    the caller; a hazard wholly inside the call is the callee's own, reported when its
    module is checked -- and here too when the caller's values make it certain there."""
    anchor = interp.anchor
    if anchor is None:
        return False
    for s in live:
        got = interp.foreign_saves.get(id(s))
        if got is None or got[0] is not s or got[2] < anchor.start:
            return True  # saved in the checked file, or before the call
    if live:
        if not (t.alias_certain and any(s.certain for s in live)):
            return False
        # the caller's tensors or objects make it certain here: kept unless the callee's
        # own check is as certain (own_check), e.g. a model the checked file built whose
        # constructor default picks an in-place activation
        if _callers_make_it(interp, anchor):
            return CANDIDATE
        return False
    # the tensor, or what it is a view of (each of a group's members: the weight of one of
    # a model's layers, ``w.view(-1)`` of each)
    reached = [t] + list(t.members or ())
    ids = {id(x.storage) for x in reached} | {id(x.root().storage) for x in reached if x.base is not None}
    if ids & anchor.storages or any(_callers_param(interp, x.root()) for x in reached):
        return True
    if t.kind == "param" and interp.state.grad is True and _factory_param(interp, [x.root() for x in reached]):
        # a parameter of a model a project factory built for the checked file (its initialiser
        # registry writing a bias with grad on): certain here, as the caller's grad mode says
        return CANDIDATE
    # a write refused whatever was saved (a multi-output view of a tensor that requires grad,
    # or a leaf that does, with grad on), certain only with the caller's model, grad mode or
    # the callables it built and passed (a transform made in-place by the caller's config):
    # as for a save above
    if t.rg is True and interp.state.grad is True and (t.view in ("multi", "custom") and _callers_make_it(interp, anchor)
                                                       or t.leaf is True and _callables_built_here(interp, anchor.values)):
        return CANDIDATE
    return False


def _callers_make_it(interp, anchor):
    """The checked file's values decide what runs here: its tensors with grad, its objects,
    what it built, or a module a project factory built from them during this call (the
    model ``build_model(cfg["model"])`` makes from the entry's config) whose method runs now."""
    return bool(anchor.grad_args or _holds_callers_objects(interp, anchor.bound)
                or _built_here(interp, [anchor.bound] + list(anchor.values))
                or any(isinstance(f.bound, Obj) and f.bound.mid in interp.built_for_home for f in interp.funcs))


def _callables_built_here(interp, values):
    """One of ``values`` is an object of the project's classes with a ``__call__`` (a
    transform, a pipeline of them) that the checked file built or had a factory build."""
    return interp.home_positions is not None and any(
        isinstance(v, Obj) and v.cls is not None and v.cls.lookup("__call__")[0] is not None
        and _made_for_home(interp, v) for v in values)


def _callers_param(interp, t):
    """``t`` is a parameter or buffer of a module the checked file built (or of a copy of one,
    as an EMA helper makes with ``copy.deepcopy(model)``), reached through what this call works
    on: the values passed, the instance, and the instances of the methods running now.
    The callee's own check sees an unknown model there; the write is the caller's hazard."""
    # (or a leaf tensor that requires grad, held by an object the checked file built: an
    # adversarial patch's pixels, optimised as a model's parameters are)
    leaf = t.kind not in ("param", "buffer") and t.rg is True and t.leaf is True
    if t.kind not in ("param", "buffer") and not leaf or interp.home_positions is None:
        return False
    # a group: any of its members (a copy of a group keeps only its storage's members)
    mine = _group_storages(t)
    roots = list(interp.anchor.values) + [interp.anchor.bound] + [f.bound for f in interp.funcs]
    seen: set = set()
    todo = [(r, 0, False) for r in roots if isinstance(r, Obj)]
    while todo:
        obj, depth, held = todo.pop()
        if obj.mid in seen:
            continue
        seen.add(obj.mid)
        home = held or obj.ctor_stmt is not None and interp.home_positions.knows(obj.ctor_stmt)
        # (a module counts when the checked file built it, or built the object that holds it: an
        # agent whose constructor made its online and target networks from the caller's config)
        if obj.is_module and home:
            if any(id(p.storage) in mine for m in obj.submodules() for p in _own_tensors(m)):
                return True
        if leaf and home and any(isinstance(v, Tensor) and id(v.storage) in mine for v in obj.attrs.values()):
            return True
        if home and isinstance(obj.params, Tensor) and mine & _group_storages(obj.params):
            return True  # an optimizer the checked file built over its model's parameters
        if depth < 2:
            todo.extend((v, depth + 1, home and not obj.is_module)
                        for v in list(obj.attrs.values()) + list(obj.items or ()) if isinstance(v, Obj))
    # handed over without the module: ``MomentumSGD(model.param_groups())`` holds only the
    # parameters, in dicts, of a model the checked file built
    return _holds_one_of(interp.home_modules[:MAX_HOME_MODULES], mine)


def _factory_param(interp, tensors):
    """One of ``tensors`` is a parameter of a model a project factory built for the checked file."""
    mine = {id(x.storage) for x in tensors} | {id(m.storage) for x in tensors for m in x.members or ()}
    return _holds_one_of([obj for obj in interp.built_for_home.values() if obj.is_module][:MAX_HOME_MODULES], mine)


def _holds_one_of(modules, storages):
    """Whether a parameter or buffer of ``modules`` (or of their submodules) has one of ``storages``."""
    return any(id(p.storage) in storages for obj in modules for m in obj.submodules() for p in _own_tensors(m))


def _own_tensors(m):
    """A module's parameters and buffers."""
    return [v for v in m.attrs.values() if isinstance(v, Tensor) and v.kind in ("param", "buffer")]


MAX_HOME_MODULES = 64


def note_module(interp, obj):
    """``obj`` was just built: remember it when the checked file's own code built it."""
    if interp.env is None and interp.project is not None and obj.is_module \
            and len(interp.home_modules) < MAX_HOME_MODULES:
        interp.home_modules.append(obj)
    elif interp.project is not None and interp.anchor is not None and (obj.cls is not None or obj.is_module) \
            and len(interp.built_for_home) < 4 * MAX_HOME_MODULES:
        # a factory of another module building it for the checked file (``metric_callback("f1")``,
        # ``build_detector(CFG)``, ``build_discriminator(cfg)`` returning an nn.Sequential)
        interp.built_for_home[obj.mid] = obj


def caller_expr(interp, t):
    """The expression the checked file passed for tensor ``t`` (``h`` in ``normalize_(h)``)."""
    ids = {id(t.storage)}
    if t.base is not None:
        ids.add(id(t.root().storage))
    for v, expr in interp.anchor.args:
        if isinstance(v, Tensor) and (id(v.storage) in ids or (v.base is not None and id(v.root().storage) in ids)):
            if t.view == "multi" and v.view != "multi":
                continue  # a piece of it that ``unbind`` or ``split`` made in there: not what it shows
            return expr
    return None


def only_uncertain_elsewhere(interp, live, alias_certain):
    """Every live save was made in another module's code and the hazard is only
    possible: not worth a warning (a chain of "may"s through other files)."""
    if not live or not interp.foreign_saves:
        return False
    fs = interp.foreign_saves
    for s in live:
        got = fs.get(id(s))
        if got is None or got[0] is not s:
            return False  # saved in this file: judged as before
    return not (alias_certain and any(s.certain for s in live))


def note_saves(interp, saves):
    """The saves one op just made (its tensor's, and those of the members of a join it
    saved): made in another module's code when one runs now."""
    for s in saves:
        interp.n_saves += 1
        if interp.env is not None:
            interp.foreign_saves[id(s)] = (s, interp.env, interp.n_saves)


def _group_storages(t):
    """The ids of the storages a tensor or a group of them (an optimizer's parameters) holds."""
    return {id(t.storage)} | {id(m.storage) for m in t.members or ()} | {id(s) for s in t.storage.members}
