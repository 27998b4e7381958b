"""nn modules by experiment: module_db setups (plus generic inputs for the rest of
nn.modules.__all__); what forward saves, views, in-place variants, writes, and what it
saves as cast copies under CPU autocast (autocast.py)."""
from __future__ import annotations

import inspect
import warnings

import torch
import torch.nn.functional as F

from .common import (
    MAX_SAMPLES, MULTI_VIEW_ERR, SAVED_ERR, ensure_expecttest, loss_of, output_name, python_params, tensors_in,
)
from .autocast import module_autocast
from .layout import module_layout
from .writes import extra_module_setups, module_writes


def module_experiments(only=None):
    """nn modules: module_db samples, plus generic inputs for the rest of nn.modules.__all__.
    only: the class names to run (all when None; ``gen_knowledge.py --only torch.nn.X``)."""
    ensure_expecttest()
    from torch.testing._internal.common_modules import module_db

    setups, ctors = {}, {}
    for mi in module_db:
        try:
            torch.manual_seed(0)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                mis = mi.module_inputs_func(mi, device="cpu", dtype=torch.float64,
                                            requires_grad=True, training=True)
        except Exception:
            continue
        for m_in in mis[:MAX_SAMPLES]:
            c, f = m_in.constructor_input, m_in.forward_input
            setups.setdefault(mi.module_cls, []).append((c.args, c.kwargs, f.args, f.kwargs))
        # every sample's constructor, for the parameter names only (construction is
        # cheap; the first MAX_SAMPLES of LSTM's all have bias=False)
        ctors.setdefault(mi.module_cls, []).extend(
            (m_in.constructor_input.args, m_in.constructor_input.kwargs) for m_in in mis)
    results = {}
    for name in sorted(torch.nn.modules.__all__):
        if only is not None and name not in only:
            continue
        cls = getattr(torch.nn, name, None)
        if not isinstance(cls, type) or not issubclass(cls, torch.nn.Module):
            continue
        cands = setups.get(cls) or generic_module_setups(name)
        res = dict(saves=set(), params=None, views=set(), ran=0)
        for cargs, ckw, fargs, fkw in cands:
            # in float64 (precise) and in float32, where some modules take another kernel
            # that keeps more: nn.LSTM's oneDNN kernel on CPU (as cuDNN's) keeps its output
            for dtype in (torch.float64, torch.float32):
                try:
                    run_module(cls, cargs, ckw, fargs, fkw, res, dtype=dtype)
                except Exception:
                    continue
        # Which parameters are kept only for the inputs' gradients (Linear's weight:
        # raw data into a first layer keeps no weight): the same runs with forward
        # arguments that do not require grad.  Recorded as {param: ["input"]}: kept
        # when a forward argument (the input, RNNCell's hx ...) requires grad.
        frozen = dict(saves=set(), params=None, views=set(), ran=0)
        if any(p in res["saves"] for p in res["params"] or ()):
            for cargs, ckw, fargs, fkw in cands:
                try:
                    run_module(cls, cargs, ckw, [_no_grad(a) for a in fargs],
                               {k: _no_grad(v) for k, v in fkw.items()}, frozen, only_params=True)
                except Exception:
                    continue
        try:
            sig = inspect.signature(cls.__init__).parameters
        except (TypeError, ValueError):
            sig = {}
        if res["params"] is None:
            continue
        res["params"] = list(dict.fromkeys(res["params"] + constructed_params(cls, ctors.get(cls, ()))))
        view = None
        if res["views"] == {"identity"}:
            view = "identity"
        elif "single" in res["views"]:
            view = "single"
        init_params = python_params(cls.__init__, False) or []
        entry = dict(
            saves=sorted(res["saves"]), params=res["params"], inplace_kw="inplace" in sig, view=view,
            saves_source="experiment" if res["ran"] else "none",
            init_params=[p for p in init_params if p != "self"])
        if frozen["ran"]:
            need_input = [p for p in entry["saves"] if p in entry["params"] and p not in frozen["saves"]]
            if need_input:
                entry["saved_for"] = {p: ["input"] for p in need_input}
        if entry["inplace_kw"]:
            saves_inplace = inplace_module_saves(cls, init_params[1:], cands)
            if saves_inplace is not None:
                entry["saves_inplace"] = saves_inplace
        forward_params = [p for p in python_params(cls.forward, False) or [] if p != "self"]
        if forward_params:
            entry["forward_params"] = forward_params
        alias_when = module_alias_when(cls, init_params[1:], cands)
        if alias_when:
            entry["alias_when"] = alias_when
        writes = module_writes(cls, entry["init_params"], cands + extra_module_setups().get(name, []))
        if writes:
            entry["forward_writes"] = writes
        absent = absent_params(cls, ctors.get(cls) or [(c[0], c[1]) for c in cands])
        if absent:
            entry["absent_when"] = absent
            entry["flag_defaults"] = {f: sig[f].default for a in absent.values() for f in a}
        entry["bases"] = torch_bases(cls)
        entry.update(module_autocast(cls, cands))
        entry.update(module_layout(cls, cands))
        results["torch.nn." + name] = entry
    return results


def torch_bases(cls):
    """The torch.nn classes ``cls`` derives from (public names, and private bases by their
    module path): ``isinstance(m, nn.Linear)`` is decided for a LazyLinear and for a Sequential."""
    out = []
    for b in cls.__mro__[1:]:
        if not b.__module__.startswith("torch.nn") or b is torch.nn.Module:
            continue
        if getattr(torch.nn, b.__name__, None) is b:
            out.append("torch.nn." + b.__name__)
        out.append(f"{b.__module__}.{b.__qualname__}")
    return sorted(set(out))


def constructed_params(cls, ctors):
    """The parameter names of ``cls`` built with each of ``ctors`` (the module's own
    ``named_parameters``, not its forward): what ``m.bias_hh_l0`` may name under
    some configuration, for configurations the forward experiments skipped."""
    names = []
    for cargs, ckw in ctors:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                m = cls(*cargs, **ckw)
        except Exception:
            continue
        names += [n for n, _ in m.named_parameters(recurse=False)]
    return list(dict.fromkeys(names))


def absent_params(cls, ctors):
    """{param: {flag: False}}: the parameters a module built with a boolean constructor
    flag switched off has as None (``nn.Linear(4, 4, bias=False).bias``,
    ``nn.InstanceNorm2d(8).weight``: affine defaults to False), measured on the first
    constructor that builds the module both ways.  The flags' defaults: flag_defaults."""
    try:
        sig = inspect.signature(cls.__init__).parameters
    except (TypeError, ValueError):
        return {}
    flags = [p for p in sig if type(sig[p].default) is bool]
    init_params = [p for p in sig if p != "self"]
    out = {}
    for flag in flags:
        for cargs, ckw in ctors:
            kw = dict(zip(init_params, cargs), **ckw)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    on, off = cls(**dict(kw, **{flag: True})), cls(**dict(kw, **{flag: False}))
            except Exception:
                continue
            for name, _ in on.named_parameters(recurse=False):
                if getattr(off, name, False) is None:
                    out.setdefault(name, {})[flag] = False
            break
    return out


def inplace_module_saves(cls, init_params, cands):
    """What a module constructed with inplace=True saves that can alias its input:
    run it on a non-leaf x = a * 1, bump x (which is also the output) and backward.
    ["result"] if that breaks, [] if not; None when no setup ran.  Dropout-like
    modules get p=0.5 (p=0 returns the input untouched and saves nothing)."""
    found, ran = False, False
    for cargs, ckw, fargs, fkw in cands:
        if not fargs or not isinstance(fargs[0], torch.Tensor) or not fargs[0].is_floating_point():
            continue
        kw = dict(zip(init_params, cargs), **ckw)
        kw["inplace"] = True
        if "p" in init_params:
            kw["p"] = 0.5
        try:
            x, out = _forward_non_leaf(cls, kw, fargs, fkw)
            if not isinstance(out, torch.Tensor) or not out.requires_grad:
                continue
            loss = out.sum()
            for t in {id(x): x, id(out): out}.values():  # the same tensor when in place
                torch.autograd.graph.increment_version(t)
        except Exception:
            continue
        ran = True
        try:
            loss.backward()
        except RuntimeError as e:
            if SAVED_ERR in str(e) or MULTI_VIEW_ERR in str(e):
                found = True
    return (["result"] if found else []) if ran else None


def module_alias_when(cls, init_params, cands):
    """The values of a float constructor parameter under which the module's forward, in
    training mode, returns its input tensor itself ({param: [values]}): nn.Dropout(p=0.0).
    Each float parameter is tried at 0.0 and 1.0 on the first setup whose input is a float
    tensor; kept only where the module built with the parameter's default does not."""
    try:
        sig = inspect.signature(cls.__init__).parameters
    except (TypeError, ValueError):
        return {}
    floats = [p for p in init_params if p in sig and type(sig[p].default) is float]
    setup = next((c for c in cands if c[2] and isinstance(c[2][0], torch.Tensor)
                  and c[2][0].is_floating_point()), None)
    if not floats or setup is None:
        return {}
    cargs, ckw, fargs, fkw = setup
    base = dict(zip(init_params, cargs), **ckw)

    def returns_input(**changes):
        try:
            x, out = _forward_non_leaf(cls, dict(base, **changes), fargs, fkw)
        except Exception:
            return None
        return out is x
    if returns_input() is not False:
        return {}
    out = {}
    for p in floats:
        values = [v for v in (0.0, 1.0) if returns_input(**{p: v}) is True]
        if values:
            out[p] = values
    return out


def _forward_non_leaf(cls, kw, fargs, fkw):
    """(x, the output) of ``cls(**kw)`` in float64 and training mode, run on a non-leaf copy
    ``x`` of the setup's first forward argument (the rest as given)."""
    torch.manual_seed(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = cls(**kw).to(torch.float64).train()
        x = fargs[0].detach().clone().requires_grad_() * 1
        return x, m(x, *fargs[1:], **fkw)


def generic_module_setups(name):
    """Experiment inputs (not facts) for modules module_db lacks."""
    torch.manual_seed(0)

    def t(*shape):
        return torch.rand(*shape, dtype=torch.float64, requires_grad=True)
    extra = {
        "LazyLinear": [((4,), {}, (t(2, 3),), {})],
        "SyncBatchNorm": [((3,), {}, (t(2, 3, 4),), {})],
        "BatchNorm1d": [((3,), {}, (t(2, 3),), {})],
        "Unflatten": [((1, (2, 2)), {}, (t(3, 4),), {})],
        "Upsample": [((), {"scale_factor": 2.0}, (t(1, 2, 3, 3),), {})],
        "UpsamplingNearest2d": [((), {"scale_factor": 2.0}, (t(1, 2, 3, 3),), {})],
        "UpsamplingBilinear2d": [((), {"scale_factor": 2.0}, (t(1, 2, 3, 3),), {})],
        "PixelShuffle": [((2,), {}, (t(1, 4, 3, 3),), {})],
        "PixelUnshuffle": [((2,), {}, (t(1, 1, 4, 4),), {})],
        "ChannelShuffle": [((2,), {}, (t(1, 4, 3, 3),), {})],
        "EmbeddingBag": [((10, 3), {}, (torch.tensor([[1, 2], [3, 4]]),), {})],
        "Embedding": [((10, 3), {}, (torch.tensor([[1, 2], [3, 4]]),), {})],
        "CosineSimilarity": [((), {}, (t(3, 4), t(3, 4)), {})],
        "PairwiseDistance": [((), {}, (t(3, 4), t(3, 4)), {})],
        "Fold": [(((4, 4), (2, 2)), {}, (t(1, 12, 9),), {})],
        "Unfold": [(((2, 2),), {}, (t(1, 3, 4, 4),), {})],
        "LPPool1d": [((2, 2), {}, (t(1, 3, 4),), {})],
        "LPPool2d": [((2, 2), {}, (t(1, 3, 4, 4),), {})],
        "ConstantPad1d": [((1, 0.5), {}, (t(1, 3, 4),), {})],
        "CrossMapLRN2d": [((3,), {}, (t(2, 3, 4, 4),), {})],
        "NLLLoss2d": [((), {}, (t(2, 3, 4, 4), torch.zeros(2, 4, 4, dtype=torch.long)), {})],
        "TripletMarginLoss": [((), {}, (t(3, 4), t(3, 4), t(3, 4)), {})],
        "TripletMarginWithDistanceLoss": [((), {}, (t(3, 4), t(3, 4), t(3, 4)), {})],
        "AdaptiveLogSoftmaxWithLoss": [((8, 10, [4]), {}, (t(3, 8), torch.tensor([0, 5, 9])), {})],
        "TransformerDecoder": [((torch.nn.TransformerDecoderLayer(8, 2, 16, 0.0), 1), {},
                                (t(2, 3, 8), t(4, 3, 8)), {})],
    }
    for d in (1, 2, 3):  # unpooling needs the indices of a matching pool
        pool = getattr(F, f"max_pool{d}d")
        _, idx = pool(torch.rand(1, 1, *[4] * d), 2, return_indices=True)
        extra[f"MaxUnpool{d}d"] = [((2,), {}, (t(1, 1, *[2] * d), idx), {})]
    if name in extra:
        return extra[name]
    shapes = ((2, 3, 4, 4), (2, 3, 4), (2, 3), (4,), (2, 3, 4, 4, 4))
    return [((), {}, (t(*shape),), {}) for shape in shapes]


def _no_grad(a):
    """The argument with its tensors detached (not requiring grad)."""
    if isinstance(a, torch.Tensor):
        return a.detach()
    if isinstance(a, (list, tuple)):
        return type(a)(_no_grad(x) for x in a)
    return a


def _as_dtype(a, dtype):
    """The argument with its floating tensors in ``dtype`` (leaves still, as requires_grad was)."""
    if isinstance(a, torch.Tensor):
        if not a.is_floating_point() or a.dtype == dtype:
            return a
        return a.detach().to(dtype).requires_grad_(a.requires_grad)
    if isinstance(a, (list, tuple)):
        return type(a)(_as_dtype(x, dtype) for x in a)
    return a


def run_module(cls, cargs, ckw, fargs, fkw, res, only_params=False, dtype=torch.float64):
    torch.manual_seed(0)
    if dtype != torch.float64:
        fargs, fkw = [_as_dtype(a, dtype) for a in fargs], {k: _as_dtype(v, dtype) for k, v in fkw.items()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = cls(*cargs, **ckw).to(dtype)
        m.train()
        try:
            fwd_names = python_params(m.forward, False) or []
        except Exception:
            fwd_names = []

        def invoke():
            out = m(*fargs, **fkw)
            return list(fargs), dict(fkw), out

        _, _, out = invoke()  # materializes lazy modules
        # union over constructor configs (bias=False, proj_size, bidirectional ...)
        res["params"] = list(dict.fromkeys((res["params"] or []) + [
            n for n, _ in m.named_parameters(recurse=False)]))
        outs = tensors_in(out)
        loss = loss_of(out)
        backward_ok = False
        if loss is not None:
            try:
                loss.backward()
                backward_ok = True
            except RuntimeError:
                pass
        first = fargs[0] if fargs and isinstance(fargs[0], torch.Tensor) else None
        if first is not None and outs:  # after backward: this bumps the input
            if out is first:
                res["views"].add("identity")
            else:
                v = outs[0]._version
                torch.autograd.graph.increment_version(first)
                res["views"].add("single" if outs[0]._version != v else None)
        if not backward_ok:
            return
        res["ran"] += 1
        targets = []
        for i, a in enumerate(fargs):
            nm = "input" if i == 0 else (fwd_names[i] if i < len(fwd_names) else None)
            targets += [(nm, "arg", i, j) for j in range(len(tensors_in(a)))]
        for k in sorted(fkw):
            targets += [(k, "kw", k, j) for j in range(len(tensors_in(fkw[k])))]
        targets += [(n, "param", n, 0) for n, _ in m.named_parameters()]
        targets += [(output_name(j), "out", 0, j) for j in range(len(outs))]  # LSTM: output, h, c
        for nm, kind, key, j in targets:
            if nm is None or nm in res["saves"] or only_params and kind != "param":
                continue
            _, _, out = invoke()
            if kind == "arg":
                tgt = tensors_in(fargs[key])[j]
            elif kind == "kw":
                tgt = tensors_in(fkw[key])[j]
            elif kind == "param":
                tgt = m.get_parameter(key)
            else:
                tgt = tensors_in(out)[j]
            torch.autograd.graph.increment_version(tgt)
            try:
                loss_of(out).backward()
            except RuntimeError as e:
                if SAVED_ERR in str(e) or MULTI_VIEW_ERR in str(e):
                    res["saves"].add(nm)
