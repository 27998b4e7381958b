"""The static half of the knowledge: torchgen's packaged yaml files (derivatives.yaml,
native_functions.yaml) and its view / no-derivative tables, per public callable."""
from __future__ import annotations

import inspect
import os
import re

from .common import output_name, python_params


def load_static():
    """Parse torchgen's packaged yaml files: natives by name, and their autograd info."""
    import torchgen
    from torchgen.api.autograd import match_differentiability_info
    from torchgen.gen import parse_native_yaml
    from torchgen.packaged.autograd.load_derivatives import load_derivatives

    base = os.path.dirname(torchgen.__file__)
    native = os.path.join(base, "packaged", "ATen", "native", "native_functions.yaml")
    tags = os.path.join(base, "packaged", "ATen", "native", "tags.yaml")
    derivs = os.path.join(base, "packaged", "autograd", "derivatives.yaml")
    infos, _ = load_derivatives(derivs, native, tags)
    fns = parse_native_yaml(native, tags).native_functions
    # match_differentiability_info also gives in-place variants (mul_) the formula of
    # their functional twin, exactly as the autograd codegen does.
    matched = match_differentiability_info(fns, infos)
    by_name = {}
    for m in matched:
        by_name.setdefault(str(m.func.func.name.name), []).append(m)
    return by_name


def static_facts(natives, is_method, dont_require, view_fns):
    """Facts about one Python name from the native overloads that implement it."""
    from torchgen.model import SchemaKind, Variant

    self_name = "self" if is_method else "input"
    params, saves, has_info = None, set(), False
    view, maybe_copy, inplace = None, False, False
    all_nondiff = True  # every overload marked non-differentiable by torchgen
    tensor_slots = []  # (position, name) of every positional Tensor argument
    int_typed = {}     # name -> [is an int / int list] for each non-Tensor positional use
    for m in natives:
        f = m.func
        if f.func.kind() == SchemaKind.out:
            continue
        if (Variant.method if is_method else Variant.function) not in f.variants and f.python_module is None:
            continue
        args = f.func.arguments
        names = [self_name if a.name == "self" else a.name for a in args.flat_positional]
        if is_method:
            names = ["self"] + [n for n in names if n != "self"]
        # Keep the longest positional list that extends the others (sum vs sum.dim_IntList).
        pos = list(args.flat_positional)
        if is_method:
            pos = [args.self_arg.argument] + [a for a in pos if a.name != "self"] if args.self_arg else []
        kinds = [a.type.is_tensor_like() for a in pos]
        if params is None or (len(names) > len(params) and names[: len(params)] == params):
            params, params_tensor = names, kinds
        tensor_slots += [(i, n) for i, (n, t) in enumerate(zip(names, kinds)) if t]
        for n, a in zip(names, pos):
            if not a.type.is_tensor_like():
                int_typed.setdefault(n, []).append(str(a.type).rstrip("?").startswith(("int", "SymInt")))
        tensor_args = {a.name for a in args.flat_all if a.type.is_tensor_like()}
        is_inplace = f.func.kind() == SchemaKind.inplace or (
            args.self_arg is not None and args.self_arg.argument.annotation is not None
            and args.self_arg.argument.annotation.is_write)
        inplace |= is_inplace
        rets = f.func.returns
        if not rets or not any(r.type.is_tensor_like() for r in rets):
            pass  # int/bool/None results never require grad
        elif m.info and "Default" in m.info:
            # Other dispatch keys (AutogradNestedTensor, AutogradCUDA) are not dense-tensor code.
            info = m.info["Default"]
            has_info = True
            od = info.output_differentiability
            if not od or any(od):
                all_nondiff = False
            for s in info.all_saved_inputs:
                # only the tensor itself, not s.sym_sizes()/s.options() etc.
                if s.expr == s.nctype.name and s.expr in tensor_args:
                    # in-place ops clone the original self when the formula needs it
                    if not (is_inplace and s.expr == "self"):
                        saves.add(self_name if s.expr == "self" else s.expr)
            ret_names = [r.name for r in rets]
            for s in info.all_saved_outputs:
                saves.add(output_name(saved_output_index(s.nctype.name, ret_names)))
        elif str(f.func.name.name) not in dont_require:
            all_nondiff = False
        # Views: a non-write alias annotation on a return that matches self's.
        sa = args.self_arg.argument.annotation if args.self_arg else None
        if sa is not None and not sa.is_write and len(rets) == 1 and rets[0].annotation is not None:
            if set(rets[0].annotation.alias_set) & set(sa.alias_set):
                view = "multi" if rets[0].type.is_list_like() else "single"
                if str(f.func.name.name.base) not in view_fns:
                    maybe_copy = True  # aliasing but not a true view op (reshape, contiguous)
    if params is None:
        return None
    fact = dict(params=params, saves=saves, view=view, maybe_alias=False, inplace=inplace,
                differentiable=not all_nondiff, saves_source="derivatives.yaml" if has_info else "none")
    if maybe_copy:
        fact["view_maybe_copy"] = True
    # (not written out) parameters that are ints in every signature: a dim, never a float
    fact["_int_params"] = {n for n, flags in int_typed.items() if all(flags)}
    keywords = slot_keywords(params, params_tensor, tensor_slots)
    if keywords:
        fact["keywords"] = keywords
    return fact


def slot_keywords(params, params_tensor, tensor_slots):
    """Keyword names that other overloads give a positional slot after the first where
    there it is a Tensor and in ``params``' own overload it is not: ``min(input, dim)``
    and ``min(input, other)`` share slot 1, and ``torch.min(x, other=y)`` fills it.
    A name two slots claim is left out."""
    out, clash = {}, set()
    for i, name in tensor_slots:
        if i == 0 or i >= min(len(params), len(params_tensor)) or name in params or params_tensor[i]:
            continue
        if out.get(name, params[i]) != params[i]:
            clash.add(name)
        out[name] = params[i]
    return {k: v for k, v in out.items() if k not in clash}


def saved_output_index(name, ret_names):
    """Index of the return that derivatives.yaml's saved output ``name`` refers to:
    "result" (single return), "resultN" (unnamed multi-output), a return's own name
    (values/indices, U/S/Vh ...) or a name derived from one (S_sym_argsize_minus_1)."""
    if name in ret_names:
        return ret_names.index(name)
    m = re.fullmatch(r"result([0-9]+)", name)
    if m:
        return int(m.group(1))
    for i, r in enumerate(ret_names):
        if r and name.startswith(r + "_"):
            return i
    return 0


def aten_name(qual, obj):
    """Name of the native function behind a builtin, if any."""
    if inspect.isfunction(obj):
        return None  # Python wrapper (Tensor.split, Tensor.index): its own signature
    if qual.startswith("torch.Tensor."):
        return qual.rsplit(".", 1)[1]
    if inspect.isbuiltin(obj):
        return getattr(obj, "__name__", None)  # linalg_norm, special_erf, gelu (_C._nn) ...
    return None


def build_static(callables):
    from torchgen.packaged.autograd.gen_inplace_or_view_type import VIEW_FUNCTIONS
    from torchgen.packaged.autograd.gen_variable_type import DONT_REQUIRE_DERIVATIVE

    by_name = load_static()
    facts = {}
    for qual, obj in sorted(callables.items()):
        is_method = qual.startswith("torch.Tensor.")
        name = aten_name(qual, obj)
        fact = None
        if name in by_name:
            fact = static_facts(by_name[name], is_method, DONT_REQUIRE_DERIVATIVE, VIEW_FUNCTIONS)
            if fact is not None:
                fact["_native"] = True  # (not written out) a native op: safe to probe
        if fact is None:
            params = python_params(obj, is_method)
            if params is None:
                if not is_method:
                    continue
                params = ["self"]
            fact = dict(params=params, saves=set(), view=None, maybe_alias=False,
                        inplace=False, differentiable=True, saves_source="none")
        facts[qual] = fact
    return facts
