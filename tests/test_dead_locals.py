"""A function's local tensor that no name gives again dies with the call: the saves of the op
that made it do not count (engine/standalone.py bind_name).  What may still reach it keeps
it: a later use of its name (to return it, to keep it in a list), a later pass of a loop, a
nested scope."""
from inplace_lint.config import Config
from inplace_lint.runner import check_source

HEAD = "import torch\nfrom torch import nn\n\n\n"


def lines(body):
    return sorted({f.line for f in check_source(HEAD + body, "m.py", Config()).findings})


MODULE = ("class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
          "        self.w = nn.Parameter(torch.ones(3))\n\n    def forward(self, x):\n        x = x.exp()\n"
          "        p = x * self.w\n        x.add_(1)\n        return {}\n")


def test_dead_local_is_quiet():
    # ``p`` is never named again: mul's backward, which needs ``x``, can never run
    assert lines(MODULE.format("x.shape")) == []


def test_returned_local_is_reported():
    assert lines(MODULE.format("p")) == [13]


def test_local_returned_in_a_dict_is_reported():
    assert lines(MODULE.format("{'p': p}")) == [13]


def test_local_named_again_is_reported():
    # a write to the local itself names it: taken as used, as any name
    assert lines("def f(x):\n    g = torch.sigmoid(x)\n    g.mul_(2)\n    return x.shape\n") == [7]




def test_local_appended_to_a_list_of_the_module_is_reported():
    src = ("class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.acts = []\n\n"
           "    def forward(self, x):\n        g = torch.sigmoid(x)\n        self.acts.append(g)\n"
           "        g.mul_(2)\n        return x\n")
    assert lines(src) == [13]


def test_local_read_by_a_nested_function_is_reported():
    assert lines(MODULE.format("lambda: p.sum()")) == [13]
    nested = MODULE.replace("        return {}\n", "\n        def later():\n            return p.sum()\n"
                                                "        return later\n")
    assert lines(nested) == [13]


def test_local_carried_to_the_next_pass_of_a_loop_is_reported():
    # in a loop nested deeper than the engine runs twice (budget.TWO_PASS_LOOP_DEPTH), one
    # pass stands for all: what it binds may be named by the next
    loops = "".join("        " + "    " * i + f"for x{i + 1} in x{i}:\n" for i in range(5))
    inner = "        " + "    " * 5
    body = (loops + inner + "q = x5.exp()\n" + inner + "loss = loss + prev.sum()\n" + inner + "prev = q * self.w\n"
            + inner + "q.add_(1)\n")
    src = MODULE.replace("forward(self, x)", "forward(self, x0)").replace(
        "        x = x.exp()\n        p = x * self.w\n        x.add_(1)\n", "        loss = prev = 0\n" + body)
    write = (HEAD + src).splitlines().index(inner + "q.add_(1)") + 1
    assert lines(src.format("loss")) == [write]


def test_local_bound_on_one_path_and_named_after_the_join_is_reported():
    # after the ``if``, ``img`` gives the paths' copies, not the tensor the branch bound
    src = ("def apply_fill(img: torch.Tensor, fill: float, mode: str) -> torch.Tensor:\n"
           "    if fill is not None:\n        img, mask = torch.tensor_split(img, indices=(-1,), dim=-3)\n"
           "        mask = mask.expand_as(img)\n        fill_img = torch.tensor([fill]).view(1, -1, 1, 1)\n"
           "        if mode == 'nearest':\n            img = torch.where(mask < 0.5, fill_img.expand_as(img), img)\n"
           "        else:\n            img = img.sub_(fill_img).mul_(mask).add_(fill_img)\n    return img.round_()\n")
    write = (HEAD + src).splitlines().index("    return img.round_()") + 1
    assert lines(src) == [write]
