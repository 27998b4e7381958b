"""Subprocess side of ``inplace_lint.runtime.replay``: the entry point.

Started by :mod:`.launcher` (``python -c "...worker.run()" ROOT``), never
imported by the linter itself.  It reads one JSON request on stdin::

    {"path": ..., "findings": [{"id", "code", "line", "column", "related"}],
     "timeout": s, "started": unix time, "memory_mb": n, "fsize_mb": n}

and writes one JSON object per finding (``{"id", "verdict", "reason", ...}``)
to the stdout it was started with, one per line, as soon as each is decided.
The user's own prints go to /dev/null.

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
import json
import os
import signal
import sys

from . import common
from .attempts import package_of
from .common import State, emit, first_line
from .sandbox import _on_alarm, sandbox_begin, sandbox_memory

# the directory that holds the inplace_lint package (taken off sys.path before user code runs)
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def main():
    raw = sys.stdin.buffer.read()
    req = json.loads(raw.decode("utf-8"))
    sandbox_begin(req)
    common.PATH = os.path.abspath(req["path"])
    common.STATE = State()
    try:
        with open(common.PATH, "rb") as fh:
            src = fh.read().decode("utf-8-sig")
        ast.parse(src, common.PATH)
    except (OSError, SyntaxError, ValueError) as e:
        for d in req["findings"]:
            emit({"id": d["id"], "verdict": "undecided", "reason": "cannot read the file: %s" % first_line(e)})
        return
    sys.path[:] = [p for p in sys.path if p and os.path.abspath(p) != ROOT]
    pkg, root = package_of(common.PATH)
    sys.path.insert(0, os.path.dirname(common.PATH))
    if pkg:
        sys.path.insert(1, root)
    sys.argv = [common.PATH]
    try:
        import warnings
        warnings.simplefilter("ignore")
        import torch
        torch.set_num_threads(1)
    except BaseException as e:  # noqa: BLE001
        for d in req["findings"]:
            emit({"id": d["id"], "verdict": "undecided",
                  "reason": "dependency missing: cannot import torch (%s)" % first_line(e)})
        return
    from .trace import Patches
    from .driver import Driver, install_lazy_dynamo
    signal.signal(signal.SIGALRM, _on_alarm)
    Patches()
    try:
        install_lazy_dynamo()
    except Exception:  # noqa: BLE001
        pass
    sandbox_memory(req.get("memory_mb", 2048))
    drv = Driver(req, src)
    try:
        drv.main()
    except BaseException as e:  # noqa: BLE001 - report, never crash silently
        for f in drv.findings:
            if not f.emitted:
                if f.verdict is None:
                    f.note(4, "replay failed: %s: %s" % (type(e).__name__, first_line(e, 160)))
                drv.finish(f)
        if not drv.findings:
            for d in req["findings"]:
                emit({"id": d["id"], "verdict": "undecided",
                      "reason": "replay failed: %s: %s" % (type(e).__name__, first_line(e, 160))})


def run():
    main()
    sys.stdout.flush()
    os._exit(0)
