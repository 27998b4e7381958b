"""Abstract values: joins must stay flat and bounded, however deep the code nests."""
import libcst as cst

from inplace_lint.engine.interpreter import Interpreter
from inplace_lint.engine.values import MAX_GROUP, Tensor, hidden, join, make_group


def test_groups_are_flat_and_capped():
    ts = [Tensor() for _ in range(5)]
    g = join(join(ts[0], ts[1]), join(ts[2], ts[3]))
    assert [m.storage for m in g.members] == [t.storage for t in ts[:4]]
    big = make_group([Tensor() for _ in range(MAX_GROUP + 5)])
    assert big.members is None and len(big.storage.members) == MAX_GROUP + 5


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
