"""The re-export map: public paths under which torch makes an object reachable that
the linter knows by another name (``torch.functional.F`` is ``torch.nn.functional``,
``torch.nn.modules.activation.ReLU`` is ``torch.nn.ReLU``).

Read from the installed torch by walking the attributes of its public modules (those
``import torch`` loads); nothing is typed in.  An object's canonical name is the one
the knowledge file describes it under, else its shortest public path.
"""
from __future__ import annotations

import json
import sys
import types

# Where the names the linter acts on live: an alias is kept when its canonical name
# is in the knowledge file, is a module, or is defined directly in one of these.
NAMESPACES = ("torch", "torch.Tensor", "torch.nn", "torch.nn.functional", "torch.nn.init", "torch.nn.utils",
              "torch.autograd", "torch.optim", "torch.linalg", "torch.special", "torch.fft", "torch.amp")


def public_modules():
    """Loaded torch modules whose dotted name has no private part, sorted."""
    out = []
    for name in sorted(sys.modules):
        mod = sys.modules[name]
        if not isinstance(mod, types.ModuleType) or not (name == "torch" or name.startswith("torch.")):
            continue
        if any(part.startswith("_") for part in name.split(".")):
            continue
        out.append((name, mod))
    return out


def _rank(path, known):
    return (path not in known, path.count("."), len(path), path)


def alias_map(known_names, modules):
    """path -> canonical name.  known_names: name -> object the knowledge describes
    (functions and nn modules); modules: (name, module) pairs to walk."""
    known_ids = {}
    for name in sorted(known_names, key=lambda n: _rank(n, ())):
        known_ids.setdefault(id(known_names[name]), name)
    mod_names = {id(m): n for n, m in modules}
    module_at = dict(modules)
    paths = {}  # id(obj) -> [public paths]
    objs = {}
    for mname, mod in modules:
        for attr in sorted(vars(mod)):
            if attr.startswith("_"):
                continue
            obj = vars(mod)[attr]
            if not (isinstance(obj, types.ModuleType) or callable(obj)):
                continue
            paths.setdefault(id(obj), []).append(f"{mname}.{attr}")
            objs[id(obj)] = obj
    out = {}
    for oid, found in paths.items():
        obj = objs[oid]
        if isinstance(obj, types.ModuleType):
            target = mod_names.get(oid)  # only public, loaded modules
        else:
            target = known_ids.get(oid) or min(found, key=lambda p: _rank(p, ()))
            if not target.startswith("torch") or (oid not in known_ids and not _torch_object(obj)):
                continue
        if target is None or target == "torch":
            continue  # "x.torch" (a module's own ``import torch``) renames nothing
        if oid not in known_ids and not isinstance(obj, types.ModuleType) and \
                target.rsplit(".", 1)[0] not in NAMESPACES:
            continue
        if target in module_at and module_at[target] is not obj:
            continue  # names a module too (torch.autograd.gradcheck): ambiguous
        for p in found:
            if p != target and p not in known_names and module_at.get(p, obj) is obj:
                out[p] = target
    return dict(sorted(out.items()))


def _torch_object(obj):
    """Defined by torch itself (not typing.Optional or math.pi re-exported by it)."""
    mod = getattr(obj, "__module__", None) or ""
    return mod == "torch" or mod.startswith("torch.")


def resolve(qualname):
    """The object torch has under a dotted name (torch.Tensor.add, torch.nn.ReLU)."""
    import torch
    obj = torch
    for part in qualname.split(".")[1:]:
        obj = getattr(obj, part)
    return obj


def main():
    """Run in a fresh interpreter (so the walk sees exactly the modules ``import
    torch`` loads, whatever the caller imported): known qualnames as a JSON list on
    stdin, the alias map as JSON on stdout."""
    import warnings
    warnings.simplefilter("ignore")
    import torch  # noqa: F401
    names = json.load(sys.stdin)
    modules = public_modules()
    known = {}
    for n in names:
        try:
            known[n] = resolve(n)
        except AttributeError:
            continue
    json.dump(alias_map(known, modules), sys.stdout)


if __name__ == "__main__":
    main()
