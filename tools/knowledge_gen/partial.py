"""Regenerate only some functions' entries (``gen_knowledge.py --only``).

A full run takes long on a shared machine; a new field of a few ops needs only
their experiments.  An op's observations can be shared with other names
(OpInfo aliases, torch.max and Tensor.max), and a shared observation collects the
samples of every OpInfo that feeds any of those names, so the set of OpInfos to
rerun is closed over that sharing.  The Tensor-method and hole probes rerun for
every name in the closure.  Steps that look across ops (writes, the
view_maybe_copy of torch.X from Tensor.X) are not rerun: those keys keep the
file's value.  The autocast fields (autocast.py) are rerun over the same OpInfos.
Modules (``torch.nn.X``) rerun their own experiments (each module's are
independent of the others') and get their whole entry rewritten.  Everything else
in the file is left as it is.
"""
from __future__ import annotations

import json

CROSS_OP_KEYS = ("writes", "view_maybe_copy")


def variant_names(op, by_id, facts):
    """The names an OpInfo's experiments are recorded under, as opinfo_experiments
    finds them (without running a sample)."""
    variants = [(op.op, ["torch." + op.name, "torch.Tensor." + op.name]),
                (op.method_variant, ["torch.Tensor." + op.name]),
                (op.inplace_variant, ["torch.Tensor." + op.name + "_"])]
    for a in op.aliases:
        variants += [(a.op, []), (a.method_variant, []), (a.inplace_variant, [])]
    out = set()
    for fn, fallbacks in variants:
        if fn is None:
            continue
        quals = by_id.get(id(fn)) or [f for f in fallbacks if f in facts][:1]
        out.update(quals)
    return out


def closure(op_db, callables, facts, targets):
    """(OpInfo names to rerun, every name whose observation they feed)."""
    by_id = {}
    for qual, obj in callables.items():
        by_id.setdefault(id(obj), []).append(qual)
    feeds = [(op.name, variant_names(op, by_id, facts)) for op in op_db]
    names, ops = set(targets), set()
    while True:
        more = {n for name, quals in feeds if quals & names for n in quals} - names
        ops |= {name for name, quals in feeds if quals & names}
        if not more:
            return ops, names
        names |= more


def regenerate_only(gen, targets, path):
    """Rewrite ``path`` with the entries of ``targets`` recomputed; returns the
    changed (name, key) pairs."""
    gen.ensure_expecttest()
    from torch.testing._internal.common_methods_invocations import op_db

    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if data["torch_version"] != gen.torch.__version__.split("+")[0]:
        raise SystemExit(f"{path} was made with torch {data['torch_version']}: regenerate it in full")
    modules = [t for t in targets if t in data["modules"]]
    targets = [t for t in targets if t not in data["modules"]]
    changed = _modules_only(gen, data, modules) if modules else []
    if targets:
        changed += _functions_only(gen, op_db, data, targets)
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(data, indent=1, sort_keys=True) + "\n")
    return changed


def _changed(qual, old, new):
    return [(qual, k) for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k)]


def _modules_only(gen, data, quals):
    found = gen.module_experiments(only={q[len("torch.nn."):] for q in quals})
    changed = []
    for qual in sorted(quals):
        if qual not in found:
            raise SystemExit(f"{qual}: no experiment ran")
        changed += _changed(qual, data["modules"][qual], found[qual])
        data["modules"][qual] = found[qual]
    return changed


def _functions_only(gen, op_db, data, targets):
    callables = gen.public_callables()
    facts = gen.build_static(callables)
    missing = [t for t in targets if t not in data["functions"] or t not in facts]
    if missing:
        raise SystemExit(f"not in the file or not a callable: {', '.join(missing)}")
    ops, names = closure(op_db, callables, facts, targets)
    observations = gen.opinfo_experiments(callables, facts, only=ops)
    subset = {q: callables[q] for q in names}
    gen.probe_methods(subset, facts, observations)
    gen.probe_holes(subset, facts, observations)
    casts = gen.function_autocast(gen, callables, facts, only=ops)
    changed = []
    for qual in sorted(targets):
        old = data["functions"][qual]
        new = gen.entry(facts[qual], observations.get(qual), [], qual)
        for key in CROSS_OP_KEYS:
            new.pop(key, None)
            if key in old:
                new[key] = old[key]
        new.update(casts.get(qual, {}))
        changed += _changed(qual, old, new)
        data["functions"][qual] = new
    return changed
