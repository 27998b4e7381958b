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
    is not the real program (no refutation from it)."""
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


class EntryAttempt(Attempt):
    def __init__(self, index, name):
        super().__init__(index)
        self.name = name
        self.label = "%s()" % name

    def execute(self):
        env = build_env(self.index)
        fn = env.get(self.name)
        if not callable(fn):
            raise BuildFailed("%s is not defined after loading the module" % self.name)
        fn()


class MainAttempt(Attempt):
    label = "the __main__ block"

    def execute(self):
        env = build_env(self.index, as_main=True)
        env["__name__"] = "__main__"
        saved_argv = sys.argv
        sys.argv = [common.PATH]
        try:
            exec(self.index.compile(list(self.index.main_block.body)), env)
        finally:
            sys.argv = saved_argv


class ModuleAttempt(Attempt):
    label = "the module"

    def execute(self):
        saved_argv = sys.argv
        sys.argv = [common.PATH]
        try:
            build_env(self.index, full=True, as_main=True)
        finally:
            sys.argv = saved_argv
