"""The shipped autograd knowledge (inplace_lint/knowledge/torch_ops.json).

The facts asserted here were derived by tools/gen_knowledge.py from torch itself
(experiments + derivatives.yaml); these tests pin the ones the linter relies on.
Regenerating the whole file takes minutes, so CI instead re-derives the cheap,
static (derivatives.yaml / native_functions.yaml) part and compares.
"""
import importlib.util
import os
import re

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
                                "torch.linalg.", "torch.special."))
        assert isinstance(e["params"], list)
        if name.startswith("torch.Tensor."):
            assert e["params"][:1] == ["self"], name
        assert all(s in e["params"] or OUTPUT_NAME.fullmatch(s) for s in e["saves"]), name
        assert e["saves"] == sorted(e["saves"])
        assert e["view"] in (None, "single", "multi"), name
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
    # LSTM/GRU keep their inputs and weights, not output/h/c
    for name in ("LSTM", "GRU"):
        assert not any(OUTPUT_NAME.fullmatch(s) for s in mod(name)["saves"]), name
        assert "input" in mod(name)["saves"], name


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


@pytest.mark.parametrize("name", ["unbind", "split", "chunk", "split_with_sizes", "tensor_split",
                                  "hsplit", "vsplit", "__iter__"])
def test_multi_views(name):
    assert fn("torch.Tensor." + name)["view"] == "multi"


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


def test_static_part_regenerates():
    """params and derivatives.yaml-sourced saves re-derive identically from the installed
    torch (the experiments are too slow for CI; run ``tools/gen_knowledge.py --check``)."""
    gen = _generator()
    facts = gen.build_static(gen.public_callables())
    for name, entry in K.functions.items():
        assert name in facts, name
        static = gen.finalize(facts[name])
        assert entry["params"] == static["params"], name
        if entry["saves_source"] == "derivatives.yaml":
            assert entry["saves"] == static["saves"], name
