"""Loading the file as a module, and the attempts that run the file's own code
(an entry point, the ``__main__`` block, the whole module)."""
import ast
import builtins
import os
import re
import sys
import types

from . import common
from .common import BuildFailed, ReplayTimeout
from .stubs import _new_stub, install_stub
from .source import is_main_guard

MODNAME = "__ipl_replay_target__"
SKIP_TOP = (ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Expr, ast.Delete, ast.Raise,
            ast.Assert, ast.Global, ast.Nonlocal, ast.Pass, ast.Break, ast.Continue, ast.Return)


def package_of(path):
    d = os.path.dirname(path)
    parts = []
    while os.path.exists(os.path.join(d, "__init__.py")):
        parts.append(os.path.basename(d))
        nd = os.path.dirname(d)
        if nd == d:
            break
        d = nd
    return ".".join(reversed(parts)), d


def exec_import(index, stmt, env):
    code = index.compile(stmt)
    for _ in range(12):
        try:
            exec(code, env)
            return
        except ModuleNotFoundError as e:
            name = e.name
            if not name or (name in sys.modules and not getattr(sys.modules[name], "__ipl_stub__", False)):
                break
            if name in sys.modules:  # a stub already: give up on this statement
                break
            install_stub(name)
        except ImportError:
            break
        except Exception:  # noqa: BLE001 - the imported module itself failed
            break
    # bind what could not be imported to stubs, name by name
    if isinstance(stmt, ast.Import):
        for a in stmt.names:
            try:
                exec(index.compile(ast.Import(names=[a])), env)
            except Exception:  # noqa: BLE001
                install_stub(a.name)
                bound = a.asname or a.name.split(".")[0]
                env[bound] = sys.modules[a.asname and a.name or a.name.split(".")[0]]
    elif isinstance(stmt, ast.ImportFrom):
        for a in stmt.names:
            if a.name == "*":
                continue
            one = ast.ImportFrom(module=stmt.module, names=[a], level=stmt.level)
            ast.copy_location(one, stmt)
            try:
                exec(index.compile(one), env)
            except Exception:  # noqa: BLE001
                env[a.asname or a.name] = _new_stub((stmt.module or "") + "." + a.name)


def new_env(index, as_main=False):
    mod = types.ModuleType("__main__" if as_main else MODNAME)
    mod.__file__ = common.PATH
    pkg, _ = package_of(common.PATH)
    mod.__package__ = pkg or None
    mod.__builtins__ = builtins
    sys.modules[MODNAME] = mod
    return mod.__dict__


HARMLESS_CALLS = re.compile(r"^(print|pprint|display|logging\.\w+|logger\.\w+|log\.\w+|warnings\.\w+|plt\.\w+|"
                            r"torch\.manual_seed|random\.seed|np\.random\.seed|numpy\.random\.seed|"
                            r"torch\.set_printoptions|np\.set_printoptions)$")


def harmless(stmt):
    """A statement whose absence cannot change any tensor of the program."""
    if isinstance(stmt, (ast.Pass, ast.Global, ast.Nonlocal, ast.Assert)):
        return True
    if isinstance(stmt, ast.Expr):
        v = stmt.value
        if isinstance(v, ast.Constant):
            return True
        if isinstance(v, ast.Call):
            try:
                return bool(HARMLESS_CALLS.match(ast.unparse(v.func)))
            except Exception:  # noqa: BLE001
                return False
    return False


def build_env(index, full=False, as_main=False, tree=None):
    """Execute the module's imports, defs, classes and constants (statement by
    statement; failures are skipped).  full=True runs every statement, in order,
    stopping at the first failure (the module is what is being replayed).
    Top-level statements that are skipped or fail are recorded in
    ``common.STATE.modified``: importing the module would have run them, so the replay
    is not the real program (no refutation from it).

    In a run forked from the module host, the module it loaded is used (a
    fresh copy: the fork's), with the notes of its loading."""
    if common.PREBUILT is not None and not full and tree is None:
        env, mod, notes, stub_used = common.PREBUILT
        if mod is not None:
            sys.modules[MODNAME] = mod
        common.STATE.modified.extend(notes)
        common.STATE.stub_used = common.STATE.stub_used or stub_used
        return env
    env = new_env(index, as_main)
    for stmt in (tree or index.tree).body:
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            exec_import(index, stmt, env)
            continue
        if full:
            exec(index.compile(stmt), env)
            continue
        if is_main_guard(stmt):
            continue
        if isinstance(stmt, SKIP_TOP):
            if not harmless(stmt):
                common.STATE.modified.append("top-level line %d skipped" % stmt.lineno)
            continue
        try:
            exec(index.compile(stmt), env)
        except (ReplayTimeout, MemoryError):
            raise
        except BaseException as e:  # noqa: BLE001
            common.STATE.modified.append("top-level line %d failed (%s)" % (stmt.lineno, type(e).__name__))
    return env


# --------------------------------------------------------------------------
# attempts
# --------------------------------------------------------------------------

class Attempt:
    capture = None
    label = ""

    def __init__(self, index):
        self.index = index
        self.tracer = None

    def execute(self):
        raise NotImplementedError

    def cleanup(self):
        sys.modules.pop(MODNAME, None)


def _const(node):
    return node.value if isinstance(node, ast.Constant) else None


def _argv_value(name, kw):
    """A value for a required command-line argument: its first choice, its
    default, one of its type, else "1"."""
    choices = kw.get("choices")
    if isinstance(choices, (ast.List, ast.Tuple)) and choices.elts and _const(choices.elts[0]) is not None:
        return str(_const(choices.elts[0]))
    if _const(kw.get("default")) is not None:
        return str(_const(kw["default"]))
    typ = kw.get("type")
    if isinstance(typ, ast.Name) and typ.id == "float":
        return "0.1"
    if isinstance(typ, ast.Name) and typ.id == "int":
        return "2"
    return "1"


def synth_argv(tree):
    """Arguments for a script that reads the command line: argparse's required
    positionals and required options get a guessed value (first choice, default,
    by type); without argparse, ``sys.argv[N]`` gets N values (2 inside int(),
    0.1 inside float(), else "1")."""
    pos, opts = [], []
    argv_idx = {}
    parents = {}
    for n in ast.walk(tree):
        for c in ast.iter_child_nodes(n):
            parents[c] = n
    for n in ast.walk(tree):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "add_argument" \
                and n.args and isinstance(_const(n.args[0]), str):
            name = _const(n.args[0])
            kw = {k.arg: k.value for k in n.keywords if k.arg}
            positional = not name.startswith("-")
            if positional and _const(kw.get("nargs")) in ("?", "*"):
                continue
            if not positional and _const(kw.get("required")) is not True:
                continue
            if _const(kw.get("action")) in ("store_true", "store_false", "count"):
                opts.append(name)
                continue
            val = _argv_value(name, kw)
            if positional:
                pos.append(val)
            else:
                opts += [name, val]
        elif isinstance(n, ast.Subscript) and isinstance(n.value, ast.Attribute) and n.value.attr == "argv" \
                and isinstance(n.value.value, ast.Name) and n.value.value.id == "sys" \
                and isinstance(_const(n.slice), int) and _const(n.slice) > 0:
            up = parents.get(n)
            conv = up.func.id if isinstance(up, ast.Call) and isinstance(up.func, ast.Name) else ""
            argv_idx[_const(n.slice)] = {"int": "2", "float": "0.1"}.get(conv, "1")
    if pos or opts:
        return pos + opts
    if argv_idx:
        return [argv_idx.get(i, "1") for i in range(1, max(argv_idx) + 1)]
    return []


def _with_argv(label):
    extra = common.ARGV[1:]
    return label + (" (argv: %s)" % " ".join(extra) if extra else "")


class EntryAttempt(Attempt):
    def __init__(self, index, name):
        super().__init__(index)
        self.name = name
        self.label = _with_argv("%s()" % name)

    def execute(self):
        env = build_env(self.index)
        fn = env.get(self.name)
        if not callable(fn):
            raise BuildFailed("%s is not defined after loading the module" % self.name)
        fn()


class MainAttempt(Attempt):
    def __init__(self, index):
        super().__init__(index)
        self.label = _with_argv("the __main__ block")

    def execute(self):
        env = build_env(self.index, as_main=True)
        env["__name__"] = "__main__"
        saved_argv = sys.argv
        sys.argv = list(common.ARGV)
        try:
            exec(self.index.compile(list(self.index.main_block.body)), env)
        finally:
            sys.argv = saved_argv


class ModuleAttempt(Attempt):
    def __init__(self, index):
        super().__init__(index)
        self.label = _with_argv("the module")

    def execute(self):
        saved_argv = sys.argv
        sys.argv = list(common.ARGV)
        try:
            build_env(self.index, full=True, as_main=True)
        finally:
            sys.argv = saved_argv
