"""Tensor constructors that wrap a tensor (legacy ``Variable(t, requires_grad=True)``,
``nn.Parameter(t)``), measured: called on a non-leaf that requires grad, is the result
a new leaf, does it require grad by default and when asked, does it share the
argument's version counter (an in-place write on one is a write on the other)?"""
from __future__ import annotations

import warnings

import torch

# namespaces whose public classes are tried
NAMESPACES = ("torch", "torch.autograd", "torch.nn")


def _probe(cls):
    a = torch.ones(3, requires_grad=True)
    y = a * 2
    try:
        v = cls(y)
    except Exception:
        return None
    if not isinstance(v, torch.Tensor) or v is y:
        return None
    before = v._version
    with torch.no_grad():
        y.add_(1)
    try:
        plain = cls(torch.ones(3)).requires_grad
    except Exception:
        return None
    # "data": follows the argument's requires_grad (nn.Buffer)
    rg = v.requires_grad if v.requires_grad == plain else "data"
    fact = {"leaf": v.is_leaf, "requires_grad": rg, "shares_version": v._version != before}
    for flag in (True, False):  # the second positional argument switches requires_grad?
        try:
            w = cls(a * 2, flag)
        except Exception:
            break
        if not isinstance(w, torch.Tensor) or w.requires_grad != flag:
            break
    else:
        fact["params"] = ["data", "requires_grad"]
    return fact


def wrapper_facts():
    out = {}
    for ns_name in NAMESPACES:
        ns = torch
        for part in ns_name.split(".")[1:]:
            ns = getattr(ns, part)
        for attr in sorted(vars(ns)):
            obj = vars(ns)[attr]
            if attr.startswith("_") or not isinstance(obj, type):
                continue
            # only tensor classes (Variable's metaclass makes every tensor an instance)
            if not (issubclass(obj, torch.Tensor) or isinstance(torch.ones(1), obj)):
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                fact = _probe(obj)
            if fact is not None:
                out[f"{ns_name}.{attr}"] = fact
    return out


# namespaces whose public functions are tried on a module (``spectral_norm(nn.Linear(...))``)
MODULE_NAMESPACES = ("torch.nn.utils", "torch.nn.utils.parametrizations", "torch.nn.utils.prune")
# what such a function is tried with after the module: a parameter's name, an amount to prune
# (and a dim, a norm and a dim), a mask
_TRIES = ((), ("weight",), ("weight", 0.5), ("weight", 0.5, 0), ("weight", 0.5, 1, 0), ("weight", "mask"))


def _returns_module(fn):
    """Whether ``fn(module, ...)`` hands back the module itself (reparametrised in place), on a
    plain Linear or on one a reparametrisation was applied to first (the ``remove_*`` functions)."""
    import torch.nn.utils.prune as prune

    setups = (lambda m: m, torch.nn.utils.spectral_norm, torch.nn.utils.weight_norm,
              lambda m: prune.identity(m, "weight"))
    for setup in setups:
        for tail in _TRIES:
            m = setup(torch.nn.Linear(3, 3))
            tail = tuple(torch.ones(3, 3) if a == "mask" else a for a in tail)
            try:
                got = fn(m, *tail)
            except Exception:
                continue
            return got is m
    return False


def module_functions():
    """{qualname: {"module": 0}}: functions of torch.nn.utils that return the module they are
    given (its parameters stay those of the module, now computed from it in each forward)."""
    import importlib

    out = {}
    for ns_name in MODULE_NAMESPACES:
        ns = importlib.import_module(ns_name)
        for attr in sorted(vars(ns)):
            fn = vars(ns)[attr]
            if attr.startswith("_") or isinstance(fn, type) or not callable(fn) or \
                    not getattr(fn, "__module__", "").startswith("torch.nn.utils"):
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if _returns_module(fn):
                    out[f"{ns_name}.{attr}"] = {"module": 0}
    return out
