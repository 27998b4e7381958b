"""Autocast regions (engine/autocast.py): which are on, off or a maybe, and what a save of a
cast copy becomes in each.  The labels are torch's (tests/fixtures/static/values_knowledge11.py
runs the same shapes under torch); here the forms that cannot run on a CPU-only machine."""
import pytest

from inplace_lint.config import Config
from inplace_lint.engine.autocast import MAYBE, ON, autocast
from inplace_lint.engine.values import Const, Qual, Tensor
from inplace_lint.runner import check_source


def _severities(body):
    src = ("import torch\nimport torch.nn as nn\n\n\ndef f(flag, device, dtype):\n"
           "    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))\n"
           + "".join("    " + line + "\n" for line in body.splitlines())
           + "    with torch.no_grad():\n        model[2].weight.mul_(0.5)\n    out.float().sum().backward()\n")
    return sorted(f.severity for f in check_source(src, "m.py", Config()).findings)


BF16 = Qual("torch.bfloat16")


@pytest.mark.parametrize("name,args,kwargs,state", [
    ("torch.autocast", [Const("cpu")], {}, ON),
    ("torch.autocast", [Const("cpu")], {"dtype": BF16, "enabled": Const(True)}, ON),
    ("torch.autocast", [Const("cpu"), BF16, Const(True)], {}, ON),
    ("torch.cpu.amp.autocast", [], {}, ON),
    ("torch.autocast", [Const("cpu")], {"enabled": Const(False)}, None),
    ("torch.cuda.amp.autocast", [Const(False)], {}, None),
    ("torch.autocast", [Const("cpu")], {"enabled": Tensor(kind="arg")}, MAYBE),
    ("torch.autocast", [Const("cpu")], {"dtype": Qual("torch.float16")}, MAYBE),
    ("torch.autocast", [Const("cuda")], {}, MAYBE),
    ("torch.cuda.amp.autocast", [], {}, MAYBE),
    ("torch.autocast", [Tensor(kind="arg")], {}, MAYBE),
])
def test_region_states(name, args, kwargs, state):
    assert autocast(name, args, kwargs).state == state


def test_cast_copy_on_cpu_region_is_quiet():
    assert _severities('with torch.autocast("cpu"):\n    out = model(torch.randn(5, 4))') == []


def test_cuda_region_is_a_maybe():
    # on where it is meant to run (a copy is saved), off on a machine without CUDA
    assert _severities('with torch.autocast("cuda"):\n    out = model(torch.randn(5, 4))') == ["warning"]
    assert _severities('with torch.cuda.amp.autocast():\n    out = model(torch.randn(5, 4))') == ["warning"]


def test_unknown_enabled_or_dtype_is_a_maybe():
    assert _severities('with torch.autocast("cpu", enabled=flag):\n    out = model(torch.randn(5, 4))') \
        == ["warning"]
    assert _severities('with torch.autocast("cpu", dtype=dtype):\n    out = model(torch.randn(5, 4))') == ["warning"]


def test_disabled_region_saves_the_weight_itself():
    assert _severities('with torch.autocast("cpu", enabled=False):\n    out = model(torch.randn(5, 4))') \
        == ["error"]


def test_model_of_another_dtype_is_not_known_to_be_cast():
    # float16 weights are cast to bfloat16 (a copy), float64 ones are not: a maybe either way
    assert _severities('model.half()\nwith torch.autocast("cpu"):\n    out = model(torch.randn(5, 4))') \
        == ["warning"]
    assert _severities('model.to(dtype)\nwith torch.autocast("cpu"):\n    out = model(torch.randn(5, 4))') \
        == ["warning"]


def test_model_moved_to_a_device_keeps_float32():
    assert _severities('model.to(device)\nwith torch.autocast("cpu"):\n    out = model(torch.randn(5, 4))') == []


def test_context_named_autocast_is_a_maybe():
    src = 'with accelerator.autocast():\n    out = model(torch.randn(5, 4))'
    assert _severities(src) == ["warning"]


def test_input_of_unknown_dtype_is_a_maybe():
    # the first Linear's input: a copy if it is float32, itself if it is bfloat16
    src = ("import torch\nimport torch.nn as nn\n\n\ndef f(x):\n    lin = nn.Linear(4, 3)\n"
           "    h = torch.relu(x)\n    with torch.autocast('cpu'):\n        y = lin(h)\n    h.add_(1)\n"
           "    y.float().sum().backward()\n")
    assert [f.severity for f in check_source(src, "m.py", Config()).findings] == ["warning"]


def test_maybe_message_names_autocast():
    src = ("import torch\nimport torch.nn as nn\n\n\ndef f():\n    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(),"
           " nn.Linear(8, 3))\n    with torch.autocast('cuda'):\n        out = model(torch.randn(5, 4))\n"
           "    with torch.no_grad():\n        model[2].weight.mul_(0.5)\n    out.float().sum().backward()\n")
    (f,) = check_source(src, "m.py", Config()).findings
    assert f.severity == "warning" and "unless autocast saved a cast copy instead" in f.message


def test_a_helper_named_autocast_returning_a_null_context_opens_no_region():
    # (blind ab7: ``with autocast(cfg.precision):`` where the project's helper returns
    # ``contextlib.nullcontext()`` for "fp32" and ``torch.autocast`` for "bf16")
    helper = ("import contextlib\n\nDTYPES = {'fp32': None, 'bf16': torch.bfloat16}\n\n\n"
              "def autocast(precision):\n    dtype = DTYPES[precision]\n    if dtype is None:\n"
              "        return contextlib.nullcontext()\n    return torch.autocast('cpu', dtype=dtype)\n\n\n")

    def severities(precision):
        src = ("import torch\nimport torch.nn as nn\n\n" + helper +
               "def f():\n    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))\n"
               f"    with autocast({precision!r}):\n        out = model(torch.randn(2, 4))\n"
               "    with torch.no_grad():\n        model[2].weight.mul_(0.5)\n    out.float().sum().backward()\n")
        return sorted(f.severity for f in check_source(src, "m.py", Config()).findings)

    assert severities("fp32") == ["error"]
    assert severities("bf16") == []
