"""Synthesised calls: guessing constructor arguments, inputs and their shapes
for the function that holds a flagged line."""
import ast
import copy
import os
import re
import types

import torch

from .common import BuildFailed, ReplayTimeout, first_line
from .source import node_start, required_params
from .trace import ptr_of
from .run import classify
from .attempts import Attempt, build_env
from .shapes import GENERIC_SHAPES, module_specs, shape_hints

# ---- guessing values ------------------------------------------------------

INT_NAMES = re.compile(r"^(n|k|m|d|dim|axis|steps?|num_\w+|n_\w+|\w+_size|size|epochs?|iters?|iterations|t|i|j|"
                       r"\w*dim|\w*_len|length|depth|layers?|heads?|hidden|width|channels?|in_\w+|out_\w+|"
                       r"\w*features|batch|bs|seq|count|idx|index|step|top_k|topk|repeats?|times|level)$")
FLOAT_NAMES = re.compile(r"^(lr|eps|epsilon|alpha|beta\d?|gamma|p|prob|scale|temperature|temp|tau|momentum|"
                         r"decay|weight_decay|clip|max_norm|margin|lam|lambd?a_?|lmbda|smoothing|ratio|rate|"
                         r"\w+_rate|\w+_prob|dropout|drop|threshold|thresh|min_val|max_val|lo|hi|low|high|"
                         r"sigma|std|mean|noise|noise_std|coef|\w+_coef|weight|factor|\w+_scale|value|val|"
                         r"negative_slope|init_value|layer_scale|mu)$")
BOOL_NAMES = re.compile(r"^(training|train|inplace|verbose|bias|affine|batch_first|bidirectional|causal|"
                        r"residual|normalize|is_\w+|use_\w+|has_\w+|with_\w+|return_\w+|keepdim|flag|enabled?)$")
MODULE_NAMES = re.compile(r"^(model|net|network|module|mod|encoder|decoder|enc|dec|generator|discriminator|critic|"
                          r"g|d|gen|disc|netg|netd|net_g|net_d|teacher|student|backbone|policy|actor|layer|"
                          r"block|head|classifier|feat_net|feature_extractor|\w+_net|\w+_model|\w+_module|"
                          r"model_\w+|net_\w+)$", re.I)
OPT_NAMES = re.compile(r"^(opt|optim|optimizer|optimiser|opt_\w+|\w+_opt|\w+_optim|\w+_optimizer)$", re.I)
STR_NAMES = re.compile(r"^(path|file|filename|fname|root|dir|directory|\w+_path|\w+_file|\w+_dir|url|ckpt|"
                       r"checkpoint)$")
INDEX_FUNCS = {"gather", "index_select", "take", "take_along_dim", "scatter", "scatter_", "scatter_add",
               "scatter_add_", "index_add", "index_add_", "index_copy", "index_copy_", "index_fill",
               "index_fill_", "embedding", "embedding_bag", "scatter_reduce", "index_put", "index_put_"}
TARGET_FUNCS = {"cross_entropy", "nll_loss", "CrossEntropyLoss", "NLLLoss", "one_hot", "multi_margin_loss"}
MASK_FUNCS = {"masked_fill", "masked_fill_", "masked_select", "masked_scatter", "masked_scatter_"}
TENSOR_ATTRS = {"shape", "size", "dim", "ndim", "device", "dtype", "view", "reshape", "sum", "mean", "float",
                "unsqueeze", "squeeze", "transpose", "permute", "flatten", "detach", "clone", "requires_grad",
                "sigmoid", "tanh", "exp", "log", "abs", "numel", "new_zeros", "new_ones", "new_empty", "to",
                "contiguous", "pow", "softmax", "log_softmax", "mul", "add", "sub", "div", "matmul"}


def _call_name(call):
    f = call.func
    if isinstance(f, ast.Attribute):
        return f.attr
    if isinstance(f, ast.Name):
        return f.id
    return ""


def _is_name(node, name):
    return isinstance(node, ast.Name) and node.id == name


def _root_name(node):
    """x for x, x[:, None], x.unsqueeze(1), x.long(), x[..., None].to(dev)."""
    for _ in range(6):
        if isinstance(node, ast.Name):
            return node
        if isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr in ("unsqueeze", "long", "bool", "to", "view", "reshape", "squeeze", "int",
                                   "expand", "expand_as", "flatten", "t", "contiguous", "float"):
            node = node.func.value
        else:
            return None
    return None


class ParamInfo:
    def __init__(self, name):
        self.name = name
        self.kind = None  # float, long, bool, int, floatv, boolv, str, module, opt, list, none
        self.rank = None
        self.consumers = []  # ast expressions called with this param as an argument
        self.zip_with = None  # ast of what it is zipped with (e.g. self.lateral)
        self.iterated = False
        self.consumer_args = []


def analyse_params(fn, names):
    """Usage-based hints for each parameter of fn."""
    info = {n: ParamInfo(n) for n in names}

    def mark(name, kind):
        if name in info and info[name].kind is None:
            info[name].kind = kind

    for node in ast.walk(fn):
        if isinstance(node, ast.Call):
            cname = _call_name(node)
            args = list(node.args)
            recv = node.func.value if isinstance(node.func, ast.Attribute) else None
            for pos, a0 in enumerate(args):
                a = _root_name(a0)
                if a is None or a.id not in info:
                    continue
                n = a.id
                if a is not a0 and cname not in INDEX_FUNCS | TARGET_FUNCS | MASK_FUNCS | {"where"}:
                    if isinstance(node.func, (ast.Name, ast.Attribute)):
                        info[n].consumers.append(node.func)
                        info[n].consumer_args.append((node, pos))
                    continue
                method_form = recv is not None and not (isinstance(recv, ast.Name) and recv.id in ("torch", "F"))
                if cname in INDEX_FUNCS and (pos >= 1 or (method_form and cname not in ("embedding",))):
                    if not (cname == "embedding" and pos == 1):
                        mark(n, "long")
                elif cname in TARGET_FUNCS and (pos == 1 or cname == "one_hot"):
                    mark(n, "long")
                elif cname in MASK_FUNCS and ((method_form and pos == 0) or (not method_form and pos == 1)):
                    mark(n, "bool")
                elif cname == "where" and pos == 0:
                    mark(n, "bool")
                elif cname == "range":
                    mark(n, "int")
                elif cname == "zip":
                    info[n].iterated = True
                    others = [x for x in args if x is not a]
                    if others and info[n].zip_with is None:
                        info[n].zip_with = others[0]
                elif cname in ("len", "enumerate", "list", "tuple", "sorted", "reversed"):
                    info[n].iterated = True
                else:
                    info[n].consumers.append(node.func)
                    info[n].consumer_args.append((node, pos))
            for kw in node.keywords:
                kv = _root_name(kw.value)
                if kv is not None and kv.id in info:
                    n = kv.id
                    if kw.arg in ("target", "index", "indices") and cname in TARGET_FUNCS | INDEX_FUNCS:
                        mark(n, "long")
                    elif kw.arg in ("attn_mask", "src_mask", "tgt_mask") or (
                            kw.arg == "mask" and re.search(r"attn|attention|scaled_dot", ast.unparse(node.func))):
                        mark(n, "attn_mask")
                    elif kw.arg == "mask":
                        mark(n, "bool")
                    elif kw.arg in ("dim", "k", "num_classes"):
                        mark(n, "int")
                    elif kw.arg in ("p", "alpha", "beta", "eps", "value", "min", "max", "lr"):
                        mark(n, "floatv")
                    elif kw.arg == "out":
                        mark(n, "float")
        elif isinstance(node, (ast.For, ast.comprehension)):
            it = node.iter
            if isinstance(it, ast.Name) and it.id in info:
                info[it.id].iterated = True
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in info:
            if node.attr in TENSOR_ATTRS or node.attr.endswith("_") and not node.attr.endswith("__"):
                mark(node.value.id, "float")
            if node.attr in ("parameters", "named_parameters", "train", "eval", "modules", "children",
                             "state_dict", "zero_grad" if node.value.id not in ("opt",) else ""):
                if node.attr == "zero_grad":
                    pass
                else:
                    info[node.value.id].kind = "module"
            if node.attr in ("step", "param_groups"):
                info[node.value.id].kind = "opt"
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Tuple):
            v = node.value
            base = None
            if isinstance(v, ast.Attribute) and v.attr == "shape":
                base = v.value
            elif isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute) and v.func.attr == "size" \
                    and not v.args:
                base = v.func.value
            if isinstance(base, ast.Name) and base.id in info:
                info[base.id].rank = len(node.targets[0].elts)
                mark(base.id, "float")
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Name) and node.slice.id in info:
            mark(node.slice.id, "int")
    return info


def guess_scalar(name, annotation=None):
    """A guess for a config-like or scalar argument, or None for 'a tensor'."""
    ann = ast.unparse(annotation) if annotation is not None else ""
    low = name.lower()
    if ann in ("int",):
        return 2 if re.search(r"head|layer|depth|block", low) else 8
    if ann in ("float",):
        return 1e-5 if "eps" in low else 0.1
    if ann in ("bool",):
        return True
    if ann in ("str",):
        return "mean"
    if BOOL_NAMES.match(low):
        return True
    if re.search(r"head", low):
        return 2
    if re.search(r"layers?$|depth|blocks?$|^n_layers|stack", low):
        return 2
    if re.search(r"kernel|^k$|ksize", low):
        return 3
    if re.search(r"stride|groups|dilation", low):
        return 1
    if re.search(r"padding|pad$", low):
        return 1
    if re.search(r"vocab|num_embeddings|n_?tokens?$|ntoken", low):
        return 16
    if re.search(r"class|cls|tags|labels|n_out|num_out|actions", low):
        return 4
    if re.search(r"seq_len|max_len|block_size|context|max_length|n_pos", low):
        return 16
    if re.search(r"eps", low):
        return 1e-5
    if re.search(r"amount|fraction|frac|percent|sparsity|ratio|keep", low):
        return 0.5
    if FLOAT_NAMES.match(low):
        return 0.1
    if INT_NAMES.match(low):
        return 8
    if STR_NAMES.match(low):
        return os.path.join(os.getcwd(), "missing-" + low)
    return None


def _inplace_chain(call):
    """(receiver, [(method, call)]) when call is ``x.op_(...)`` or ``x.op_(...).op2_(...)``
    on a plain name or attribute and every op has an out-of-place twin; else None."""
    chain = []
    node = call
    while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        name = node.func.attr
        if not (name.endswith("_") and not name.endswith("__") and hasattr(torch.Tensor, name[:-1])):
            return None
        chain.append(node)
        node = node.func.value
    if not chain or not isinstance(node, (ast.Name, ast.Attribute)):
        return None
    return node, chain


def outplace_stmt(stmt):
    """The out-of-place twin of an in-place statement (``q *= s`` -> ``q = q * s``,
    ``x.mul_(2)`` -> ``x = x.mul(2)``), line numbers kept; None when there is none."""
    if isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, (ast.Name, ast.Attribute)):
        load = copy.deepcopy(stmt.target)
        load.ctx = ast.Load()
        new = ast.Assign(targets=[stmt.target], value=ast.BinOp(left=load, op=stmt.op, right=stmt.value))
    elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
        found = _inplace_chain(stmt.value)
        if found is None:
            return None
        recv, chain = found
        value = copy.deepcopy(stmt.value)
        node = value
        while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr.endswith("_"):
            node.func.attr = node.func.attr[:-1]
            node = node.func.value
        target = copy.deepcopy(recv)
        target.ctx = ast.Store()
        new = ast.Assign(targets=[target], value=value)
    else:
        return None
    ast.copy_location(new, stmt)
    for n in ast.walk(new):
        if not hasattr(n, "lineno") or n.lineno is None:
            ast.copy_location(n, stmt)
    return ast.fix_missing_locations(new)


class _OutOfPlace(ast.NodeTransformer):
    def __init__(self, lines):
        self.lines = set(lines)

    def generic_visit(self, node):
        node = super().generic_visit(node)
        if isinstance(node, ast.stmt) and node.lineno in self.lines:
            new = outplace_stmt(node)
            if new is not None:
                return new
        return node


def rewrite_outplace(node, lines):
    return _OutOfPlace(lines).visit(copy.deepcopy(node)) if lines else node


class SynthAttempt(Attempt):
    """Call the enclosing function (or method) with synthesised arguments, then
    backward through its return value and its grad-requiring locals."""

    MODES = {"nonleaf": "inputs that require grad", "leaf": "leaf inputs that require grad",
             "data": "inputs that do not require grad"}

    def __init__(self, index, kind, owner, fn, variant, mode="nonleaf", drop=(), rewrites=(), hint=None):
        super().__init__(index)
        self.kind = kind  # func | method
        self.owner = owner  # class name for methods, function name otherwise
        self.fn = fn
        self.variant = variant
        self.mode = mode
        self.drop = tuple(drop)
        # lines of other in-place statements that raised before the flagged line, replayed
        # out of place (q *= s -> q = q * s): a run that can confirm, never refute
        self.rewrites = tuple(rewrites)
        self.build_notes = []
        self.input_ptrs = set()
        self.input_shapes = []  # of the float tensors synthesised, in parameter order
        self.hint = tuple(hint) if hint else None  # a shape for the first tensor input (from a shape error)
        lo = node_start(fn)
        self.capture = (fn.name, lo, fn.lineno)
        self.label = ("%s.%s" % (owner, fn.name)) if kind == "method" else ("%s" % fn.name)
        self.label += "(synthesised %s)" % self.MODES[mode]
        self.built_ok = False
        self.self_note = ""

    # -- self ---------------------------------------------------------------
    def construct(self, cls_name, env, seen=()):
        cls = env.get(cls_name)
        if not isinstance(cls, type):
            raise BuildFailed("class %s could not be defined" % cls_name)
        errors = []
        node = self.index.classes.get(cls_name)
        for args, kwargs in self.ctor_candidates(cls_name, cls, env):
            try:
                return cls(*args, **kwargs)
            except (ReplayTimeout, MemoryError):
                raise
            except Exception as e:  # noqa: BLE001
                errors.append("%s: %s" % (type(e).__name__, first_line(e, 120)))
        # statement by statement
        init = None
        if node is not None:
            for sub in node.body:
                if isinstance(sub, ast.FunctionDef) and sub.name == "__init__":
                    init = sub
        try:
            obj = cls.__new__(cls)
        except Exception as e:  # noqa: BLE001
            raise BuildFailed("cannot create %s: %s" % (cls_name, "; ".join(errors[:2]) or first_line(e)))
        if isinstance(obj, torch.nn.Module):
            torch.nn.Module.__init__(obj)
        if init is not None:
            loc = {"self": obj, "__class__": cls}
            for pname, val in self.guess_args(init, env, skip_self=True, seen=seen + (cls_name,))[1].items():
                loc[pname] = val
            a = init.args
            pos = list(a.posonlyargs) + list(a.args)
            for p, d in zip(pos[len(pos) - len(a.defaults):], a.defaults):
                if p.arg not in loc:
                    try:
                        loc[p.arg] = eval(self.index.compile_expr(d), env)
                    except Exception:  # noqa: BLE001
                        pass
            for stmt in init.body:
                if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and \
                        isinstance(stmt.value.func, ast.Attribute) and stmt.value.func.attr == "__init__":
                    continue
                try:
                    exec(self.index.compile(stmt), env, loc)
                except (ReplayTimeout, MemoryError):
                    raise
                except Exception as e:  # noqa: BLE001
                    errors.append("line %d %s: %s" % (stmt.lineno, type(e).__name__, first_line(e, 100)))
        self.self_note = ("; __init__ partly failed (%s)" % errors[-1]) if errors else ""
        if errors:
            self.build_notes.append("%s.__init__ run statement by statement (%s)" % (cls_name, errors[-1]))
        return obj

    def ctor_candidates(self, cls_name, cls, env):
        out = []
        # literal call sites in the file: Net(10, 32, 4)
        for n in ast.walk(self.index.tree):
            if isinstance(n, ast.Call) and _is_name(n.func, cls_name):
                try:
                    args = [eval(self.index.compile_expr(a), env) for a in n.args
                            if not isinstance(a, ast.Starred)]
                    kwargs = {k.arg: eval(self.index.compile_expr(k.value), env)
                              for k in n.keywords if k.arg}
                    out.append((args, kwargs))
                except Exception:  # noqa: BLE001
                    continue
        node = self.index.classes.get(cls_name)
        init = None
        if node is not None:
            for sub in node.body:
                if isinstance(sub, ast.FunctionDef) and sub.name == "__init__":
                    init = sub
        if init is None:
            out.append(([], {}))
        else:
            req = required_params(init)[1:]
            if not req:
                out.append(([], {}))
            else:
                pos, kw = self.guess_args(init, env, skip_self=True, seen=(cls_name,))
                out.append((pos, kw))
        return out[:6]

    def guess_args(self, fn, env, skip_self, seen=()):
        """Guesses for the required arguments of a constructor-like function."""
        req = required_params(fn)
        if skip_self and req and (fn.args.posonlyargs + fn.args.args)[0].arg == req[0]:
            req = req[1:]
        info = analyse_params(fn, req)
        anns = {a.arg: a.annotation for a in fn.args.posonlyargs + fn.args.args + fn.args.kwonlyargs}
        kw = {}
        for n in req:
            v = guess_scalar(n, anns.get(n))
            pi = info[n]
            body_src = ""
            if pi.iterated:
                # a list: of channel counts, or of floats for torch.tensor(mean)
                v = [4, 8] if v is None or isinstance(v, int) else [v, v, v]
                if re.search(r"mean|std", n):
                    v = [0.5, 0.5, 0.5]
            elif v is None:
                if MODULE_NAMES.match(n):
                    v = self.make_module(n, env, seen)
                elif re.search(r"mean|std|scale", n):
                    v = [0.5, 0.5, 0.5]
                else:
                    v = 8
            del body_src
            kw[n] = v
        return [], kw

    def make_module(self, pname, env, seen=()):
        nn = torch.nn
        low = pname.lower().replace("_", "")
        cands = []
        for cname in self.index.classes:
            cls = env.get(cname)
            if isinstance(cls, type) and issubclass(cls, nn.Module) and cname not in seen:
                score = 0 if (low in cname.lower() or cname.lower() in low) else 1
                cands.append((score, "class", cname))
        for fname, fnode in self.index.funcs.items():
            if re.match(r"^(build|make|create|get)_?\w*|\w*model\w*$", fname) and not required_params(fnode):
                cands.append((0.5, "factory", fname))
        cands.sort(key=lambda c: c[0])
        for _, how, name in cands[:4]:
            try:
                if how == "class":
                    m = self.construct(name, env, seen)
                else:
                    m = env[name]()
                if isinstance(m, nn.Module):
                    return m
            except (ReplayTimeout, MemoryError):
                raise
            except Exception:  # noqa: BLE001
                continue
        return nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 4))

    # -- inputs ---------------------------------------------------------------
    def tensor(self, spec, seen_shape=None):
        dtype, shape, high = spec
        if dtype == "long":
            hi = max(1, min(high or 2, 2 if high is None else high))
            return torch.randint(0, hi, shape)
        if dtype == "bool":
            return torch.rand(shape) > 0.5
        self.input_shapes.append(list(shape))
        base = torch.randn(shape)
        if self.mode == "data":
            t = base
        elif self.mode == "leaf":
            t = base.requires_grad_(True)
        else:
            t = base.requires_grad_(True).clone()
        p = ptr_of(t)
        if p:
            self.input_ptrs.add(p)
        return t

    def resolve(self, expr, env, loc):
        try:
            return eval(self.index.compile_expr(expr), env, loc)
        except Exception:  # noqa: BLE001
            return None

    def specs_for(self, pi, env, loc, obj):
        specs = []
        for c in pi.consumers:
            target = self.resolve(c, env, loc)
            if isinstance(target, torch.nn.Module):
                specs = module_specs(target)
                if specs:
                    break
        if not specs and isinstance(obj, torch.nn.Module):
            specs = module_specs(obj)
        out = list(specs)
        for s in GENERIC_SHAPES:
            if ("float", s, None) not in out:
                out.append(("float", s, None))
        if pi.rank is not None:
            ranked = [s for s in out if len(s[1]) == pi.rank]
            extra = [("float", (2, 3, 8, 8, 4)[:pi.rank], None)]
            out = ranked + [s for s in extra if s not in ranked] + [s for s in out if s not in ranked]
        # what the function says about its own input (asserts, view/reshape) comes first
        hints = [("float", s, None) for s in shape_hints(self.fn, pi.name)]
        return hints + [s for s in out if s not in hints]

    def build_call(self, env):
        fn = self.fn
        obj = None
        if self.kind == "method":
            cls = env.get(self.owner)
            is_static = any(_is_name(d, "staticmethod") for d in fn.decorator_list)
            is_cls = any(_is_name(d, "classmethod") for d in fn.decorator_list)
            if is_static:
                func = getattr(cls, fn.name)
            elif is_cls:
                func = getattr(cls, fn.name)
            else:
                obj = self.construct(self.owner, env)
                func = getattr(obj, fn.name)
                if isinstance(obj, torch.nn.Module):
                    obj.train()
            if self.drop:
                func = self.sliced(env, bind=None if (is_static or is_cls) else obj, cls=cls)
        else:
            func = env.get(fn.name)
            if self.drop:
                func = self.sliced(env)
        if not callable(func):
            raise BuildFailed("%s is not callable after loading the module" % fn.name)
        a = fn.args
        pos = list(a.posonlyargs) + list(a.args)
        if self.kind == "method" and pos and not any(_is_name(d, "staticmethod") for d in fn.decorator_list):
            pos = pos[1:]
        n_def = len(a.defaults)
        required = [p for p in pos[:len(pos) - n_def]] if n_def else list(pos)
        kwreq = [k for k, d in zip(a.kwonlyargs, a.kw_defaults) if d is None]
        names = [p.arg for p in required] + [k.arg for k in kwreq]
        info = analyse_params(fn, names)
        anns = {p.arg: p.annotation for p in pos + list(a.kwonlyargs)}
        loc = {"self": obj} if obj is not None else {}
        values = {}
        # non-tensors first (modules feed the shapes of the tensors)
        for n in names:
            pi = info[n]
            if pi.kind is None and pi.consumers and all(
                    isinstance(self.resolve(c, env, loc), type) for c in pi.consumers):
                # only passed to constructors (nn.Linear(dim, ...)): a config value
                g = guess_scalar(n, anns.get(n))
                values[n] = 8 if g is None else g
                loc.update(values)
                continue
            ann = ast.unparse(anns[n]) if anns.get(n) is not None else ""
            if pi.kind == "module" or (pi.kind is None and (MODULE_NAMES.match(n) or "Module" in ann)):
                values[n] = self.make_module(n, env)
            elif pi.kind is None and not pi.iterated and not pi.consumers and ("Tensor" not in ann) \
                    and guess_scalar(n, anns.get(n)) is not None:
                values[n] = guess_scalar(n, anns.get(n))
            elif pi.kind in ("int",):
                values[n] = 2
            elif pi.kind == "floatv":
                values[n] = 0.1
            loc.update(values)
        for n in names:
            if info[n].kind == "opt" or (n not in values and info[n].kind is None and OPT_NAMES.match(n)):
                params = []
                for v in values.values():
                    if isinstance(v, torch.nn.Module):
                        params = list(v.parameters())
                        break
                if not params and isinstance(obj, torch.nn.Module):
                    params = list(obj.parameters())
                if not params:
                    params = [torch.nn.Parameter(torch.zeros(1))]
                values[n] = torch.optim.SGD(params, lr=0.01)
        loc.update(values)
        first_float_shape = None
        first_shape = None
        for n in names:
            if n in values:
                if first_shape is None and isinstance(values[n], torch.Tensor):
                    first_shape = tuple(values[n].shape)
                continue
            pi = info[n]
            if pi.iterated and pi.zip_with is not None:
                mods = self.resolve(pi.zip_with, env, loc)
                if isinstance(mods, (torch.nn.ModuleList, list, tuple)) and len(mods) and \
                        all(isinstance(m, torch.nn.Module) for m in mods):
                    seq = []
                    for i, m in enumerate(mods):
                        sp = module_specs(m) or [("float", (2, 8), None)]
                        dt, shp, hi = sp[min(self.variant, len(sp) - 1)]
                        if len(shp) >= 3:
                            shp = shp[:2] + tuple(max(1, s // (2 ** i)) for s in shp[2:])
                        seq.append(self.tensor((dt, shp, hi)))
                    values[n] = seq
                    continue
            specs = self.specs_for(pi, env, loc, obj)
            dt, shp, hi = specs[min(self.variant, len(specs) - 1)]
            if self.hint is not None and dt == "float" and not self.input_shapes:
                shp = self.hint
            if re.search(r"^(lengths?|lens|seq_lens?|seq_lengths|n_tokens|valid_lens)$", n):
                ref = first_shape or first_float_shape or (2, 5)
                b = ref[0]
                t_len = ref[1] if len(ref) > 1 else 4
                values[n] = torch.full((b,), t_len, dtype=torch.long)
                continue
            if pi.kind == "attn_mask":
                ref = first_float_shape or (2, 5, 8)
                t_len = ref[-2] if len(ref) >= 2 else ref[0]
                values[n] = torch.triu(torch.ones(t_len, t_len, dtype=torch.bool), diagonal=1)
                continue
            if pi.kind == "long" and dt != "long":
                b = first_float_shape[0] if first_float_shape else 2
                dt, shp, hi = "long", (b,), 2
            elif pi.kind == "bool" or (pi.kind is None and re.search(r"mask|^pad$|padding_mask", n)):
                ref = first_float_shape or shp
                dt, shp = "bool", (ref if self.variant % 2 == 0 or len(ref) < 2 else ref[:-1])
            elif pi.kind is None and re.search(r"^(idx|indices|ids|tokens?|token_ids|labels?|targets?|y)$", n) \
                    and dt != "long" and not pi.consumers:
                # class indices unless the name is used like a float tensor
                if n in ("y", "target", "targets"):
                    pass
                else:
                    b = first_float_shape[0] if first_float_shape else 2
                    dt, shp, hi = "long", (b,), 2
            t = self.tensor((dt, shp, hi))
            if pi.iterated and dt == "float" and len(shp) >= 1 and pi.zip_with is None and pi.rank is None \
                    and pi.kind is None:
                values[n] = [t] + [self.tensor((dt, shp, hi)) for _ in range(1)]
            else:
                values[n] = t
            if dt == "float" and first_float_shape is None:
                first_float_shape = shp
            if first_shape is None:
                first_shape = shp
        args = []
        kwargs = {}
        for p in required:
            args.append(values[p.arg])
        for k in kwreq:
            kwargs[k.arg] = values[k.arg]
        self.built_ok = True
        return func, args, kwargs

    @property
    def modified(self):
        out = ["line %d dropped" % ln for ln in self.drop]
        out += ["line %d replayed out of place" % ln for ln in self.rewrites]
        return out + list(self.build_notes)

    def sliced(self, env, bind=None, cls=None):
        node = rewrite_outplace(copy.deepcopy(self.fn), self.rewrites)
        node.body = [s for s in node.body if s.lineno not in self.drop] or [ast.Pass()]
        node.decorator_list = [d for d in node.decorator_list
                               if not (_is_name(d, "staticmethod") or _is_name(d, "classmethod"))]
        ns = {}
        exec(self.index.compile(ast.fix_missing_locations(node)), env, ns)
        f = ns[node.name]
        if bind is not None:
            return types.MethodType(f, bind)
        return f

    def execute(self):
        self.input_ptrs = set()
        self.input_shapes = []
        self.build_notes = []
        tree = rewrite_outplace(self.index.tree, self.rewrites) if self.rewrites else None
        env = build_env(self.index, tree=tree)
        try:
            func, args, kwargs = self.build_call(env)
        except (ReplayTimeout, MemoryError):
            raise
        except BuildFailed:
            raise
        except Exception as e:  # noqa: BLE001
            what = self.label.split("(")[0]
            raise BuildFailed("cannot build the call of %s: %s: %s" % (what, type(e).__name__, first_line(e, 160)))
        call_error = None
        out = None
        try:
            out = func(*args, **kwargs)
        except (ReplayTimeout, MemoryError):
            raise
        except Exception as e:  # noqa: BLE001
            if classify(type(e).__name__, str(e)) in ("VC", "LEAF", "VIEW", "OUT", "MEMORY"):
                raise
            call_error = e
        roots = []
        seen = set()

        def collect(v, depth=0):
            if isinstance(v, torch.Tensor):
                if id(v) not in seen and v.requires_grad and v.grad_fn is not None and \
                        (v.is_floating_point() or v.is_complex()):
                    seen.add(id(v))
                    roots.append(v)
            elif depth < 2 and isinstance(v, (list, tuple)):
                for x in v:
                    collect(x, depth + 1)
            elif depth < 2 and isinstance(v, dict):
                for x in v.values():
                    collect(x, depth + 1)

        collect(out)
        captured = self.tracer.captured if self.tracer is not None else None
        if captured:
            for k, v in captured.items():
                if k != "self":
                    collect(v)
        for r in roots:
            s = r.real.sum() if r.is_complex() else r.sum()
            try:
                torch.autograd.backward(s, retain_graph=True)
            except RuntimeError as e:
                if "second time" in str(e) or "does not require grad" in str(e):
                    continue
                raise
        if call_error is not None:
            raise call_error
