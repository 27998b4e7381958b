"""Input shapes for synthesised calls: from the module's own layers (searched
through its submodules), from what the function itself says about its input
(asserts, ``view``/``reshape`` with literal sizes), and from the shape a shape
error names."""
import ast
import re

import torch

GENERIC_SHAPES = [(2, 8), (2, 4, 8), (2, 3, 8, 8), (8,), (2, 3, 16, 16), (4, 16), (2, 16, 8)]


def _is_name(node, name):
    return isinstance(node, ast.Name) and node.id == name


def module_specs(m, depth=0):
    """Candidate inputs for feeding module m: [(dtype, shape, high)]."""
    nn = torch.nn
    if m is None or depth > 4:
        return []
    try:
        if isinstance(m, nn.Linear):
            f = m.in_features
            return [("float", (2, f), None), ("float", (2, 3, f), None)]
        if isinstance(m, (nn.Conv1d, nn.ConvTranspose1d)):
            return [("float", (2, m.in_channels, 16), None)]
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            return [("float", (2, m.in_channels, 16, 16), None), ("float", (2, m.in_channels, 8, 8), None)]
        if isinstance(m, (nn.Conv3d, nn.ConvTranspose3d)):
            return [("float", (2, m.in_channels, 4, 8, 8), None)]
        if isinstance(m, nn.BatchNorm1d):
            return [("float", (4, m.num_features), None), ("float", (4, m.num_features, 8), None)]
        if isinstance(m, (nn.BatchNorm2d, nn.InstanceNorm2d)):
            return [("float", (2, m.num_features, 8, 8), None)]
        if isinstance(m, (nn.BatchNorm3d, nn.InstanceNorm3d)):
            return [("float", (2, m.num_features, 4, 4, 4), None)]
        if isinstance(m, nn.GroupNorm):
            return [("float", (2, m.num_channels, 8, 8), None)]
        if isinstance(m, nn.LayerNorm):
            ns = tuple(m.normalized_shape)
            return [("float", (2, 3) + ns, None), ("float", (2,) + ns, None)]
        if isinstance(m, (nn.Embedding, nn.EmbeddingBag)):
            return [("long", (2, 5), m.num_embeddings)]
        if isinstance(m, nn.RNNBase):
            if m.batch_first:
                return [("float", (2, 5, m.input_size), None)]
            return [("float", (5, 2, m.input_size), None)]
        if isinstance(m, (nn.RNNCell, nn.LSTMCell, nn.GRUCell)):
            return [("float", (2, m.input_size), None)]
        if isinstance(m, nn.MultiheadAttention):
            e = m.embed_dim
            return [("float", (2, 5, e) if m.batch_first else (5, 2, e), None)]
        for child in m.children():
            specs = module_specs(child, depth + 1)
            if specs:
                return specs
    except Exception:  # noqa: BLE001
        return []
    return []


def _int(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and _int(node.operand) is not None:
        return -_int(node.operand)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        a, b = _int(node.left), _int(node.right)
        return a * b if a is not None and b is not None else None
    return None


def _dim_ref(node, name):
    """i for ``name.shape[i]`` / ``name.size(i)``."""
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "shape" \
            and _is_name(node.value.value, name):
        return _int(node.slice)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "size" \
            and _is_name(node.func.value, name) and len(node.args) == 1:
        return _int(node.args[0])
    return None


def _is_rank_ref(node, name):
    """``name.dim()``, ``name.ndim``, ``len(name.shape)``."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("dim", "ndimension") \
            and _is_name(node.func.value, name):
        return True
    if isinstance(node, ast.Attribute) and node.attr == "ndim" and _is_name(node.value, name):
        return True
    return isinstance(node, ast.Call) and _is_name(node.func, "len") and len(node.args) == 1 and \
        isinstance(node.args[0], ast.Attribute) and node.args[0].attr == "shape" and _is_name(node.args[0].value, name)


def _shape_with(rank, dims):
    rank = max([rank or 0] + [i + 1 for i in dims if i >= 0] + [-i for i in dims if i < 0] + [2])
    shape = list((2, 3, 8, 8, 8, 8)[:rank]) + [4] * max(0, rank - 6)
    for i, v in dims.items():
        if v > 0:
            shape[i] = v
    return tuple(shape)


def shape_hints(fn, name):
    """Input shapes the function itself states for parameter ``name``:
    ``name.view(-1, 784)`` / ``name.reshape(2, 3, 32, 32)`` (literal sizes), and
    comparisons such as ``assert name.shape[-1] == 64`` or ``name.dim() == 3``."""
    out = []
    dims = {}
    rank = None
    for n in ast.walk(fn):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in ("view", "reshape") \
                and _is_name(n.func.value, name) and n.args:
            args = n.args[0].elts if len(n.args) == 1 and isinstance(n.args[0], (ast.Tuple, ast.List)) else n.args
            sizes = [_int(a) for a in args]
            if sizes and all(s is not None and (s > 0 or s == -1) for s in sizes) and sizes.count(-1) <= 1:
                shape = tuple(2 if s == -1 else s for s in sizes)
                if shape not in out and len(shape) > 1:
                    out.append(shape)
        elif isinstance(n, ast.Compare) and len(n.ops) == 1 and isinstance(n.ops[0], ast.Eq):
            for a, b in ((n.left, n.comparators[0]), (n.comparators[0], n.left)):
                v = _int(b)
                if v is None:
                    continue
                i = _dim_ref(a, name)
                if i is not None and v > 0:
                    dims[i] = v
                elif _is_rank_ref(a, name) and 0 < v <= 8:
                    rank = v
    if dims or rank:
        s = _shape_with(rank, dims)
        if s not in out:
            out.insert(0, s)
    return out


SHAPE_FIXES = [
    # (pattern, what the input's shape should become)
    (re.compile(r"mat1 and mat2 shapes cannot be multiplied \((\d+)x(\d+) and (\d+)x(\d+)\)"),
     lambda m, s: s[:-1] + (int(m.group(3)),)),
    (re.compile(r"expected input with shape \[\*, ([\d, ]+)\]"),
     lambda m, s: (s[:1] or (2,)) + tuple(int(x) for x in m.group(1).split(","))),
    (re.compile(r"to have (\d+) channels, but got \d+ channels"),
     lambda m, s: (s[0], int(m.group(1))) + s[2:] if len(s) >= 2 else None),
    (re.compile(r"shape '\[([-\d, ]+)\]' is invalid for input of size"),
     lambda m, s: tuple(2 if int(x) == -1 else int(x) for x in m.group(1).split(","))),
    (re.compile(r"Expected (\d+)D \(unbatched\) or (\d+)D \(batched\) input"),
     lambda m, s: _shape_with(int(m.group(2)), {})),
    (re.compile(r"not enough values to unpack \(expected (\d+), got \d+\)|"
                r"too many values to unpack \(expected (\d+)\)"),
     lambda m, s: _shape_with(int(m.group(1) or m.group(2)), {})),
]


def shape_from_error(msg, shape):
    """The input shape a shape error names (``mat1 and mat2 shapes cannot be
    multiplied (2x8 and 64x32)`` -> last dimension 64), or None."""
    if not shape:
        return None
    shape = tuple(shape)
    for pat, fix in SHAPE_FIXES:
        m = pat.search(msg or "")
        if m:
            try:
                new = fix(m, shape)
            except (ValueError, IndexError):
                new = None
            if new and all(isinstance(x, int) and x > 0 for x in new) and tuple(new) != shape:
                return tuple(new)
    return None
