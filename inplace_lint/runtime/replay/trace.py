"""Watching a run: the line tracer, backward counting, and trace mode (every
op that writes a tensor, every tensor saved for backward)."""
import sys

import torch

from . import common


def ptr_of(t):
    try:
        p = t.untyped_storage().data_ptr()
        return p or None
    except Exception:  # noqa: BLE001
        return None


def _module_line(frame):
    co = frame.f_code
    if co.co_name in ("_call_impl", "forward", "_wrapped_call_impl") and "torch" in co.co_filename:
        try:
            m = frame.f_locals.get("self")
        except Exception:  # noqa: BLE001
            return None
        return getattr(m, "_ipl_line", None) if m is not None else None
    return None


def stack_lines(frame):
    """User-file lines on the stack, innermost first, plus the creation lines of
    the nn.Modules whose forward is running."""
    out = []
    while frame is not None:
        if frame.f_code.co_filename == common.PATH:
            out.append(frame.f_lineno)
        else:
            ml = _module_line(frame)
            if ml is not None:
                out.append(ml)
        frame = frame.f_back
    return out


class Tracer:
    def __init__(self, capture=None):
        self.lines_first = {}
        self.capture = capture  # (name, first line, def line) of the frame whose locals we keep
        self.captured = None

    def global_trace(self, frame, event, arg):
        if frame.f_code.co_filename == common.PATH:
            return self.local
        return None

    def local(self, frame, event, arg):
        if event == "line":
            ln = frame.f_lineno
            if ln not in self.lines_first:
                self.lines_first[ln] = common.STATE.bw_started
            if common.STATE.tracing:
                lst = common.STATE.line_seqs.setdefault(ln, [])
                if len(lst) < 5000:
                    lst.append(common.STATE.seq)
        elif event == "return" and self.capture is not None:
            co = frame.f_code
            name, lo, hi = self.capture
            if co.co_name == name and lo <= co.co_firstlineno <= hi:
                try:
                    self.captured = dict(frame.f_locals)
                except Exception:  # noqa: BLE001
                    pass
        return self.local


class Patches:
    """Installed once: module creation lines, backward counting."""

    def __init__(self):
        nn = torch.nn
        orig_init = nn.Module.__init__

        def module_init(self, *a, **k):
            orig_init(self, *a, **k)
            try:
                f = sys._getframe(1)
                while f is not None and f.f_code.co_filename != common.PATH:
                    f = f.f_back
                if f is not None:
                    object.__setattr__(self, "_ipl_line", f.f_lineno)
            except Exception:  # noqa: BLE001
                pass

        module_init.__wrapped__ = orig_init
        nn.Module.__init__ = module_init

        orig_backward = torch.autograd.backward
        orig_grad = torch.autograd.grad

        def backward(*a, **k):
            idx = common.STATE.bw_started
            common.STATE.bw_started += 1
            r = orig_backward(*a, **k)
            common.STATE.bw_done.append(idx)
            return r

        def grad(*a, **k):
            idx = common.STATE.bw_started
            common.STATE.bw_started += 1
            r = orig_grad(*a, **k)
            common.STATE.bw_done.append(idx)
            return r

        backward.__wrapped__ = orig_backward
        grad.__wrapped__ = orig_grad
        torch.autograd.backward = backward
        torch.autograd.grad = grad
        self.orig_backward = orig_backward


class SavedRec:
    __slots__ = ("t", "ver", "ptr", "seq", "lines", "user", "shares", "unpacks", "packed")

    def __init__(self, t, seq, lines, user=False, shares=True):
        self.t = t
        self.ver = t._version
        self.ptr = ptr_of(t)
        self.seq = seq
        self.lines = lines
        self.user = user
        self.shares = shares
        self.unpacks = []
        self.packed = None


def _any_requires_grad(args, kwargs):
    try:
        for v in list(args) + list(kwargs.values()):
            for t in (v if isinstance(v, (list, tuple)) else (v,)):
                if isinstance(t, torch.Tensor) and t.requires_grad:
                    return True
    except Exception:  # noqa: BLE001
        pass
    return False


def _note_grad_ptrs(args, kwargs):
    """Storage of every tensor that requires grad and goes through an op (trace runs)."""
    if len(common.STATE.grad_ptrs) > 200000:
        return
    try:
        for v in list(args) + list(kwargs.values()):
            for t in (v if isinstance(v, (list, tuple)) else (v,)):
                if isinstance(t, torch.Tensor) and t.requires_grad:
                    p = ptr_of(t)
                    if p:
                        common.STATE.grad_ptrs.add(p)
    except Exception:  # noqa: BLE001
        pass


def in_graph(trace, L):
    """Did the flagged lines write a tensor that autograd tracks, in the trace run:
    a tensor that requires grad, the storage of one (``p.data``), or storage that
    autograd saved for a backward that then read it?  None when the lines wrote no
    tensor at all."""
    hits = [(seq, ptrs, rg) for seq, lines, ptrs, rg in trace.graph_writes if L & set(lines)]
    if not hits:
        return None
    if any(rg for _, _, rg in hits):
        return True
    written = {p for _, ptrs, _ in hits for p in ptrs}
    if written & trace.grad_ptrs:
        return True
    return any(sptr in written and unpacked for sptr, _, unpacked in trace.saved_ptrs)


def _tensor_ptrs(v, out):
    if isinstance(v, torch.Tensor):
        p = ptr_of(v)
        if p:
            out.append(p)
    elif isinstance(v, (list, tuple)):
        for x in v:
            _tensor_ptrs(x, out)
    return out


class TraceMode:
    """Dispatch recorder + saved-tensor hooks (see the module docstring)."""

    def __init__(self):
        from torch.utils._python_dispatch import TorchDispatchMode
        graph = torch.autograd.graph
        self.graph = graph
        self.orig_hooks_init = graph.saved_tensors_hooks.__init__

        class Recorder(TorchDispatchMode):
            def __torch_dispatch__(self, func, types_, args=(), kwargs=None):
                kwargs = kwargs or {}
                written = []
                try:
                    for i, a in enumerate(func._schema.arguments):
                        ai = a.alias_info
                        if ai is None or not ai.is_write:
                            continue
                        v = kwargs.get(a.name) if (a.kwarg_only or i >= len(args)) else args[i]
                        _tensor_ptrs(v, written)
                except Exception:  # noqa: BLE001
                    written = []
                _note_grad_ptrs(args, kwargs)
                if written:
                    common.STATE.seq += 1
                    lines = stack_lines(sys._getframe(1))
                    for p in written:
                        common.STATE.writes.setdefault(p, []).append((common.STATE.seq, lines))
                    if len(common.STATE.graph_writes) < 20000:
                        rg = _any_requires_grad(args, kwargs)
                        common.STATE.graph_writes.append((common.STATE.seq, lines, written, rg))
                return func(*args, **kwargs)

        self.Recorder = Recorder

    def pack(self, t):
        common.STATE.seq += 1
        rec = SavedRec(t, common.STATE.seq, stack_lines(sys._getframe(1)))
        common.STATE.saved.append(rec)
        return rec

    def unpack(self, rec):
        common.STATE.seq += 1
        rec.unpacks.append((common.STATE.seq, rec.t._version, ptr_of(rec.t)))
        return rec.t

    def __enter__(self):
        common.STATE.tracing = True
        orig = self.orig_hooks_init

        def hooks_init(hself, pack_hook, unpack_hook):
            def p(t):
                common.STATE.seq += 1
                seq = common.STATE.seq
                packed = pack_hook(t)
                tp = ptr_of(t)
                shares = packed is t or (tp is not None and tp in _tensor_ptrs(packed, []))
                rec = SavedRec(t, seq, stack_lines(sys._getframe(1)), user=True, shares=shares)
                rec.packed = packed
                common.STATE.saved.append(rec)
                common.STATE.user_packed[id(packed)] = rec
                return packed

            def u(packed):
                rec = common.STATE.user_packed.get(id(packed))
                if rec is not None:
                    common.STATE.seq += 1
                    rec.unpacks.append((common.STATE.seq, rec.t._version, ptr_of(rec.t)))
                return unpack_hook(packed)

            orig(hself, p, u)

        self.ours = self.graph.saved_tensors_hooks(self.pack, self.unpack)
        self.graph.saved_tensors_hooks.__init__ = hooks_init
        self.ours.__enter__()
        self.rec = self.Recorder()
        self.rec.__enter__()
        return self

    def __exit__(self, *exc):
        try:
            self.rec.__exit__(None, None, None)
        finally:
            try:
                self.ours.__exit__(None, None, None)
            finally:
                self.graph.saved_tensors_hooks.__init__ = self.orig_hooks_init
                common.STATE.tracing = False
        return False


def culprits():
    """Hazard events found by trace mode: (kind, write lines (all frames), mutation line, save line)."""
    events = []
    for rec in common.STATE.saved:
        if rec.ptr is None or not rec.unpacks:
            continue
        writes = common.STATE.writes.get(rec.ptr, ())
        for useq, uver, uptr in rec.unpacks:
            ws = [(s, lines) for s, lines in writes if rec.seq < s < useq]
            save_line = rec.lines[0] if rec.lines else None
            if rec.user:
                if rec.shares and ws:
                    for _, lines in ws:
                        events.append(("HOOK", set(lines), lines[0] if lines else None, save_line))
                continue
            if uptr is not None and uptr != rec.ptr:
                lines = set()
                for ln, seqs in common.STATE.line_seqs.items():
                    if ln in common.DATA_ASSIGN_LINES and any(rec.seq < s <= useq for s in seqs):
                        lines.add(ln)
                events.append(("SWAP", lines, min(lines) if lines else None, save_line))
                continue
            kind = "VC" if uver != rec.ver else "SILENT"
            for _, lines in ws:
                events.append((kind, set(lines), lines[0] if lines else None, save_line))
            break  # one unpack with the same writes says it all
    return events


def _cpu_device(v):
    if isinstance(v, str) and v.split(":")[0] == "cuda":
        return "cpu"
    if isinstance(v, torch.device) and v.type == "cuda":
        return torch.device("cpu")
    return v


class CudaOnCpu:
    """Runs code written for a GPU on the CPU: ``.cuda()`` returns the tensor,
    ``device="cuda"`` and ``.to("cuda")`` become the CPU, and the torch.cuda calls
    that would fail without a GPU (synchronize, empty_cache, ...) do nothing.
    Autograd behaves the same on both devices for what replay judges."""

    _mode_cls = None

    def __init__(self):
        if CudaOnCpu._mode_cls is None:
            from torch.overrides import TorchFunctionMode

            class Mode(TorchFunctionMode):
                def __torch_function__(self, func, types_, args=(), kwargs=None):
                    kwargs = dict(kwargs or {})
                    if func is torch.Tensor.cuda:
                        return args[0]
                    if "device" in kwargs:
                        kwargs["device"] = _cpu_device(kwargs["device"])
                    if func is torch.Tensor.to:
                        args = tuple(_cpu_device(a) for a in args)
                    return func(*args, **kwargs)

            CudaOnCpu._mode_cls = Mode
        self.mode = CudaOnCpu._mode_cls()
        self.saved = {}

    def __enter__(self):
        cuda = torch.cuda
        for name, value in (("synchronize", None), ("empty_cache", None), ("set_device", None),
                            ("reset_peak_memory_stats", None), ("memory_allocated", 0),
                            ("max_memory_allocated", 0), ("memory_reserved", 0), ("device_count", 0)):
            if hasattr(cuda, name):
                self.saved[name] = getattr(cuda, name)
                setattr(cuda, name, (lambda v: lambda *a, **k: v)(value))
        self.mode.__enter__()
        return self

    def __exit__(self, *exc):
        self.mode.__exit__(None, None, None)
        for name, fn in self.saved.items():
            setattr(torch.cuda, name, fn)
        return False
