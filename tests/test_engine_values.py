"""Abstract values: joins must stay flat and bounded, however deep the code nests."""
from pathlib import Path

import libcst as cst

from inplace_lint.engine.interpreter import Interpreter
from inplace_lint.engine.values import MAX_GROUP, Tensor, hidden, join, make_group


def test_groups_are_flat_and_capped():
    ts = [Tensor() for _ in range(5)]
    g = join(join(ts[0], ts[1]), join(ts[2], ts[3]))
    assert [m.storage for m in g.members] == [t.storage for t in ts[:4]]
    big = make_group([Tensor() for _ in range(MAX_GROUP + 5)])
    assert big.members is None and len(big.storage.members) == MAX_GROUP + 5


def test_a_join_too_large_for_its_members_keeps_what_each_path_hid():
    from inplace_lint.engine.values import Save
    members = [Tensor() for _ in range(MAX_GROUP + 2)]
    kept = Save("sin", "input", None, True, False, epoch=7)
    members[0].storage.saves.append(kept)
    shown = [hidden(members[0], frozenset({7}))] + members[1:]
    assert make_group(shown).visible_saves() == []  # the only member that saw it hid it
    assert make_group(members).visible_saves() == [kept]


def test_two_copies_of_one_join_stay_a_join_of_its_members():
    a, b = Tensor(), Tensor()
    g = join(a, b)
    one, other = hidden(g, frozenset({1})), hidden(g, frozenset({2}))
    both = join(one, other)
    assert both.storage is g.storage and both.members and {m.storage for m in both.members} == {a.storage, b.storage}


def test_unpacking_a_tuple_joined_with_a_longer_one_takes_the_fitting_one():
    from inplace_lint.engine.values import Seq
    x, y, z = Tensor(), Tensor(), Tensor()
    short = Seq(items=[x, Seq(items=[y, y], is_tuple=True)], is_tuple=True)
    long = Seq(items=[x, Seq(items=[y, y], is_tuple=True), z], is_tuple=True)
    joined = join(short, long)
    assert joined.items is None and [len(a.items) for a in joined.alts] == [2, 3]


def test_a_list_of_pairs_keeps_each_position_apart():
    # ALBEF's ``model_pairs = [[enc, enc_m], [proj, proj_m]]``: an element is a model and its
    # momentum copy, never a model and another pair's copy
    from inplace_lint.engine.values import Seq
    online, copies = [Tensor(), Tensor()], [Tensor(), Tensor()]
    pairs = Seq(items=[Seq(items=[online[0], copies[0]]), Seq(items=[online[1], copies[1]])])
    first, second = pairs.element().items
    assert {m.storage for m in first.members} == {t.storage for t in online}
    assert {m.storage for m in second.members} == {t.storage for t in copies}


def test_hidden_copies_are_shallow():
    g = join(Tensor(), Tensor())
    h = hidden(g, frozenset({1}))
    assert h.members is g.members and h.hide == frozenset({1})


def test_nested_branches_in_loops_stay_bounded():
    # Each iteration joins a new alternative into h; without flattening the
    # groups nest once per join and copying them grows exponentially.
    body = "\n".join(f"        if c{i}:\n            h = torch.tanh(h * w)\n        else:\n            h = h + {i}"
                     for i in range(40))
    src = f"import torch\n\ndef f(h, w, c):\n    for _ in range(9):\n{body}\n        h.mul_(2)\n"
    interp = Interpreter(cst.parse_module(src))
    events = interp.run()
    assert events
    for ev in events:
        for save in ev.saves:
            assert save.op in ("tanh", "mul")


def _messages(src):
    from inplace_lint.config import Config
    from inplace_lint.runner import check_source

    return [f.message for f in check_source(src, "m.py", Config()).findings]


def test_messages_name_the_op_that_may_alias():
    # (of a dtype the code does not fix: .float() of a float32 tensor surely is the tensor itself)
    src = ("import torch\n\ndef f(dt):\n    x = torch.randn(3, dtype=dt, requires_grad=True)\n    y = torch.sigmoid(x)\n"
           "    z = y.float()\n    z.add_(1)\n    return z\n")
    (msg,) = _messages(src)
    assert "(if `.float()` returned its input itself)" in msg


def test_messages_say_a_save_is_from_the_previous_iteration():
    src = ("import torch\n\ndef f(w: torch.Tensor):\n    h = torch.zeros(3)\n"
           "    x = torch.randn(4, 3, requires_grad=True)\n"
           "    for t in range(4):\n        h.mul_(0.5)\n        h = torch.tanh(x[t] + h)\n    return h\n")
    (msg,) = _messages(src)
    assert "`tanh` at line 8 in the previous iteration" in msg


def test_messages_name_the_layers_before_an_inplace_layer_of_a_sequential():
    # the written tensor is the output of the layers before Dropout, not the Sequential's result
    src = ("import torch\nimport torch.nn as nn\n\ndef f(x):\n"
           "    net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(inplace=True), nn.Dropout(0.1, inplace=True))\n"
           "    net(x).sum().backward()\n")
    msgs = _messages(src)
    assert any(m.startswith("`net[:2](x)` is modified in place by `Dropout(inplace=True)") for m in msgs), msgs
    # the first layer writes the Sequential's input itself
    src = ("import torch\nimport torch.nn as nn\n\ndef f(w):\n    x = torch.tanh(w)\n"
           "    net = nn.Sequential(nn.ReLU(inplace=True), nn.Linear(4, 8))\n    net(x).sum().backward()\n")
    msgs = _messages(src)
    assert any(m.startswith("`x` is modified in place by `ReLU(inplace=True)") for m in msgs), msgs


def test_leaf_advice_for_a_buffer_made_here_is_out_of_place():
    src = "import torch\nloss = torch.zeros(1, requires_grad=True)\nloss += 1\n"
    (msg,) = _messages(src)
    assert "out of place" in msg and "wrap it in" not in msg
    src = "import torch\nimport torch.nn as nn\nfc = nn.Linear(2, 2)\nfc.weight.mul_(2)\n"
    (msg,) = _messages(src)
    assert "wrap it in `with torch.no_grad():`" in msg


def test_later_outputs_are_named_by_position():
    src = ("import torch\nx = torch.randn(3, 5, requires_grad=True)\ntop, best = x.max(1)\nbest.add_(1)\n"
           "top.sum().backward()\n")
    (msg,) = _messages(src)
    assert "(its output 1)" in msg


def test_a_container_annotation_wins_over_a_guessed_tensor():
    # diffusers passes nested cache dicts built by a recursive helper (opaque to
    # the engine, later taken for a tensor view); the callee says `cache: Dict`.
    from inplace_lint.engine import params
    from inplace_lint.engine.values import Dict, Seq

    src = "from typing import Dict, List\nimport torch\n\ndef f(cache: Dict, xs: list, t: torch.Tensor, n: int):\n    pass\n"
    module = cst.parse_module(src)
    interp = Interpreter(module)
    interp.run()
    fn = module.body[2]
    cache, xs, t, n = fn.params.params
    guessed = Tensor(rg=None, leaf=None, kind="input", view="multi")
    assert isinstance(params.narrow(interp, cache, guessed), Dict)
    assert isinstance(params.narrow(interp, xs, Tensor(kind="opaque")), Seq)
    assert params.narrow(interp, t, guessed) is guessed  # a tensor annotation keeps what the caller gave
    made_here = Tensor(rg=True, leaf=False, kind="fresh")
    assert params.narrow(interp, cache, made_here) is made_here  # a tensor the code surely made stays one
    assert isinstance(params.unknown_param(interp, cache), Dict)
    assert not isinstance(params.unknown_param(interp, n), Tensor)


def test_a_torch_size_parameter_holds_numbers():
    # kornia: new_batch_shape = list(batch_shape); new_batch_shape[-2] -= ... (ints, not tensors);
    # a shape is a tuple of ints, so nothing made from its items can require grad
    from inplace_lint.engine import params
    from inplace_lint.engine.values import Seq

    src = "import torch\n\ndef crop(batch_shape: torch.Size):\n    pass\n"
    module = cst.parse_module(src)
    interp = Interpreter(module)
    interp.run()
    p = module.body[1].params.params[0]
    v = params.unknown_param(interp, p)
    assert isinstance(v, Seq) and v.is_tuple and not isinstance(v.elem, Tensor)
    assert isinstance(params.narrow(interp, p, Tensor(kind="arg")), Seq)


def _found(src):
    from inplace_lint.config import Config
    from inplace_lint.runner import check_source

    return [(f.line, f.code, f.severity) for f in check_source(src, "m.py", Config()).findings]


def test_an_inplace_module_among_alternatives_reaches_the_save_it_breaks():
    # with no caller, `act` may be "relu": the ReLU(inplace=True) option writes g,
    # which sigmoid saved (the copy of g seen after the alternatives must lead back to g)
    src = ("import torch\nimport torch.nn as nn\n\n\ndef get_act(name):\n    if name == 'relu':\n"
           "        return nn.ReLU(inplace=True)\n    return nn.GELU()\n\n\nclass Gated(nn.Module):\n"
           "    def __init__(self, act='relu'):\n        super().__init__()\n        self.fc = nn.Linear(4, 4)\n"
           "        self.act = get_act(act)\n\n    def forward(self, x):\n        g = torch.sigmoid(self.fc(x))\n"
           "        return self.act(g)\n")
    assert _found(src) == [(19, "IPL001", "warning")]
    # the same alternatives after a layer that saves nothing of its output: quiet
    assert _found(src.replace("torch.sigmoid(self.fc(x))", "self.fc(x)")) == []


def test_a_base_class_method_runs_with_the_subclass_hook_it_calls():
    # BaseHead.forward calls self.post; SharpHead overrides post with an in-place op
    # on what sigmoid saved: only the two together show the hazard
    src = ("import torch\nimport torch.nn as nn\n\n\nclass BaseHead(nn.Module):\n    def __init__(self, d):\n"
           "        super().__init__()\n        self.fc = nn.Linear(d, d)\n\n    def post(self, y):\n        return y\n\n"
           "    def forward(self, x):\n        y = torch.sigmoid(self.fc(x))\n        return self.post(y)\n\n\n"
           "class SharpHead(BaseHead):\n    def post(self, y):\n        y.pow_(2)\n        return y\n")
    assert _found(src) == [(20, "IPL001", "error")]
    # a hook that writes a copy is fine
    assert _found(src.replace("y.pow_(2)", "y = y.clone()\n        y.pow_(2)")) == []


def test_items_of_a_dict_parameter_known_by_its_type_are_one_per_key():
    # with no caller, ``batch: dict`` (and ``dict[str, Tensor]``) is a dict of unknown
    # items: two constant keys name two of them, one key (by [] or .get) one
    head = ("import torch\nimport torch.nn as nn\n\nclass M(nn.Module):\n    def __init__(self):\n"
            "        super().__init__()\n        self.lin = nn.Linear(3, 3)\n\n    def forward(self, batch: {ann}):\n")
    body = "        out = self.lin(batch['imgs'])\n        ids = batch{get}\n        ids.mul_(2)\n        return out\n"
    for ann in ("dict", "dict[str, torch.Tensor]"):
        for get in ("[{key!r}]", ".get({key!r})"):
            src = head.format(ann=ann) + body.format(get=get)
            assert _messages(src.format(key="ids")) == []
            (msg,) = _messages(src.format(key="imgs"))
            assert "`Linear` at line 10 (its input) saved it" in msg


def test_a_rank_decides_a_test_only_where_it_is_certain():
    # ``a.ndim < 2`` in the helper: decided for a matrix product, kept open where the
    # rank is unknown (an argument, a squeeze_ that reshaped it, a starred size)
    head = ("import torch\n\ndef norm(a):\n    if a.ndim < 2:\n        return torch.exp(a.sum())\n"
            "    return a.abs().amax() * 2\n\ndef f(q, shape):\n    w = torch.randn(3, 3, requires_grad=True)\n")
    tail = "    return norm(g).mul_(2)\n"
    assert _messages(head + "    g = (q @ w).mm(w.t())\n" + tail) == []
    for g in ("    g = q\n", "    g = torch.mm(w[:1], w)\n    g.squeeze_(0)\n", "    g = torch.zeros(3, *shape) * w\n"):
        (msg,) = _messages(head + g + tail)
        assert "(on the paths where it is the saved tensor)" in msg, g


def test_name_layer_pairs_join_position_by_position():
    a = join(*[Tensor() for _ in range(2)])
    from inplace_lint.engine.values import Const, Seq
    x, y = Seq(items=[Const("conv2"), a], is_tuple=True), Seq(items=[Const("conv3"), Tensor()], is_tuple=True)
    j = join(x, y)
    assert j.items is not None and len(j.items) == 2 and j.items[1].members is not None


def test_a_block_whose_layouts_end_with_different_convs_adds_into_a_fresh_output():
    # twelfth_false_alarms/01 in pytorch-toolbelt's shape: two layouts, each ending with its own conv
    src = open(__file__.replace("test_engine_values.py", "fixtures/static/values_lead10.py")).read()
    start = src.index("class TwoLayoutBlock")
    block = src[start:src.index("\n\n\n", start)].replace("  # expect: IPL001:error", "")
    head = "from collections import OrderedDict\n\nimport torch\nimport torch.nn as nn\n\n\n"
    conv = 'last or ("conv3", nn.Conv2d(c, c, 1))'
    assert _messages(head + block.replace(conv, '("conv3", nn.Conv2d(c, c, 1))')) == []
    assert _messages(head + block.replace(conv, '("act", nn.Sigmoid())'))


def test_tuples_joined_from_two_paths_keep_their_positions():
    from inplace_lint.engine.values import Seq
    x, rgb, x2, rgb2 = (Tensor() for _ in range(4))
    j = join(Seq(items=[x, rgb], is_tuple=True), Seq(items=[x2, rgb2], is_tuple=True))
    assert j.items is not None and {id(m) for m in j.items[1].members} == {id(rgb), id(rgb2)}


def test_false_findings_of_real_libraries_stay_quiet():
    # fourteenth set, stylegan2 (a block's (x, rgb) joined over a zip() loop: rgb is never an x);
    # eleventh set, pykan (a forward run only to look at its activations, result dropped)
    root = Path(__file__).resolve().parents[1] / "bench" / "results"
    for name in ("fourteenth_false_alarms/01_zip_of_layers_tuple_results_joined.py",
                 "eleventh_false_alarms/05_data_write_after_inspection_forward.py"):
        assert _messages((root / name).read_text()) == [], name


def test_an_entry_point_named_in_its_own_docstring_is_still_an_entry_point():
    # (blind ab03: "This run trains in float32" in the module docstring named ``run`` twice)
    src = '''"""A run with the defaults: fp32, so the autocast region is off."""
import torch
import torch.nn as nn

PRECISION = {"fp32": None, "bf16": torch.bfloat16}


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(4, 4)

    def forward(self, x):
        p = self.lin(x).softmax(-1, dtype=torch.float32).to(x.dtype)
        p.mul_(2)
        return p


def run(precision="fp32"):
    dtype = PRECISION[precision]
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=dtype is not None):
        out = Head()(torch.randn(2, 4))
    out.sum().backward()
'''
    assert any("softmax" in m for m in _messages(src))
    from inplace_lint.config import Config
    from inplace_lint.runner import check_source
    assert [f.severity for f in check_source(src, "m.py", Config()).findings] == ["error"]
    # without the default path (``run`` called with another precision elsewhere): a warning
    twice = src + "\n\nif __name__ == '__main__':\n    run('bf16')\n"
    assert [f.severity for f in check_source(twice, "m.py", Config()).findings] == ["warning"]


def test_dict_get_of_a_key_not_known_here_is_any_entry_or_the_default():
    # ``schedule.get(epoch, 0)`` in a loop over epochs: some epochs release items, whose
    # rows of a parameter are then written with grad on (blind xb5); taking the default
    # alone made every epoch return early
    src = (
        "import torch\nimport torch.nn as nn\n\n\n"
        "class Growth:\n"
        "    def __init__(self, schedule):\n"
        "        self.schedule = schedule\n\n"
        "    def on_epoch(self, epoch, table):\n"
        "        n_new = self.schedule.get(epoch, 0)\n"
        "        if not n_new:\n"
        "            return\n"
        "        table[torch.arange(4, 4 + n_new)] = table[:4].mean(0)\n\n\n"
        "def main():\n"
        "    emb = nn.Embedding(8, 3)\n"
        "    growth = Growth({1: 2})\n"
        "    for epoch in range(3):\n"
        "        growth.on_epoch(epoch, emb.weight)\n"
    )
    assert any("leaf tensor that requires grad" in m for m in _messages(src))
    assert not _messages(src.replace("Growth({1: 2})", "Growth({})"))


def test_a_multi_output_view_write_through_an_index_of_unknown_kind_says_so():
    # twentyfourth/03 (mmyolo's keypoints indexed by indices from another library): the write is
    # refused only if the indexing made a view; the warning says so, as IPL001's do
    from inplace_lint.config import Config
    from inplace_lint.runner import check_source

    path = Path(__file__).parent.parent / "bench/results/twentyfourth_false_alarms/03_index_from_tuple_element_is_a_copy.py"
    found = [f for f in check_source(path.read_text(), "m.py", Config()).findings if f.code == "IPL003"]
    assert found and all(f.severity == "warning" for f in found)
    assert all(f.message.endswith("(if this indexing made a view rather than a copy)") for f in found)
