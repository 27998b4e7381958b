"""Subprocess side of ``inplace_lint.runtime.replay``: the entry point.

Started by :mod:`.launcher` (``python -c "...worker.run()" ROOT``), never
imported by the linter itself.  One worker serves many files (torch and the
files' installed packages are imported once).  Protocol, one JSON object a line:

* linter -> worker, first: ``{"tmp", "memory_mb", "fsize_mb", "unsandboxed"}``;
  worker -> linter: ``{"ready": protections}``, or ``{"fatal": "sandbox"|"torch",
  "reason"}`` and exit;
* then per file, linter -> worker: ``{"path", "findings": [{"id", "code", "line",
  "column", "related"}], "timeout"}``; worker -> linter: ``{"started": s}`` once the
  file's installed packages are imported and its module loaded (the time budget starts then), one
  ``{"id", "verdict", "reason", ...}`` per finding as soon as it is decided, and
  ``{"done": path}``.

The user's code runs only in the run children (see ``sandbox``), whose stdout is
/dev/null and which never hold the request or result pipe.

Only the standard library and torch are used by this package's worker modules:
they must not depend on the rest of the linter (the user's code runs with the
user's ``sys.path``; the linter's root is taken off it once these modules are
loaded).  Modules that need torch (``trace``, ``run``, ``synth``, ``verdict``,
``driver``) are imported only after torch is.

How a finding is judged
-----------------------
Attempts, cheapest and most faithful first, until every finding is decided:

1. the file's own zero-argument entry points (``run()``, ``main()``, the
   ``if __name__ == "__main__":`` block, ...) from which the flagged code is
   reachable by name; a finding at module level runs the whole module;
2. a synthesised call of the enclosing function (``self`` built from the
   real ``__init__`` with guessed arguments, inputs synthesised as tensors that
   require grad, shapes taken from the module's own layers), followed by a
   backward through the return value and every grad-requiring local; when a
   statement before the flagged one fails and is not needed, the function is
   sliced (the statement dropped, line numbers kept) and called again.

Every attempt first runs plainly (only a line tracer and a backward counter
are installed, so torch behaves exactly as in the user's program).  When the
plain run ends with a version-counter error, or a silent hazard must be shown
(IPL004/IPL005), the same attempt runs again in *trace mode*: a
TorchDispatchMode records every op that writes a tensor (with the user-file
lines on the stack) and saved-tensor hooks record every tensor saved for
backward; a write to a saved tensor's storage between its pack and its unpack
names the culprit line (the same test autograd makes, extended to writes that
bypass the version counter such as ``.data``).
"""
import ast
import importlib
import importlib.util
import json
import os
import signal
import sys
import time

from . import common, sandbox
from .attempts import package_of, synth_argv
from .common import State, emit, first_line
from .sandbox import PROTECTIONS, _on_alarm

LOAD_S = 60.0  # at least this long to load a file's module (not part of its budget)

# the directory that holds the inplace_lint package (taken off sys.path before user code runs)
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def _read_hello():
    """The first line of stdin, read byte by byte: nothing after it is consumed."""
    raw = b""
    while not raw.endswith(b"\n"):
        c = os.read(0, 1)
        if not c:
            break
        raw += c
    try:
        hello = json.loads(raw.decode("utf-8"))
    except ValueError:
        return None
    return hello if isinstance(hello, dict) and "tmp" in hello else None


def run():
    hello = _read_hello()
    if hello is None:
        os._exit(2)
    disabled = set(hello.get("disable") or ())
    sandbox.enter_namespaces(disabled)  # the supervisor never returns from this
    try:
        main(hello, disabled)
    finally:
        sys.stdout.flush()
        os._exit(0)


def main(hello, disabled):
    req_fd, res_fd = sandbox.private_stdio()
    common.RESULT_FD = res_fd
    requests = os.fdopen(req_fd, "rb")
    tmp = hello["tmp"]
    sandbox.RUN_CONFIG.update(tmp=tmp, memory_mb=int(hello.get("memory_mb", 2048)))
    sandbox.basic_limits(hello.get("fsize_mb", 64))
    if "seccomp" not in disabled:
        sandbox.install_seccomp()
    if "landlock" not in disabled:
        PROTECTIONS.landlock_abi = sandbox.install_landlock(tmp)
    missing = PROTECTIONS.requirements_missing()
    if missing and not hello.get("unsandboxed"):
        emit({"fatal": "sandbox", "reason": "; ".join(missing), "protections": PROTECTIONS.as_dict()})
        return
    sys.path[:] = [p for p in sys.path if p and os.path.abspath(p) != ROOT]
    base_path = list(sys.path)
    try:
        import warnings
        warnings.simplefilter("ignore")
        import torch
        torch.set_num_threads(1)
    except BaseException as e:  # noqa: BLE001
        emit({"fatal": "torch", "reason": "cannot import torch: %s: %s" % (type(e).__name__, first_line(e))})
        return
    from .trace import Patches
    from .driver import install_lazy_dynamo
    signal.signal(signal.SIGALRM, _on_alarm)
    Patches()
    try:
        install_lazy_dynamo()
    except Exception:  # noqa: BLE001
        pass
    emit({"ready": PROTECTIONS.as_dict()})
    for raw in requests:
        try:
            req = json.loads(raw.decode("utf-8"))
        except ValueError:
            continue
        replay_file(req, base_path)
        emit({"done": req.get("path")})


def _cuda_available():
    import torch
    try:
        return bool(torch.cuda.is_available())
    except Exception:  # noqa: BLE001
        return False


def preimport(tree, path, roots):
    """Import the file's installed packages (not its own modules) here, once:
    every run child of this worker then starts with them loaded."""
    names = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
    for name in names:
        top = name.split(".")[0]
        if top in sys.modules:
            continue
        try:
            spec = importlib.util.find_spec(top)
        except (ImportError, ValueError):
            continue
        origin = getattr(spec, "origin", None) or ""
        locs = list(getattr(spec, "submodule_search_locations", None) or ()) + [origin]
        if not origin or any(os.path.abspath(loc).startswith(r + os.sep) for loc in locs for r in roots):
            continue  # the project's own code: user code, run only in the run children
        try:
            importlib.import_module(name)
        except BaseException:  # noqa: BLE001 - the run children will meet the same error
            continue


def replay_file(req, base_path):
    from .driver import Driver
    path = common.PATH = os.path.abspath(req["path"])
    common.STATE = State()
    try:
        with open(path, "rb") as fh:
            src = fh.read().decode("utf-8-sig")
        tree = ast.parse(src, path)
    except (OSError, SyntaxError, ValueError) as e:
        for d in req["findings"]:
            emit({"id": d["id"], "verdict": "undecided", "reason": "cannot read the file: %s" % first_line(e)})
        return
    here = os.path.dirname(path)
    pkg, root = package_of(path)
    sys.path[:] = [here] + ([root] if pkg else []) + base_path
    common.ARGV = [path] + synth_argv(tree)
    sys.argv = list(common.ARGV)
    common.MAP_CUDA = "cuda" in src and not _cuda_available()
    try:
        os.chdir(here)  # read-only (Landlock): data files next to the script are found, writes go to $TMPDIR
    except OSError:
        pass
    t0 = time.time()
    preimport(tree, path, [here] + ([root] if pkg else []))
    drv = Driver(req, src)
    # the project's own imports and the module's top level load in the module host, also before the budget
    drv.load_module(max(LOAD_S, 3 * float(req["timeout"])))
    req["import_s"] = time.time() - t0
    emit({"started": req["import_s"]})
    drv.start_clock()
    try:
        drv.main()
        drv.close()
    except BaseException as e:  # noqa: BLE001 - report, never crash silently
        drv.close()
        for f in drv.findings:
            if not f.emitted:
                if f.verdict is None:
                    f.note(4, "replay failed: %s: %s" % (type(e).__name__, first_line(e, 160)))
                drv.finish(f)
        if not drv.findings:
            for d in req["findings"]:
                emit({"id": d["id"], "verdict": "undecided",
                      "reason": "replay failed: %s: %s" % (type(e).__name__, first_line(e, 160))})
