"""``isinstance`` tests in branch conditions: which of the possible objects pass
(``if isinstance(m, nn.Linear):`` over a model's modules), what a tensor test says of a
value, and Python's own types against known constants and dicts (used by guards)."""
from __future__ import annotations

from .project import hooks as project_hooks
from .values import UNKNOWN_CONST, Alt, ClassInfo, Const, Dict, Obj, Qual, Seq, Tensor

TENSOR_CLASSES = {"torch.Tensor", "torch.nn.Parameter", "torch.nn.parameter.Parameter", "torch.FloatTensor"}
PY_TYPES = {"builtins.int": int, "builtins.float": float, "builtins.bool": bool, "builtins.str": str,
            "builtins.list": list, "builtins.tuple": tuple, "builtins.dict": dict}


def isinstance_facts(interp, test, frame, truth, facts):
    """``isinstance(name, C)`` taken as ``truth``: True when it cannot be (the branch is
    infeasible); else False, with what it tells of ``name`` added to ``facts``."""
    name = test.args[0].value.value
    v = frame.lookup(name)
    cls = interp.eval(test.args[1].value, frame)  # (A, B): a tuple; a project class: by its name
    classes = [project_hooks.project_class(interp, c) for c in ([cls] if not isinstance(cls, Seq) else cls.items or [])]
    cls = classes[0] if classes and not isinstance(cls, Seq) else cls
    qual = cls.name if isinstance(cls, Qual) else None
    known = _python_type(v)
    if known is not None and classes and all(isinstance(c, Qual) and c.name in PY_TYPES for c in classes):
        # a dict, or a known constant, tested against Python's own types
        # (``if isinstance(spec, str): spec = {"name": spec}`` with a dict)
        passes = any(issubclass(known, PY_TYPES[c.name]) for c in classes)
        return passes is not truth
    if isinstance(v, (Obj, Alt)) and classes and all(
            isinstance(c, ClassInfo) or isinstance(c, Qual) and c.name.startswith("torch.nn.") for c in classes):
        # which of the possible objects (modules of a model) pass the test
        opts = v.options if isinstance(v, Alt) else [v]
        keep = [o for o in opts if _is_any_instance(interp.k, o, classes) is not (not truth)]
        if not keep:
            return True
        if len(keep) < len(opts):
            facts.append(("var", name, keep[0] if len(keep) == 1 else Alt(keep)))
        return False
    if qual in TENSOR_CLASSES:
        if isinstance(v, Tensor):
            known = v.kind not in ("arg", "opaque")
            if not truth and known and not v.members:
                return True
            if not truth:
                facts.append(("nograd", v, None))  # (as for None: see the ``is None`` test)
                facts.append(("var", name, UNKNOWN_CONST))  # not a tensor on this path
            elif not known:
                facts.append(("var", name, v.copy(kind="input")))
        elif v is not None and not isinstance(v, Tensor) and truth and not _unknown(v):
            return True
    elif qual in PY_TYPES and isinstance(v, Tensor) and truth:
        if v.kind not in ("arg", "opaque") and not v.members:
            return True
        facts.append(("var", name, UNKNOWN_CONST))
    return False


def _python_type(v):
    """The Python type of a dict, a tuple or a known constant; None when not known."""
    if isinstance(v, Dict):
        return dict
    if isinstance(v, Seq) and v.is_tuple:
        return tuple  # (``chunk``'s pieces, a tuple display; a list is not told from other sequences)
    if isinstance(v, Const) and v is not UNKNOWN_CONST and type(v.value) in (int, float, bool, str):
        return type(v.value)
    return None


def _is_any_instance(k, o, classes):
    found = [_is_instance(k, o, c, c.name if isinstance(c, Qual) else None) for c in classes]
    return True if True in found else None if None in found else False


def _is_instance(k, o, cls, qual):
    """Whether object ``o`` is an instance of ``cls`` (a class of this file, or torch module
    ``qual``): True, False or None (unknown)."""
    if not isinstance(o, Obj):
        return None
    if qual is not None and o.qual == qual:
        return True
    torch_class = o.qual if o.cls is None else o.cls.known_base
    known = k.module(torch_class) if qual is not None and torch_class else None
    if known is not None and "bases" in known:
        # torch's own class hierarchy (a Sequential subclass is no Linear; a LazyLinear is one)
        return True if qual in known["bases"] or qual == "torch.nn.Module" or qual == torch_class else \
            False if qual.startswith("torch.nn.") else None
    info = o.cls
    for _ in range(10):  # up the chain of this file's base classes
        if info is None:
            break
        if info is cls or qual is not None and info.known_base == qual:
            return True
        info = next((b for b in info.bases if isinstance(b, ClassInfo)), None)
    if qual is not None and o.cls is not None and o.cls.known_base:
        return None  # derives from another torch module, which may derive from qual
    if o.cls is not None or o.qual:
        return False
    return None


def _unknown(v):
    # a value the engine could not work out; a None it knows (a parameter's default) is no tensor
    return v is UNKNOWN_CONST
