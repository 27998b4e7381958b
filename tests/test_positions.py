"""Fast per-statement positions must equal libcst's whole-module PositionProvider."""
import pathlib

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from inplace_lint.engine.interpreter import Interpreter
from inplace_lint.engine.positions import Positions

TRICKY = '''\
import torch
s = "é€ unicode before"; w = torch.randn(3, requires_grad=True)


class M(torch.nn.Module):
    def forward(self, x):
        if x is not None: y = torch.sigmoid(x * w); y.mul_(2)
        z = torch.exp(
            x * w
        )
        z.clamp_(
            min=0.0,
        )
        for t in [torch.tanh(x * w)]:
            t.add_(1)
        try:
            q = torch.sigmoid(w); q[0] = 1
        except RuntimeError:
            pass
        return z
'''


def check(source):
    module = cst.parse_module(source)
    raw = Interpreter(module).run()
    full = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    fast = Positions(module, source)
    nodes = [(r.node, r.stmt) for r in raw] + [(s.node, s.stmt) for r in raw for s in r.saves]
    assert nodes
    for node, stmt in nodes:
        r = full[node]
        want = (r.start.line, r.start.column + 1, r.end.line, r.end.column + 1)
        assert fast.get(node, stmt) == want
    return len(nodes)


def test_tricky_layout():
    assert check(TRICKY) >= 8


def test_all_static_fixtures():
    for path in (pathlib.Path(__file__).parent / "fixtures" / "static").glob("ipl*.py"):
        check(path.read_text())
