"""The shipped autograd knowledge (inplace_lint/knowledge/torch_ops.json).

The facts asserted here were derived by tools/gen_knowledge.py from torch itself
(experiments + derivatives.yaml); these tests pin the ones the linter relies on.
Regenerating the whole file takes minutes, so CI instead re-derives the cheap,
static (derivatives.yaml / native_functions.yaml) part and compares.
"""
import ast
import functools
import importlib.util
import os
import pathlib
import re
import subprocess
import sys

import pytest
import torch

from inplace_lint.knowledge import DATA_FILE, load

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
K = load()
OUTPUT_NAME = re.compile(r"result([1-9][0-9]*)?")  # "result", "result1", "result2" ...


def fn(name):
    entry = K.function(name)
    assert entry is not None, f"{name} missing from torch_ops.json"
    return entry


def mod(name):
    entry = K.module("torch.nn." + name)
    assert entry is not None, f"torch.nn.{name} missing from torch_ops.json"
    return entry


# ----------------------------------------------------------------------- format
def test_file_is_small_and_versioned():
    assert os.path.getsize(DATA_FILE) < 2 * 1024 * 1024
    assert K.torch_version == torch.__version__.split("+")[0]


def test_entries_are_well_formed():
    for name, e in K.functions.items():
        assert name.startswith(("torch.", "torch.Tensor.", "torch.nn.functional.",
                                "torch.linalg.", "torch.special.", "torch.fft."))
        assert isinstance(e["params"], list)
        if name.startswith("torch.Tensor."):
            assert e["params"][:1] == ["self"], name
        assert all(s in e["params"] or OUTPUT_NAME.fullmatch(s) for s in e["saves"]), name
        assert e["saves"] == sorted(e["saves"])
        assert e["view"] in (None, "single", "multi", "each"), name
        for key in ("maybe_alias", "inplace", "differentiable"):
            assert isinstance(e[key], bool), (name, key)
        assert not (e["inplace"] and e.get("harmless")), name
        assert e["saves_source"] in ("experiment", "derivatives.yaml", "none")
    for name, e in K.modules.items():
        assert name.startswith("torch.nn.")
        assert e["view"] in (None, "single", "identity"), name
        assert isinstance(e["inplace_kw"], bool) and isinstance(e["params"], list)


def test_is_tensor_method():
    assert K.is_tensor_method("mul_") and K.method("mul_") is fn("torch.Tensor.mul_")
    assert not K.is_tensor_method("no_such_method")


# ------------------------------------------------------------------------ saves
@pytest.mark.parametrize("name", ["torch.sigmoid", "torch.Tensor.sigmoid", "torch.tanh",
                                  "torch.exp", "torch.Tensor.exp"])
def test_saves_result(name):
    assert "result" in fn(name)["saves"]


def test_saves_inputs():
    assert {"self", "other"} <= set(fn("torch.Tensor.mul")["saves"])
    assert {"input", "result"} <= set(fn("torch.cumprod")["saves"])
    assert "result" in fn("torch.nn.functional.relu")["saves"]
    assert {"input", "weight"} <= set(fn("torch.nn.functional.linear")["saves"])


def test_saves_nothing():
    # dropout saves its mask, never its input or output
    assert not {"input", "result"} & set(fn("torch.nn.functional.dropout")["saves"])
    # interpolate never saves its output.  It does save its input, but only for
    # mode="area" (adaptive_avg_pool); nearest/bilinear/bicubic save nothing.
    interp = fn("torch.nn.functional.interpolate")
    assert "result" not in interp["saves"]
    assert "input" not in interp["saves"] or "input" in interp.get("saves_sometimes", [])
    assert fn("torch.Tensor.add")["saves"] == []


# -------------------------------------------------------------- conditional saves
@pytest.mark.parametrize("name,a", [("torch.mul", "input"), ("torch.Tensor.mul", "self")])
def test_saved_for_mul(name, a):
    # each factor is kept for the *other* factor's gradient
    sf = fn(name)["saved_for"]
    assert sf["other"] == [a]
    assert sf[a] == ["other"]


def test_saved_for_div():
    sf = fn("torch.div")["saved_for"]
    assert sf["input"] == ["other"]  # x / y keeps x only for y's gradient
    assert "input" in sf["other"]


def test_saved_for_pow():
    sf = fn("torch.pow")["saved_for"]
    assert "exponent" in sf["result"]  # pow(x, y) keeps its result for y's gradient
    assert "exponent" in sf["input"]   # ... and x
    assert "result" not in fn("torch.pow").get("saves_sometimes", [])
    # Not "result only for exponent": torch 2.13 also keeps the result of pow(x, y)
    # (tensor y) when only x requires grad -- bumping the result then breaks
    # backward, so the experiment lists "input" for "result" too.  pow(x, 2) keeps
    # no result at all, but op_db's pow samples all pass a tensor exponent.


@pytest.mark.parametrize("name", ["torch.nn.functional.softmax", "torch.nn.functional.log_softmax",
                                  "torch.nn.functional.softmin", "torch.nn.functional.sigmoid",
                                  "torch.nn.functional.tanh", "torch.special.expit"])
def test_aliases_save_result(name):
    e = fn(name)
    assert e["saves_source"] == "experiment"
    assert "result" in e["saves"]
    assert e["saved_for"]["result"] == ["input"]


@pytest.mark.parametrize("name", [
    "torch.nn.functional.gumbel_softmax", "torch.nn.functional.dropout1d", "torch.nn.functional.selu_",
    "torch.nn.functional.rrelu_", "torch.nn.functional.upsample", "torch.nn.functional.lp_pool1d",
    "torch.nn.functional.lp_pool2d", "torch.nn.functional.fold", "torch.nn.functional.affine_grid",
    "torch.nn.functional.max_pool2d_with_indices", "torch.nn.functional.adaptive_max_pool2d_with_indices",
    "torch.Tensor.det", "torch.Tensor.inverse", "torch.Tensor.matrix_power", "torch.Tensor.prelu",
    "torch.Tensor.floor_divide", "torch.Tensor.slogdet", "torch.Tensor.heaviside",
    "torch.Tensor.bitwise_and", "torch.Tensor.bitwise_xor"])
def test_former_holes_measured(name):
    assert fn(name)["saves_source"] == "experiment"


def test_former_holes_facts():
    assert "result" in fn("torch.nn.functional.gumbel_softmax")["saves"]
    assert fn("torch.nn.functional.selu_")["saves"] == ["result"]
    assert {"self", "result"} <= set(fn("torch.Tensor.det")["saves"])
    assert "result" in fn("torch.Tensor.inverse")["saves"]
    assert {"self", "weight"} <= set(fn("torch.Tensor.prelu")["saves"])
    # (output, indices): the indices are kept, the pooled output is not
    mpi = fn("torch.nn.functional.max_pool2d_with_indices")["saves"]
    assert {"input", "result1"} <= set(mpi) and "result" not in mpi
    for name in ("bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_not"):
        assert fn("torch.Tensor." + name)["differentiable"] is False, name


# ------------------------------------------------------------ multi-output ops
def test_max_pool2d_does_not_save_its_output():
    # F.max_pool2d keeps its input and (internally) the indices, never the pooled
    # output: g = F.max_pool2d(h, 2, 2); F.relu(g, inplace=True) is fine
    e = fn("torch.nn.functional.max_pool2d")
    assert e["params"] == ["input", "kernel_size", "stride", "padding", "dilation",
                           "ceil_mode", "return_indices"]
    assert e["saves_source"] == "experiment"
    assert "input" in e["saves"] and "result" not in e["saves"]
    for d in (1, 3):
        assert "result" not in fn(f"torch.nn.functional.max_pool{d}d")["saves"], d


def test_max_pool2d_experiment():
    # what the test above pins, checked against the installed torch
    x = torch.rand(1, 2, 4, 4, dtype=torch.float64, requires_grad=True)
    g = torch.nn.functional.max_pool2d(x * 2, 2, 2)
    torch.nn.functional.relu(g, inplace=True)
    g.sum().backward()


@pytest.mark.parametrize("name", ["torch.max", "torch.Tensor.max", "torch.sort", "torch.Tensor.sort",
                                  "torch.topk", "torch.Tensor.topk", "torch.kthvalue", "torch.mode"])
def test_multi_output_saves_named_per_output(name):
    # (values, indices): the backward keeps the indices, "result1"
    assert "result1" in fn(name)["saves"]


@pytest.mark.parametrize("name", ["torch.sort", "torch.Tensor.sort", "torch.topk", "torch.Tensor.topk",
                                  "torch.kthvalue", "torch.mode"])
def test_multi_output_values_not_saved(name):
    # every overload returns (values, indices) and only the indices are kept
    assert "result" not in fn(name)["saves"]


def test_max_overloads():
    # torch.max(x) keeps its (single) result, torch.max(x, dim) its indices
    e = fn("torch.max")
    assert {"result", "result1"} <= set(e["saves"])


def test_single_output_still_result():
    assert "result" in fn("torch.nn.functional.relu")["saves"]
    assert "result" in fn("torch.sigmoid")["saves"]
    assert "result" in mod("ReLU")["saves"]


def test_max_pool_modules_do_not_save_result():
    for d in (1, 2, 3):
        e = mod(f"MaxPool{d}d")
        assert "result" not in e["saves"], d
        assert "input" in e["saves"], d


def test_module_outputs_named_per_output():
    # outputs are "result", "result1" ... in the order returned (flattened: LSTM's
    # output, h, c); no module saves an output under another spelling
    for name, e in K.modules.items():
        outs = [s for s in e["saves"] if s.startswith("result")]
        assert all(OUTPUT_NAME.fullmatch(s) for s in outs), (name, outs)
    # LSTM/GRU keep their inputs and weights, not h/c; LSTM's float32 kernels (oneDNN on
    # CPU, as cuDNN's) keep its output too, which the float64 run alone did not show
    for name in ("LSTM", "GRU"):
        outs = [s for s in mod(name)["saves"] if OUTPUT_NAME.fullmatch(s)]
        assert outs == (["result"] if name == "LSTM" else []), name
        assert "input" in mod(name)["saves"], name


def test_lstm_output_kept_in_float32():
    lstm = torch.nn.LSTM(3, 4)
    out, (h, c) = lstm(torch.randn(5, 2, 3))
    out.mul_(2)  # noqa: IPL001 (the hazard under test)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        out.sum().backward()


def test_saved_for_well_formed():
    for name, e in K.functions.items():
        params = set(e["params"])
        for saved, need in e.get("saved_for", {}).items():
            assert saved in e["saves"], name
            assert need and set(need) <= params and need == sorted(need), name
        some = e.get("saves_sometimes", [])
        assert set(some) <= set(e["saves"]) and some == sorted(some), name


@pytest.mark.parametrize("name", ["torch.nn.functional.Optional", "torch.nn.functional.boolean_dispatch",
                                  "torch.nn.functional.handle_torch_function",
                                  "torch.nn.functional.assert_int_or_pair", "torch.manual_seed"])
def test_no_junk(name):
    assert K.function(name) is None


def test_inplace_saves():
    # relu_/sigmoid_ save their output (= self after the op)
    assert "result" in fn("torch.Tensor.relu_")["saves"]
    assert "result" in fn("torch.Tensor.sigmoid_")["saves"]
    # mul_ saves other; the original self is cloned by autograd, so mutating self
    # after mul_ is fine
    assert "other" in fn("torch.Tensor.mul_")["saves"]
    assert "self" not in fn("torch.Tensor.mul_")["saves"]


# ------------------------------------------------------------------------ views
@pytest.mark.parametrize("name", ["view", "transpose", "permute", "select", "narrow", "expand",
                                  "squeeze", "unsqueeze", "t", "detach", "__getitem__"])
def test_single_views(name):
    assert fn("torch.Tensor." + name)["view"] == "single"


@pytest.mark.parametrize("name", ["unbind", "split", "chunk", "split_with_sizes", "__iter__"])
def test_multi_views(name):
    assert fn("torch.Tensor." + name)["view"] == "multi"


@pytest.mark.parametrize("name", ["tensor_split", "hsplit", "vsplit", "dsplit"])
def test_list_of_plain_views(name):
    """Slices returned as a list: each may be written in place (torch raises the
    multi-output-view error only for split/chunk/unbind)."""
    assert fn("torch.Tensor." + name)["view"] == "each"
    assert fn("torch." + name)["view"] == "each"


def test_multi_view_functions():
    for name in ("torch.unbind", "torch.split", "torch.chunk"):
        assert fn(name)["view"] == "multi", name


def test_maybe_copy_and_alias():
    assert fn("torch.Tensor.reshape")["view"] == "single"
    assert fn("torch.Tensor.reshape").get("view_maybe_copy")
    assert fn("torch.Tensor.__getitem__").get("view_maybe_copy")  # advanced indexing copies
    assert not fn("torch.Tensor.view").get("view_maybe_copy")
    for name in ("to", "float", "double", "half", "type", "contiguous", "cpu", "type_as"):
        assert fn("torch.Tensor." + name)["maybe_alias"], name
        assert fn("torch.Tensor." + name)["view"] is None, name
    assert not fn("torch.Tensor.clone")["maybe_alias"]
    assert not fn("torch.Tensor.view")["maybe_alias"]


# ---------------------------------------------------------------------- inplace
@pytest.mark.parametrize("name", ["add_", "mul_", "clamp_", "zero_", "fill_", "copy_", "masked_fill_",
                                  "index_put_", "scatter_", "relu_", "t_", "transpose_", "squeeze_",
                                  "unsqueeze_", "as_strided_", "resize_"])
def test_inplace(name):
    assert fn("torch.Tensor." + name)["inplace"]


def test_inplace_functions():
    assert fn("torch.relu_")["inplace"]
    assert fn("torch.nn.functional.relu_")["inplace"]
    assert not fn("torch.relu")["inplace"]
    assert not fn("torch.Tensor.add")["inplace"]


@pytest.mark.parametrize("name", ["requires_grad_", "detach_", "share_memory_", "retain_grad",
                                  "register_hook"])
def test_harmless(name):
    e = fn("torch.Tensor." + name)
    assert not e["inplace"] and e.get("harmless")


# --------------------------------------------------------------- differentiable
def test_differentiable():
    for name in ("torch.argmax", "torch.eq", "torch.gt", "torch.lt", "torch.isnan", "torch.nonzero",
                 "torch.Tensor.size", "torch.Tensor.detach", "torch.Tensor.long", "torch.Tensor.bool"):
        assert fn(name)["differentiable"] is False, name
    for name in ("torch.sigmoid", "torch.Tensor.mul", "torch.nn.functional.linear"):
        assert fn(name)["differentiable"] is True, name


# ---------------------------------------------------------------------- modules
REQUIRED_MODULES = """Linear Bilinear LazyLinear Conv1d Conv2d Conv3d ConvTranspose1d ConvTranspose2d
ConvTranspose3d BatchNorm1d BatchNorm2d BatchNorm3d SyncBatchNorm LayerNorm GroupNorm InstanceNorm1d
InstanceNorm2d InstanceNorm3d RMSNorm LocalResponseNorm Embedding EmbeddingBag ReLU ReLU6 LeakyReLU
PReLU ELU SELU CELU GELU SiLU Mish Hardswish Hardsigmoid Hardtanh Sigmoid Tanh Softmax LogSoftmax
Softmin Softplus Softsign Tanhshrink Threshold GLU Dropout Dropout1d Dropout2d Dropout3d AlphaDropout
FeatureAlphaDropout MaxPool1d MaxPool2d MaxPool3d AvgPool1d AvgPool2d AvgPool3d AdaptiveAvgPool1d
AdaptiveAvgPool2d AdaptiveAvgPool3d AdaptiveMaxPool1d AdaptiveMaxPool2d AdaptiveMaxPool3d Flatten
Unflatten Identity Upsample UpsamplingNearest2d UpsamplingBilinear2d PixelShuffle MultiheadAttention
LSTM GRU RNN LSTMCell GRUCell RNNCell TransformerEncoderLayer TransformerDecoderLayer ZeroPad2d
ConstantPad1d ConstantPad2d ConstantPad3d ReflectionPad1d ReflectionPad2d ReflectionPad3d
ReplicationPad1d ReplicationPad2d ReplicationPad3d CrossEntropyLoss MSELoss L1Loss BCELoss
BCEWithLogitsLoss NLLLoss KLDivLoss SmoothL1Loss HuberLoss CosineSimilarity PairwiseDistance""".split()


@pytest.mark.parametrize("name", REQUIRED_MODULES)
def test_module_covered(name):
    assert mod(name)["saves_source"] == "experiment"


def test_module_saves():
    assert {"input", "weight"} <= set(mod("Linear")["saves"])
    assert {"input", "weight"} <= set(mod("Conv2d")["saves"])
    for name in ("ReLU", "Sigmoid", "Tanh", "Softmax"):
        assert "result" in mod(name)["saves"], name
    assert "input" in mod("BatchNorm2d")["saves"]
    assert "input" in mod("LayerNorm")["saves"]
    assert not {"input", "result"} & set(mod("Dropout")["saves"])
    # Embedding saves its (integer) indices, never its weight
    assert mod("Embedding")["saves"] == ["input"]


def test_module_params_and_kw():
    assert mod("Linear")["params"] == ["weight", "bias"]
    assert mod("ReLU")["params"] == []
    for name in ("ReLU", "LeakyReLU", "Dropout", "ELU", "Hardtanh", "ReLU6", "SiLU"):
        assert mod(name)["inplace_kw"], name
    assert not mod("Linear")["inplace_kw"]


@pytest.mark.parametrize("name", ["RNN", "GRU", "LSTM", "RNNCell", "GRUCell", "LSTMCell"])
def test_recurrent_module_params_come_from_torch(name):
    # every parameter torch builds for the module, with bias, both directions and
    # two layers (LSTM's module_db samples that ran first all had bias=False)
    cls = getattr(torch.nn, name)
    kw = {} if name.endswith("Cell") else {"num_layers": 2, "bidirectional": True}
    built = {n for n, _ in cls(3, 2, bias=True, **kw).named_parameters()}
    assert built <= set(mod(name)["params"])


def test_module_init_params():
    assert mod("ReLU")["init_params"] == ["inplace"]
    assert mod("LeakyReLU")["init_params"] == ["negative_slope", "inplace"]
    assert mod("Dropout")["init_params"] == ["p", "inplace"]
    assert mod("Linear")["init_params"][:3] == ["in_features", "out_features", "bias"]


def test_module_saves_inplace():
    assert mod("ReLU")["saves_inplace"] == ["result"]
    assert mod("LeakyReLU")["saves_inplace"] == ["result"]
    assert mod("Hardswish")["saves_inplace"] == []  # keeps a copy of its input
    assert mod("Dropout")["saves_inplace"] == []    # keeps its mask only
    for name, e in K.modules.items():
        if "saves_inplace" in e:
            assert e["inplace_kw"] and e["saves_inplace"] in ([], ["result"]), name


def test_module_views():
    assert mod("Flatten")["view"] == "single"
    assert mod("Identity")["view"] == "identity"
    assert mod("Linear")["view"] is None


# ------------------------------------------------------------- regeneration
def _generator():
    path = os.path.join(ROOT, "tools", "gen_knowledge.py")
    spec = importlib.util.spec_from_file_location("gen_knowledge", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.lru_cache(maxsize=1)
def _static():
    gen = _generator()
    callables = gen.public_callables()
    return gen, callables, gen.build_static(callables)


def test_static_part_regenerates():
    """params and derivatives.yaml-sourced saves re-derive identically from the installed
    torch (the experiments are too slow for CI; run ``tools/gen_knowledge.py --check``)."""
    gen, _, facts = _static()
    for name, entry in K.functions.items():
        assert name in facts, name
        static = gen.finalize(facts[name])
        assert entry["params"] == static["params"], name
        assert entry.get("keywords") == static.get("keywords"), name
        if entry["saves_source"] == "derivatives.yaml":
            assert entry["saves"] == static["saves"], name


# ------------------------------------------------- fixtures, labelled by torch
KNOWLEDGE_FIXTURES = sorted((pathlib.Path(ROOT) / "tests" / "fixtures" / "static").glob("knowledge_*.py"))
TORCH_MESSAGE = {  # what torch raises for each error code the knowledge fixtures use
    "IPL001": "modified by an inplace operation",
    "IPL002": "a leaf Variable that requires grad",
    "IPL006": "out=... arguments don't support automatic differentiation",
}


def _fixture_cases():
    for path in KNOWLEDGE_FIXTURES:
        text = path.read_text()
        lines = text.splitlines()
        for node in ast.parse(text).body:
            if isinstance(node, ast.FunctionDef):
                body = lines[node.lineno - 1:node.end_lineno]
                labels = re.findall(r"#\s*expect:\s*(IPL\d+):(error|warning)", "\n".join(body))
                yield pytest.param(path, node.name, labels, id=f"{path.stem}.{node.name}")


@pytest.mark.parametrize("path,func,labels", list(_fixture_cases()))
def test_knowledge_fixture_labels_hold_under_torch(path, func, labels):
    """Each knowledge fixture function is run: one with an error label must raise
    torch's error for that rule, one without labels must run cleanly (a warning
    is a "may": either outcome is allowed)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    errors = [code for code, sev in labels if sev == "error"]
    torch.manual_seed(0)
    if errors:
        with pytest.raises(RuntimeError) as info:
            getattr(module, func)()
        assert any(TORCH_MESSAGE[c] in str(info.value) for c in errors), str(info.value)
    elif not labels:
        getattr(module, func)()


# ----------------------------------------------------------- overload-aware saves
def _saved(make, pick):
    """Run ``inp, out = make()``, bump the version of ``pick(inp, out)`` and backprop:
    did autograd complain that a saved tensor was modified?"""
    inp, out = make()
    torch.autograd.graph.increment_version(pick(inp, out))
    loss = out[0] if isinstance(out, tuple) else out
    try:
        loss.sum().backward()
    except RuntimeError as e:
        assert "modified by an inplace operation" in str(e)
        return True
    return False


def _fresh(op):
    """A non-leaf input that requires grad, and op applied to it."""
    def make():
        x = torch.rand(3, 4, dtype=torch.float64).add(0.5).requires_grad_()
        h = x * 1
        return h, op(h)
    return make


def test_pow_overloads_by_experiment():
    y = torch.rand(3, 4, dtype=torch.float64, requires_grad=True)
    assert not _saved(_fresh(lambda h: h.pow(-0.5)), lambda h, o: o)   # Scalar exponent: no result kept
    assert _saved(_fresh(lambda h: h.pow(-0.5)), lambda h, o: h)       # ... but its base
    assert _saved(_fresh(lambda h: h.pow(y)), lambda h, o: o)          # Tensor exponent: result kept
    for name in ("torch.pow", "torch.Tensor.pow"):
        e = fn(name)
        scalar = [o for o in e["overloads"] if o.get("numbers") == ["exponent"]]
        assert scalar and "result" not in scalar[0]["saves"] and "result" in e["saves"], name


def test_max_dim_saves_only_indices():
    # max over a dim keeps its indices, not its input or its values
    assert not _saved(_fresh(lambda h: torch.max(h, 1)), lambda h, o: h)
    assert not _saved(_fresh(lambda h: torch.max(h, 1)), lambda h, o: o[0])
    assert _saved(_fresh(lambda h: torch.max(h, 1)), lambda h, o: o[1])
    assert _saved(_fresh(lambda h: torch.max(h)), lambda h, o: o)      # max(x) keeps its result
    for name in ("torch.max", "torch.Tensor.max"):
        dim = [o for o in fn(name)["overloads"] if o.get("numbers") == ["dim"]]
        assert dim and dim[0]["saves"] == ["result1"], name


def test_overload_entries_are_well_formed():
    seen = {"numbers": 0, "tensors": 0, "string": 0}
    for name, e in K.functions.items():
        by_string = {}
        for o in e.get("overloads", ()):
            kind, = set(o) - {"saves", "ints"}
            seen[kind] += 1
            if kind == "string":  # one entry per value of a parameter that matters
                param, value = o[kind]
                assert param in e["params"] and isinstance(value, str), name
                assert set(o["saves"]) <= set(e["saves"]), name
                by_string.setdefault(param, set()).add(frozenset(o["saves"]))
                continue
            assert o[kind] and all(n in e["params"] for n in o[kind]), name
            assert set(o["saves"]) < set(e["saves"]), name  # only listed when it saves less
        for param, kept in by_string.items():
            assert len(kept) >= 2, name  # some value keeps less than another
        assert set(e.get("string_defaults", {})) <= set(by_string), name
        for k, slot in e.get("keywords", {}).items():
            assert k not in e["params"] and slot in e["params"][1:], name
    assert seen["numbers"] >= 10 and seen["tensors"] >= 4 and seen["string"] >= 8


def test_binary_min_max_overloads_by_experiment():
    # min/max of two tensors (minimum/maximum) keep both inputs, not their result;
    # the reduction min(x) keeps its result
    y = torch.rand(3, 4, dtype=torch.float64, requires_grad=True)
    for op in (torch.min, torch.max, torch.Tensor.min, torch.Tensor.max):
        assert not _saved(_fresh(lambda h: op(h, y * 1)), lambda h, o: o)
        assert _saved(_fresh(lambda h: op(h, y * 1)), lambda h, o: h)
        assert _saved(_fresh(lambda h: op(y * 1, h)), lambda h, o: h)
        assert not _saved(_fresh(lambda h: op(h, other=y * 1)), lambda h, o: o)
        assert _saved(_fresh(lambda h: op(h)), lambda h, o: o)
    for name in ("torch.min", "torch.max", "torch.Tensor.min", "torch.Tensor.max"):
        e = fn(name)
        first = e["params"][0]
        binary = [o for o in e["overloads"] if o.get("tensors") == sorted(["dim", first])]
        assert binary and binary[0]["saves"] == sorted(["dim", first]), name
        assert e["keywords"] == {"other": "dim"}, name
        dim = [o for o in e["overloads"] if o.get("numbers") == ["dim"]]
        assert dim and dim[0].get("ints"), name  # only an int is a dim
    # a Scalar slot also takes floats: no "ints"
    assert not any(o.get("ints") for o in fn("torch.pow")["overloads"])
    with pytest.raises(TypeError):
        torch.min(torch.ones(2), 1.0)   # a float is no dim, and min has no Scalar overload


def test_overloads_rederive_for_a_sample():
    """pow and max re-run through the generator's own experiments give the same
    overloads as the shipped file."""
    gen, callables, facts = _static()
    obs = gen.opinfo_experiments(callables, facts, only={"pow", "max", "min"})
    for name in ("torch.pow", "torch.Tensor.pow", "torch.max", "torch.min", "torch.Tensor.min"):
        fresh = gen.finalize(gen.merge(facts[name], obs[name], [], name))
        assert fresh.get("overloads") == fn(name).get("overloads"), name
        assert fresh["saves"] == fn(name)["saves"], name


def test_engine_picks_the_overload():
    from inplace_lint.engine.call_facts import overload_saves
    from inplace_lint.engine.values import Const, Tensor

    spec = fn("torch.pow")
    x = Tensor(rg=True, kind="fresh")
    assert overload_saves(spec, {"input": x, "exponent": Const(2)}) == (["input"], set())
    saves, unsure = overload_saves(spec, {"input": x, "exponent": Tensor(kind="fresh")})
    assert "result" in saves and not unsure
    saves, unsure = overload_saves(spec, {"input": x, "exponent": Tensor(kind="arg")})
    assert "result" in saves and "result" in unsure  # may be a number: a possible save


def test_engine_picks_the_tensor_overload():
    from inplace_lint.engine.call_facts import bind_keyword, overload_saves
    from inplace_lint.engine.values import Const, Tensor

    spec = fn("torch.min")
    x = Tensor(rg=True, kind="fresh")
    saves, unsure = overload_saves(spec, {"input": x, "dim": Tensor(kind="fresh")})
    assert sorted(saves) == ["dim", "input"] and not unsure           # minimum: no result kept
    assert overload_saves(spec, {"input": x, "dim": Const(1)}) == (["result1"], set())
    saves, unsure = overload_saves(spec, {"input": x})
    assert "result" in saves and "result" not in unsure               # min(x) keeps its result
    saves, unsure = overload_saves(spec, {"input": x, "dim": Tensor(kind="arg")})
    assert "result" in saves and "result" in unsure                   # a dim or a tensor: maybe
    # floating arithmetic on something of unknown kind (9.0 - k) is no int: not a dim
    saves, unsure = overload_saves(spec, {"input": x, "dim": Tensor(kind="opaque", dtype="float")})
    assert sorted(saves) == ["dim", "input"] and not unsure
    assert overload_saves(spec, {"input": x, "dim": Const(1.5)})[0] == spec["saves"]  # no overload fits
    assert bind_keyword(spec, "other") == "dim" and bind_keyword(spec, "keepdim") == "keepdim"
    # exactly the listed tensors: another tensor argument picks another overload
    spec = fn("torch.cov")
    tensors = [o for o in spec.get("overloads", ()) if "tensors" in o]
    assert tensors and overload_saves(spec, {"input": x})[0] == tensors[0]["saves"]
    assert "input" in overload_saves(spec, {"input": x, "aweights": Tensor(kind="fresh")})[0]


# ------------------------------------------------------------------ int outputs
@pytest.mark.parametrize("name,out,call", [
    ("torch.argmax", "result", lambda x: torch.argmax(x)),
    ("torch.max", "result1", lambda x: torch.max(x, 0)[1]),
    ("torch.sort", "result1", lambda x: torch.sort(x)[1]),
    ("torch.topk", "result1", lambda x: torch.topk(x, 2)[1]),
    ("torch.eq", "result", lambda x: torch.eq(x, x)),
    ("torch.nonzero", "result", lambda x: torch.nonzero(x)),
    ("torch.Tensor.long", "result", lambda x: x.long()),
])
def test_int_outputs(name, out, call):
    x = torch.rand(5, dtype=torch.float64)
    t = call(x)
    assert not (t.is_floating_point() or t.is_complex())
    assert out in fn(name).get("int_outputs", []), name
    assert "int_outputs" not in fn("torch.sigmoid")
    assert "result" not in fn("torch.max").get("int_outputs", [])  # max(x) is a float


# ---------------------------------------------------------------- tuple outputs
TUPLE_CALLS = [  # name, a call returning the tuple, on a float64 matrix
    ("torch.std_mean", lambda x: torch.std_mean(x, dim=1)),
    ("torch.var_mean", lambda x: torch.var_mean(x, dim=1)),
    ("torch.aminmax", lambda x: torch.aminmax(x, dim=1)),
    ("torch.sort", lambda x: torch.sort(x, dim=1)),
    ("torch.Tensor.sort", lambda x: x.sort(dim=1)),
    ("torch.max", lambda x: torch.max(x, 1)),
    ("torch.Tensor.max", lambda x: x.max(dim=1)),
    ("torch.topk", lambda x: torch.topk(x, 2)),
    ("torch.linalg.slogdet", lambda x: torch.linalg.slogdet(x[:, :3] + torch.eye(3, dtype=x.dtype))),
    ("torch.linalg.eigh", lambda x: torch.linalg.eigh(x[:, :3] @ x[:, :3].mT)),
]


@pytest.mark.parametrize("name,call", TUPLE_CALLS)
def test_tuple_outputs_and_which_are_saved(name, call):
    """"outputs" is the tuple's length, "output_fields" its named fields, and each float part
    is saved exactly when "saves" names it (std_mean keeps its std, not its mean)."""
    e = fn(name)
    make = _fresh(call)
    _, out = make()
    assert isinstance(out, tuple) and e["outputs"] == len(out), name
    assert e.get("output_fields") == list(getattr(out, "__match_args__", None) or []) or \
        ("output_fields" not in e and not hasattr(out, "__match_args__")), name
    saves = e["saves"]
    if "outputs_when" in e:  # the overload with a dim: max(x, 1) keeps its indices only
        from inplace_lint.engine.call_facts import overload_saves
        from inplace_lint.engine.values import Const, Tensor
        saves, _ = overload_saves(e, {e["params"][0]: Tensor(kind="fresh"), "dim": Const(1)})
    for j, part in enumerate(out):
        label = "result" if j == 0 else f"result{j}"
        assert _part_saved(make, j) == (label in saves), (name, label)


def _part_saved(make, j):
    """Bump the version of part j of the tuple, backprop through every part that requires grad."""
    _, out = make()
    torch.autograd.graph.increment_version(out[j])
    try:
        sum(o.sum() for o in out if o.requires_grad).backward()
    except RuntimeError as e:
        assert "modified by an inplace operation" in str(e)
        return True
    return False


def test_tuple_outputs_only_when_a_parameter_picks_them():
    x = torch.rand(3, 4)
    assert isinstance(torch.max(x), torch.Tensor) and isinstance(torch.max(x, x), torch.Tensor)
    assert fn("torch.max")["outputs_when"] == fn("torch.Tensor.max")["outputs_when"] == ["dim"]
    F = torch.nn.functional
    assert isinstance(F.max_pool2d(x[None], 2), torch.Tensor)
    assert len(F.max_pool2d(x[None], 2, return_indices=True)) == fn("torch.nn.functional.max_pool2d")["outputs"]
    assert fn("torch.nn.functional.max_pool2d")["outputs_when"] == ["return_indices"]
    assert "outputs_when" not in fn("torch.std_mean")
    for name in ("torch.split", "torch.unbind", "torch.sigmoid"):  # tuples of views; one tensor
        assert "outputs" not in fn(name), name


def test_tuple_outputs_rederive_for_a_sample():
    gen, callables, facts = _static()
    obs = gen.opinfo_experiments(callables, facts, only={"std_mean", "max"})
    for name in ("torch.std_mean", "torch.max"):
        fresh = gen.finalize(gen.merge(facts[name], obs[name], [], name))
        for key in ("outputs", "outputs_when", "output_fields"):
            assert fresh.get(key) == fn(name).get(key), (name, key)


# -------------------------------------------------------------------- aliases
ALIAS_CHECK = """
import json, sys
import torch

def walk(path):  # a loaded module, else an attribute of what precedes it
    if path in sys.modules:
        return sys.modules[path]
    head, attr = path.rsplit(".", 1)
    return getattr(walk(head), attr)

aliases = json.load(open(sys.argv[1]))["aliases"]
bad = [p for p, t in aliases.items() if walk(p) is not walk(t)]
print(len(aliases), bad)
sys.exit(1 if bad or len(aliases) < 100 else 0)
"""


def test_aliases_name_the_same_object():
    """Every re-export in the file is, in a freshly imported torch, the object its
    target is (a fresh interpreter: torch's test utilities patch some functions)."""
    proc = subprocess.run([sys.executable, "-c", ALIAS_CHECK, DATA_FILE], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_alias_examples():
    assert K.resolve("torch.functional.F") == "torch.nn.functional"
    assert K.resolve("torch.functional.F.relu_") == "torch.nn.functional.relu_"
    assert K.resolve("torch.nn.modules.activation.ReLU") == "torch.nn.ReLU"
    assert K.resolve("torch.autograd.variable.Variable") == "torch.autograd.Variable"
    assert K.resolve("torch.nn.functional.relu") == "torch.nn.functional.relu"
    assert K.resolve("numpy.add") == "numpy.add"


def test_engine_names_survive_resolution():
    """Names the engine matches literally stay names it matches after resolve()."""
    from inplace_lint.engine import torch_semantics as ts

    for table in (ts.NO_GRAD_CTX, ts.HOOK_CTX, ts.MODULE_CONTAINERS, ts.PARAM_CLASSES, ts.BACKWARD_FUNCS):
        for name in table:
            assert K.resolve(name) in table, name


# ------------------------------------------------------------------- wrappers
def test_wrappers_rederive():
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    try:
        from knowledge_gen.wrappers import module_functions, wrapper_facts
    finally:
        sys.path.pop(0)
    assert wrapper_facts() == K.wrappers
    assert module_functions() == K.module_functions


def test_spectral_norm_returns_its_module_whose_weight_requires_grad():
    m = torch.nn.Linear(3, 3)
    assert torch.nn.utils.parametrizations.spectral_norm(m) is m
    assert m.weight.requires_grad and not m.weight.is_leaf
    for name in ("torch.nn.utils.parametrizations.spectral_norm", "torch.nn.utils.weight_norm",
                 "torch.nn.utils.prune.l1_unstructured"):
        assert K.module_function(name) == {"module": 0}
    assert K.module_function("torch.nn.utils.clip_grad_norm_") is None


def test_absent_params_measured():
    assert torch.nn.Linear(3, 3, bias=False).bias is None and torch.nn.InstanceNorm2d(4).weight is None
    assert mod("Linear")["absent_when"] == {"bias": {"bias": False}}
    assert mod("InstanceNorm2d")["absent_when"]["weight"] == {"affine": False}
    assert mod("InstanceNorm2d")["flag_defaults"]["affine"] is False
    assert mod("LayerNorm")["absent_when"]["weight"] == {"elementwise_affine": False}
    assert "absent_when" not in mod("ReLU")
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    try:
        from knowledge_gen.modules import absent_params
    finally:
        sys.path.pop(0)
    assert absent_params(torch.nn.Conv2d, [((2, 4, 3), {})]) == mod("Conv2d")["absent_when"]


def test_variable_is_a_new_leaf_sharing_the_version_counter():
    from torch.autograd import Variable

    t = torch.ones(3)
    v = Variable(t, requires_grad=True)
    t.add_(1)
    assert v.is_leaf and v.requires_grad and v._version == t._version == 1
    w = K.wrapper("torch.autograd.Variable")
    assert w["leaf"] and w["requires_grad"] is False and w["shares_version"]


# --------------------------------------------------------------------- writes
def test_embedding_max_norm_writes_weight():
    w = torch.randn(10, 3, dtype=torch.float64)
    v = w._version
    torch.nn.functional.embedding(torch.tensor([1, 2]), w, max_norm=1.0)
    assert w._version > v
    v = w._version
    torch.nn.functional.embedding(torch.tensor([1, 2]), w)
    assert w._version == v
    assert fn("torch.nn.functional.embedding")["writes"] == {"weight": {"when": ["max_norm"]}}
    emb = torch.nn.Embedding(10, 3, max_norm=1.0)
    v = emb.weight._version
    emb(torch.tensor([1, 2]))
    assert emb.weight._version > v
    assert mod("Embedding")["forward_writes"]["weight"]["when"] == ["max_norm"]


def test_batchnorm_counts_batches_in_training_only():
    bn = torch.nn.BatchNorm1d(3)
    v = bn.num_batches_tracked._version
    bn.eval()(torch.rand(4, 3))
    assert bn.num_batches_tracked._version == v
    bn.train()(torch.rand(4, 3))
    assert bn.num_batches_tracked._version > v
    fw = mod("BatchNorm1d")["forward_writes"]["num_batches_tracked"]
    assert fw["train_only"] is True


def test_out_checks_the_out_tensor_itself():
    # the out= error is raised when only out requires grad: the engine counts it
    c = torch.zeros(3, requires_grad=True)
    with pytest.raises(RuntimeError, match="out="):
        torch.add(torch.ones(3), 1, out=c)  # noqa: IPL006  (the error under test)


def test_string_argument_overloads_by_experiment():
    # F.pad keeps its input for the reflect/replicate modes only; interpolate for "area"
    def pad(mode):
        return lambda h: torch.nn.functional.pad(h.view(1, 3, 4), (1, 1), mode=mode)

    for mode, keeps in (("constant", False), ("circular", False), ("reflect", True), ("replicate", True)):
        assert _saved(_fresh(pad(mode)), lambda h, o: h) == keeps, mode
        entry = [o for o in fn("torch.nn.functional.pad")["overloads"] if o.get("string") == ["mode", mode]]
        assert entry and (entry[0]["saves"] == ["input"]) == keeps, mode
    assert fn("torch.nn.functional.pad")["string_defaults"] == {"mode": "constant"}
    assert not _saved(_fresh(lambda h: torch.nn.functional.pad(h, (1, 1))), lambda h, o: h)  # the default
    area = [o for o in fn("torch.nn.functional.interpolate")["overloads"] if o.get("string") == ["mode", "area"]]
    assert area and area[0]["saves"] == ["input"]
    assert fn("torch.nn.functional.interpolate")["string_defaults"] == {"mode": "nearest"}


def test_engine_picks_the_string_overload():
    from inplace_lint.engine.call_facts import overload_saves
    from inplace_lint.engine.values import UNKNOWN_CONST, Const, Tensor

    spec = fn("torch.nn.functional.pad")
    x = Tensor(rg=True, kind="fresh")
    assert overload_saves(spec, {"input": x, "pad": Const((1, 1))})[0] == []           # default: constant
    assert overload_saves(spec, {"input": x, "pad": Const((1, 1)), "mode": Const("circular")})[0] == []
    assert overload_saves(spec, {"input": x, "pad": Const((1, 1)), "mode": Const("reflect")})[0] == ["input"]
    assert overload_saves(spec, {"input": x, "pad": Const((1, 1)), "mode": UNKNOWN_CONST})[0] == ["input"]


def test_saves_by_default_for_number_arguments():
    # smooth_l1_loss keeps input and target at its default beta=1.0; OpInfo's beta=0
    # sample keeps nothing, so the plain saves are only "sometimes"
    entry = fn("torch.nn.functional.smooth_l1_loss")
    assert entry["saves_sometimes"] == ["input", "target"]
    assert entry["saves_by_default"] == ["input", "target"]
    target = torch.rand(3, 4, dtype=torch.float64)
    loss = torch.nn.functional.smooth_l1_loss
    assert _saved(_fresh(lambda h: loss(h, target)), lambda h, o: h)
    assert _saved(_fresh(lambda h: loss(h, target, beta=0.5)), lambda h, o: h)
    assert not _saved(_fresh(lambda h: loss(h, target, beta=0.0)), lambda h, o: h)
    # kl_div's samples all pass reduction and log_target: no tensors-only evidence
    assert "saves_by_default" not in fn("torch.nn.functional.kl_div")
    for name, e in K.functions.items():
        assert set(e.get("saves_by_default", ())) <= set(e.get("saves_sometimes", ())), name
        assert e.get("saves_by_default", []) == sorted(e.get("saves_by_default", [])), name


def test_engine_saves_by_default_only_at_defaults():
    from inplace_lint.engine.call_facts import default_certain
    from inplace_lint.engine.values import UNKNOWN_CONST, Const, Tensor

    spec = fn("torch.nn.functional.smooth_l1_loss")
    x, y = Tensor(rg=True, kind="fresh"), Tensor(kind="fresh")
    assert default_certain(spec, {"input": x, "target": y}) == {"input", "target"}
    assert default_certain(spec, {"input": x, "target": Tensor(kind="arg")}) == {"input", "target"}
    assert default_certain(spec, {"input": x, "target": y}, extra=True) == set()   # f(*args)
    for beta in (Const(0.0), Const(1.0), UNKNOWN_CONST, Tensor(kind="arg")):
        assert default_certain(spec, {"input": x, "target": y, "beta": beta}) == set()
    assert default_certain(spec, {"input": x, "target": y, "reduction": Const("sum")}) == set()


def test_saves_by_default_rederives_for_a_sample():
    """smooth_l1_loss and median re-run through the generator's own experiments give the
    shipped saves_by_default; the partial run (--only) reruns every OpInfo that feeds a
    shared observation (torch.max and Tensor.max share one)."""
    gen, callables, facts = _static()
    obs = gen.opinfo_experiments(callables, facts, only={"nn.functional.smooth_l1_loss", "median"})
    for name in ("torch.nn.functional.smooth_l1_loss", "torch.median"):
        fresh = gen.finalize(gen.merge(facts[name], obs[name], [], name))
        assert fresh.get("saves_by_default") == fn(name)["saves_by_default"], name
        assert fresh.get("saves_sometimes") == fn(name)["saves_sometimes"], name
        assert fresh.get("saves_unless") == fn(name).get("saves_unless"), name
    from knowledge_gen.partial import closure
    from torch.testing._internal.common_methods_invocations import op_db

    ops, names = closure(op_db, callables, facts, {"torch.max"})
    assert "max" in ops and {"torch.max", "torch.Tensor.max"} <= names
    assert "min" not in ops


def test_saves_unless_names_the_values_that_keep_nothing():
    """smooth_l1_loss's samples that kept nothing all passed beta=0 (another beta kept
    its input); kl_div keeps its input for target's gradient unless log_target=True.
    max(x, dim) keeps no x for any dim: a left-out parameter is no evidence, so dim is
    no explanation; a repr'd value (a size tuple) never becomes one either."""
    assert fn("torch.nn.functional.smooth_l1_loss")["saves_unless"] == {
        "input": {"beta": [0]}, "target": {"beta": [0]}}
    assert fn("torch.nn.functional.kl_div")["saves_unless"]["input"] == {"log_target": [True]}
    assert "saves_unless" not in fn("torch.max")
    target = torch.rand(3, 4, dtype=torch.float64)
    assert _saved(_fresh(lambda h: torch.nn.functional.smooth_l1_loss(h, target, beta=1 / 9, reduction="none")),
                  lambda h, o: h)
    for name, e in K.functions.items():
        unless = e.get("saves_unless", {})
        assert set(unless) <= set(e.get("saves_sometimes", ())), name
        for reasons in unless.values():
            for values in reasons.values():
                assert all(v is None or isinstance(v, (bool, int, float, str)) for v in values), name


def test_engine_saves_unless_with_known_values():
    from inplace_lint.engine.call_facts import value_certain
    from inplace_lint.engine.values import UNKNOWN_CONST, Const, Tensor

    spec = fn("torch.nn.functional.smooth_l1_loss")
    x, y = Tensor(rg=True, kind="fresh"), Tensor(kind="fresh")
    both = {"input", "target"}
    assert value_certain(spec, {"input": x, "target": y}) == both                      # beta left out
    assert value_certain(spec, {"input": x, "target": y, "beta": Const(1 / 9),
                                "reduction": Const("none")}) == both
    for beta in (Const(0.0), Const(0), UNKNOWN_CONST, Tensor(kind="arg"), Const((1.0,))):
        assert value_certain(spec, {"input": x, "target": y, "beta": beta}) == set(), beta
    assert value_certain(spec, {"input": x, "target": y, "beta": Const(0.5)}, extra=True) == set()


# ------------------------------------------------------------------- autocast copies
def test_autocast_copies_of_linear():
    """Under CPU autocast (bfloat16) linear casts a float32 input and weight and saves the
    copies; its result is bfloat16 (knowledge_gen/autocast.py)."""
    for e in (fn("torch.nn.functional.linear"), mod("Linear")):
        assert e["autocast_copies"] == {"float32": ["input", "weight"]}
        assert e["autocast_result"] == {"float32": "bfloat16"}
    assert fn("torch.matmul")["autocast_copies"] == {"float32": ["input", "other"]}
    # a float32 op: bfloat16 inputs are cast up and the float32 copies saved
    assert fn("torch.nn.functional.mse_loss")["autocast_copies"] == {"bfloat16": ["input", "target"]}
    assert fn("torch.nn.functional.mse_loss")["autocast_result"] == {"bfloat16": "float32"}
    # an op autocast leaves alone saves what it was given, in any dtype
    assert "autocast_copies" not in fn("torch.exp") and "autocast_copies" not in mod("LayerNorm")


def test_autocast_fields_are_well_formed():
    for name, e in list(K.functions.items()) + list(K.modules.items()):
        copies, result = e.get("autocast_copies", {}), e.get("autocast_result", {})
        assert set(copies) | set(result) <= {"float32", "bfloat16"}, name
        for names in copies.values():
            assert names == sorted(names) and names, name
            if name in K.functions:
                assert set(names) <= set(e["params"]), name
        for d, r in result.items():
            assert r in ("float32", "bfloat16", "float16", "float64") and r != d, name


def test_autocast_copy_of_a_linear_weight_under_torch():
    """What the field says, asked of torch directly: the float32 weight written in place
    after an autocast forward breaks nothing; after a float32 forward it does."""
    def run(cast):
        w = torch.randn(3, 4, requires_grad=True)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=cast):
            y = torch.nn.functional.linear(torch.randn(2, 4, requires_grad=True), w)
        with torch.no_grad():
            w.mul_(0.5)  # noqa: IPL001  (the error under test, with enabled=False)
        y.float().sum().backward()
    run(True)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        run(False)


def test_autocast_copies_rederive_for_a_sample():
    gen, callables, facts = _static()
    got = gen.function_autocast(gen, callables, facts, only={"nn.functional.linear", "exp"})
    assert got["torch.nn.functional.linear"] == {
        k: fn("torch.nn.functional.linear")[k] for k in ("autocast_copies", "autocast_result")}
    assert "torch.exp" not in got


def test_varargs_and_fft_entries():
    """einsum keeps each operand for the *other* operands' gradients (a lone one: nothing),
    its tensors after the equation (knowledge_gen/varargs.py).  rfft keeps its real input
    (rfft(x, n=10) a padded copy: sometimes; a call without n surely); irfft nothing."""
    e = fn("torch.einsum")
    assert (e["params"], e["saves"], e["saved_for"]) == (["equation", "*operands"], ["*operands"],
                                                         {"*operands": ["*operands"]})
    assert fn("torch.chain_matmul")["saves"] == ["*matrices"] and fn("torch.block_diag")["saves"] == []
    rfft = fn("torch.fft.rfft")
    assert rfft["saves"] == rfft["saves_sometimes"] == rfft["saves_by_default"] == ["input"]
    assert fn("torch.fft.irfft")["saves"] == [] and fn("torch.fft.fftshift")["view"] is None
    fft = fn("torch.fft.fft")  # keeps a real input, nothing of a complex one (complex_samples)
    assert fft["saves_sometimes"] == ["input"] and "saves_by_default" not in fft


def test_record_stream_rederives_as_no_write():
    """``record_stream`` marks self mutable in its schema but needs a CUDA stream, so no sample
    runs it on a CPU machine; the generator calls it through a no-op CPU kernel and sees that
    autograd leaves the version counter alone (fairchem-core's side-stream outputs): no write.
    An op that runs here is not probed that way (add_ has a CPU kernel of its own)."""
    gen, callables, facts = _static()
    name = "torch.Tensor.record_stream"
    fresh = gen.entry(facts[name], None, [], name)
    assert fresh["inplace"] is False and fresh["harmless"] is True
    assert fn(name)["inplace"] is False and fn(name)["harmless"] is True
    from knowledge_gen.probes import version_kept_without_kernel
    assert version_kept_without_kernel("torch.Tensor.add_") is None


def test_module_alias_when_rederives():
    """nn.Dropout(p=0.0) returns its input tensor itself in training mode, and the generator's
    module experiment finds it (and only for p=0.0: p=1.0 zeroes into a new tensor); a module
    that always makes a new tensor (Linear) gets no entry."""
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    try:
        from knowledge_gen.modules import module_experiments
    finally:
        sys.path.pop(0)
    fresh = module_experiments(only={"Dropout", "Linear"})
    assert fresh["torch.nn.Dropout"]["alias_when"] == {"p": [0.0]} == mod("Dropout")["alias_when"]
    assert "alias_when" not in fresh["torch.nn.Linear"] and "alias_when" not in mod("Linear")
    assert fresh["torch.nn.Linear"]["forward_params"] == ["input"] == mod("Linear")["forward_params"]
    assert mod("LSTMCell")["forward_params"] == ["input", "hx"]


# --------------------------------------------------------------------- layout
LAYOUT_OPS = {  # OpInfo name -> (qualified name, the shipped fact)
    "sigmoid": ("torch.sigmoid", "input"),
    "mul": ("torch.mul", "input"),
    "nn.functional.gelu": ("torch.nn.functional.gelu", "input"),
    "softmax": ("torch.softmax", None),  # copies a transposed input to a contiguous one
    "nn.functional.layer_norm": ("torch.nn.functional.layer_norm", None),
    "sum": ("torch.sum", None),  # a reduction
    # keeps q's layout for some dimensions only (4-D, not the last one, no dropout)
    "nn.functional.scaled_dot_product_attention": ("torch.nn.functional.scaled_dot_product_attention", None),
}


def test_keeps_layout_rederives_for_a_sample():
    """keeps_layout (knowledge_gen/layout.py) rederived through the generator's experiments
    is the shipped fact, and torch itself says the same of a transposed input."""
    gen, callables, facts = _static()
    obs = gen.opinfo_experiments(callables, facts, only=set(LAYOUT_OPS))
    for name, want in LAYOUT_OPS.values():
        fresh = gen.finalize(gen.merge(facts[name], obs[name], [], name))
        assert fresh.get("keeps_layout") == fn(name).get("keeps_layout") == want, name
    x = torch.randn(2, 3, 4).transpose(1, 2)
    assert torch.sigmoid(x).transpose(1, 2).is_contiguous() and not torch.sigmoid(x).is_contiguous()
    assert torch.softmax(x, -1).is_contiguous()


def test_keeps_layout_of_modules():
    """Activation and dropout layers keep their input's layout (measured with module_db's
    setups); Softmax and LayerNorm give a result in order."""
    _static()  # puts tools/ on the path
    from knowledge_gen.layout import module_layout

    x = torch.randn(2, 3, 4, dtype=torch.float64)
    for name, ctor, want in (("GELU", (), "input"), ("Dropout", (), "input"), ("Softmax", (-1,), None),
                             ("LayerNorm", (4,), None)):
        measured = module_layout(getattr(torch.nn, name), [(ctor, {}, [x], {})])
        assert measured.get("keeps_layout") == mod(name).get("keeps_layout") == want, name


def test_keeps_layout_names_a_parameter():
    kept = {name: e["keeps_layout"] for name, e in K.functions.items() if "keeps_layout" in e}
    assert len(kept) > 300  # the elementwise ops, by measure
    for name, param in kept.items():
        assert param in K.functions[name]["params"], name
        assert not K.functions[name].get("view") and not K.functions[name].get("inplace"), name
