"""Varargs parameters: ``torch.einsum(equation, *operands)``, ``torch.block_diag(*tensors)``.

The experiments name each tensor passed to a varargs parameter apart ("*operands#0",
"*operands#1": common.varargs_slot), so that the "only P requires grad" reruns measure
one operand at a time.  The file names the parameter only ("*operands": every tensor
passed there, one by one or as the one list torch unpacks).  fold() turns the
per-tensor facts into the parameter's:

* saves: the parameter, when any tensor passed there was saved.
* saved_for: {"*operands": ["*operands"]} when each tensor was saved only for the
  gradient of *another* tensor passed there (einsum keeps a for b's gradient and b
  for a's, as the mul/bmm it becomes does); a tensor kept for its own gradient
  leaves no entry (the consumer's fallback: saved whenever the output requires grad).
* saves_sometimes: the parameter, when under some pattern one of its tensors was
  saved in some samples and not in others, or some tensor passed there was never
  saved while another was (einsum's one-operand sums keep nothing; "ij,ji->" keeps a
  view of its first operand and a transposed copy of its second).
"""
from __future__ import annotations

from .common import is_varargs


def varargs_name(name):
    """"*operands#1" -> "*operands"; any other name as it is."""
    return name.split("#", 1)[0] if is_varargs(name) else name


def fold(fact, obs, saved):
    """fact with its per-tensor varargs names folded into the parameter's (see above)."""
    if not any(is_varargs(p) for p in fact["params"]):
        return fact
    fact = dict(fact)
    fact["saves"] = {varargs_name(s) for s in fact["saves"]}
    fact["saves_sometimes"] = {varargs_name(s) for s in fact.get("saves_sometimes", ())} | uneven(obs, saved)
    fact["saves_by_default"] = {varargs_name(s) for s in fact.get("saves_by_default", ())
                                if varargs_name(s) not in uneven(obs, saved)}
    fact.pop("saves_unless", None)  # measured per tensor of the varargs: not folded
    if "saved_for" in fact:
        fact["saved_for"] = fold_saved_for(fact["saved_for"])
    fact["overloads"] = same_strings_dropped([fold_overload(o) for o in fact.get("overloads", ())])
    return fact


def same_strings_dropped(overloads):
    """The string entries of a parameter whose values all keep the same once folded
    (einsum's equations: each keeps the operands for the others' gradients) say nothing."""
    by_param = {}
    for o in overloads:
        if "string" in o:
            by_param.setdefault(o["string"][0], set()).add(tuple(o["saves"]))
    flat = {p for p, kept in by_param.items() if len(kept) < 2}
    return [o for o in overloads if "string" not in o or o["string"][0] not in flat]


def fold_saved_for(saved_for):
    out, own = {}, set()
    for name, ps in saved_for.items():
        key = varargs_name(name)
        for p in ps:
            if p == name and is_varargs(name):
                own.add(key)  # kept for its own gradient: not only "for the others"
            out.setdefault(key, set()).add(varargs_name(p))
    return {k: v for k, v in out.items() if k not in own}


def fold_overload(o):
    o = dict(o)
    for kind in ("numbers", "tensors", "saves"):
        if kind in o:
            o[kind] = sorted({varargs_name(n) for n in o[kind]})
    return o


def uneven(obs, saved):
    """Varargs parameters whose tensors were saved unevenly: under one pattern (which
    tensor alone requires grad, relative to the one measured) some samples kept it and
    others did not, or it was never kept while a sibling was."""
    groups, kept, seen = {}, set(), set()
    for (p, name, _, layout), hows in obs.outcomes.items():
        if layout or not is_varargs(name) or "#" not in name:
            continue
        key = varargs_name(name)
        seen.add(name)
        relation = "self" if p == name else ("sibling" if varargs_name(p) == key else p)
        groups.setdefault((key, relation), set()).update(saved(h) for h in hows)
        if any(saved(h) for h in hows):
            kept.add(name)
    out = {key for (key, _), v in groups.items() if len(v) == 2}
    out |= {varargs_name(n) for n in seen - kept if any(varargs_name(k) == varargs_name(n) for k in kept)}
    return out
