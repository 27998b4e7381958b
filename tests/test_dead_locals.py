"""A function's local tensor that is never read again dies with the call: what saved it for
a backward does not count (engine/standalone.py dies_unread).  What may still reach it keeps
it: a list it was appended to, a later pass of a loop, a nested scope."""
from inplace_lint.config import Config
from inplace_lint.runner import check_source

HEAD = "import torch\nfrom torch import nn\n\n\n"


def lines(body):
    return sorted({f.line for f in check_source(HEAD + body, "m.py", Config()).findings})


def test_dead_local_is_quiet():
    assert lines("def f(x):\n    g = torch.sigmoid(x)\n    g.mul_(2)\n    return x.shape\n") == []


def test_returned_local_is_reported():
    assert lines("def f(x):\n    g = torch.sigmoid(x)\n    g.mul_(2)\n    return g\n") == [7]


def test_local_appended_to_a_list_of_the_module_is_reported():
    src = ("class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.acts = []\n\n"
           "    def forward(self, x):\n        g = torch.sigmoid(x)\n        self.acts.append(g)\n"
           "        g.mul_(2)\n        return x\n")
    assert lines(src) == [13]


def test_local_read_by_a_nested_function_is_reported():
    src = ("def f(x):\n    g = torch.sigmoid(x)\n    g.mul_(2)\n\n    def later():\n        return g.sum()\n"
           "    return later\n")
    assert lines(src) == [7]


def test_local_carried_to_the_next_pass_of_a_loop_is_reported():
    src = ("def f(xs):\n    total = 0\n    for x in xs:\n        total = total + g if total else 0\n"
           "        g = torch.sigmoid(x)\n        g.mul_(2)\n    return total\n")
    assert lines(src) == [10]
