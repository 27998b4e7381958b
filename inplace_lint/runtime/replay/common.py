"""What every part of the replay worker shares: the file being replayed, the
run state, the torch error messages, the result channel, small helpers."""
import json
import os
import sys
import time

RESULT_FD = None
HARNESS_FILE = "<ipl-replay-harness>"
DATA_ASSIGN_LINES = set()
PATH = None
STATE = None
ARGV = []  # sys.argv for the file's entry points (synthesised when it reads the command line)
# in the module host and its runs: (env, module, top-level notes, stub used) of the loaded module
PREBUILT = None
MAP_CUDA = False  # no GPU here and the file mentions cuda: run its cuda tensors on the CPU

VC_MSG = "one of the variables needed for gradient computation has been modified by an inplace operation"
LEAF_MSG = "a leaf Variable that requires grad is being used in an in-place operation"
VIEW_MSGS = (
    "a view of a leaf Variable that requires grad",
    "is a view and is being modified inplace",
    "is a view and its base or another view of its base has been modified inplace",
    "A view was created in no_grad mode",
    "A view was created in inference mode",
)
OUT_MSG = "arguments don't support automatic differentiation"
MEM_MSGS = ("can't allocate memory", "not enough memory", "DefaultCPUAllocator", "Cannot allocate memory",
            "out of memory")

EXPECT = {"IPL001": "VC", "IPL002": "LEAF", "IPL003": "VIEW", "IPL004": "SILENT", "IPL005": "HOOK",
          "IPL006": "OUT"}
RAISE_AT_OP = {"LEAF", "VIEW", "OUT"}
KIND_TEXT = {
    "VC": "version-counter error at backward",
    "LEAF": "in-place on a leaf that requires grad",
    "VIEW": "forbidden in-place on a view",
    "OUT": "out= on inputs that require grad",
    "SILENT": "write to a saved tensor that bypasses the version counter (silently wrong gradients)",
    "HOOK": "saved tensor mutated under saved_tensors_hooks (silently wrong gradients)",
    "SWAP": "data of a saved tensor replaced through .data (silently wrong gradients)",
}


class ReplayTimeout(BaseException):
    """Raised by the alarm when an attempt runs past its time slice."""


class BuildFailed(Exception):
    """Inputs or ``self`` could not be built."""


def emit(obj):
    data = (json.dumps(obj) + "\n").encode("utf-8", "replace")
    while data:
        n = os.write(RESULT_FD, data)
        data = data[n:]


def debug(msg):
    if os.environ.get("IPL_REPLAY_DEBUG"):
        sys.stderr.write("[replay %.2f] %s\n" % (time.time(), msg))
        sys.stderr.flush()


def first_line(s, limit=300):
    s = str(s).strip().splitlines()[0] if str(s).strip() else ""
    return s[:limit]


class State:
    def __init__(self):
        self.stubbed = set()
        self.reset()

    def reset(self):
        self.stub_used = False
        self.bw_started = 0
        self.bw_done = []
        self.seq = 0
        self.tracing = False
        self.saved = []
        self.writes = {}  # storage ptr -> [(seq, lines)]
        self.user_packed = {}
        self.line_seqs = {}
        self.graph_writes = []  # (seq, lines, ptrs, any tensor argument requires grad)
        self.grad_ptrs = set()  # storage of tensors that require grad
        self.modified = []  # how this run departs from the real program (skipped statements, ...)
