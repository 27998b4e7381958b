"""A seeded generator of random PyTorch-shaped programs, for crash sweeps.

``program(seed)`` returns the text of a valid Python module that exercises
what the engine models -- in-place ops, views, ``no_grad``, ``backward``,
optimizers, modules -- inside every statement form Python has: loops, ifs,
classes, comprehensions, lambdas, walrus, match, async, decorators,
try/finally, del, nested functions, generators.  Not a test by itself:
``tests/test_crash_sweep.py`` and ``bench/sweep.py`` run the linter on it.
"""
import random

INPLACE = ["add_(1)", "mul_(2)", "sub_(x0)", "div_(3)", "relu_()", "sigmoid_()", "exp_()", "clamp_(0, 1)",
           "zero_()", "fill_(0.5)", "copy_(x0)", "addmm_(x0, x0)", "masked_fill_(m, 0)", "normal_()",
           "index_add_(0, idx, x0)", "scatter_(0, idx, x0)", "tanh_()", "abs_()", "neg_()", "t_()"]
OPS = ["torch.sigmoid({a})", "torch.tanh({a})", "{a}.exp()", "F.relu({a})", "{a} @ {b}", "{a} * {b}",
       "{a} + {b}", "torch.cat([{a}, {b}])", "{a}.pow(2)", "F.softmax({a}, dim=-1)", "F.linear({a}, {b})",
       "torch.matmul({a}, {b})", "{a}.sum()", "{a}.clone()", "torch.where(m, {a}, {b})", "lin({a})",
       "F.relu({a}, inplace=True)", "torch.mul({a}, {b}, out={b})", "{a}.norm()", "-{a}"]
VIEWS = ["{a}.view(-1)", "{a}.t()", "{a}.transpose(0, 1)", "{a}[0]", "{a}[:, 1:]", "{a}.narrow(0, 0, 1)",
         "{a}.unbind(0)[0]", "{a}.chunk(2)[1]", "{a}.split(1)[0]", "{a}.expand(2, 3)", "{a}.data", "{a}.detach()",
         "{a}.squeeze()", "{a}.reshape(3, -1)", "{a}.diagonal()", "{a}.real", "{a}[..., None]"]
MAKERS = ["torch.randn(3, 3, requires_grad=True)", "torch.zeros(3, 3)", "torch.ones(3, 3, requires_grad={flag})",
          "nn.Parameter(torch.randn(3, 3))", "torch.empty(3, 3).uniform_()", "x0.detach().clone()",
          "torch.randn(3, 3).requires_grad_()", "lin.weight", "model(x0)", "torch.tensor([1.0, 2.0])"]


class _Gen:
    def __init__(self, seed, max_depth=4):
        self.r = random.Random(seed)
        self.max_depth = max_depth
        self.names = ["x0", "x1"]
        self.lines = []
        self.fresh = 0

    def name(self):
        return self.r.choice(self.names)

    def new(self):
        self.fresh += 1
        n = f"v{self.fresh}"
        self.names.append(n)
        return n

    def expr(self, depth=0):
        r = self.r.random()
        a, b = self.name(), self.name()
        if depth < 2 and r < 0.25:
            a = f"({self.expr(depth + 1)})"
        if r < 0.35:
            return self.r.choice(OPS).format(a=a, b=b)
        if r < 0.6:
            return self.r.choice(VIEWS).format(a=a)
        if r < 0.7:
            return self.r.choice(MAKERS).format(flag=self.r.choice(["True", "False", "flag"]))
        if r < 0.75:
            return f"{a} if flag else {b}"
        if r < 0.8:
            return f"[t.{self.r.choice(INPLACE)} for t in ({a}, {b})][0]"
        if r < 0.85:
            return f"(lambda t: t.{self.r.choice(INPLACE)})({a})"
        if r < 0.9:
            return f"helper({a}, {b})"
        if r < 0.95:
            return f"(w := {a}.{self.r.choice(INPLACE)})"
        return f"{a}.{self.r.choice(INPLACE)}"

    def simple(self, ind):
        r = self.r.random()
        a = self.name()
        if r < 0.3:
            return [f"{ind}{self.new()} = {self.expr()}"]
        if r < 0.5:
            return [f"{ind}{a}.{self.r.choice(INPLACE)}"]
        if r < 0.6:
            return [f"{ind}{a} {self.r.choice(['+=', '-=', '*=', '/=', '@='])} {self.name()}"]
        if r < 0.67:
            return [f"{ind}{a}[0] = {self.name()}[1]"]
        if r < 0.74:
            return [f"{ind}{a}.sum().backward()"]
        if r < 0.78:
            return [f"{ind}opt.step()", f"{ind}opt.zero_grad()"]
        if r < 0.82:
            return [f"{ind}{a}.data.{self.r.choice(INPLACE)}"]
        if r < 0.86:
            return [f"{ind}{a}.requires_grad = {self.r.choice(['True', 'False'])}"]
        if r < 0.9:
            return [f"{ind}torch.add({a}, 1, out={self.name()})"]
        if r < 0.93:
            n = self.new()
            return [f"{ind}{n} = [{a}, {self.name()}]", f"{ind}{n}[0] = {n}", f"{ind}{n}.append({n})"]
        if r < 0.96:
            return [f"{ind}{a}, {self.new()} = {self.name()}.chunk(2)"]
        return [f"{ind}print({a})"]

    def block(self, ind, depth):
        out = []
        for _ in range(self.r.randint(1, 4)):
            out += self.stmt(ind, depth)
        return out

    def stmt(self, ind, depth):
        if depth >= self.max_depth or self.r.random() < 0.45:
            return self.simple(ind)
        i2 = ind + "    "
        k = self.r.randrange(16)
        if k == 0:
            return [f"{ind}with torch.no_grad():"] + self.block(i2, depth + 1)
        if k == 1:
            return [f"{ind}for i in range(3):"] + self.block(i2, depth + 1)
        if k == 2:
            return [f"{ind}for t in ({self.name()}, {self.name()}):"] + self.block(i2, depth + 1)
        if k == 3:
            return [f"{ind}while flag:"] + self.block(i2, depth + 1) + [f"{i2}break"]
        if k == 4:
            return ([f"{ind}if flag:"] + self.block(i2, depth + 1) + [f"{ind}elif {self.name()}.sum() > 0:"]
                    + self.block(i2, depth + 1) + [f"{ind}else:"] + self.block(i2, depth + 1))
        if k == 5:
            return ([f"{ind}try:"] + self.block(i2, depth + 1) + [f"{ind}except RuntimeError:"]
                    + self.block(i2, depth + 1) + [f"{ind}finally:"] + self.block(i2, depth + 1))
        if k == 6:
            return [f"{ind}match {self.name()}.dim():", f"{i2}case 2:"] + self.block(i2 + "    ", depth + 1) + \
                [f"{i2}case _:"] + self.block(i2 + "    ", depth + 1)
        if k == 7:
            self.fresh += 1
            f = f"fn{self.fresh}"
            dec = self.r.choice(["", "@torch.no_grad()", "@torch.enable_grad()", "@functools.lru_cache()"])
            lines = ([f"{ind}{dec}"] if dec else []) + [f"{ind}def {f}(x0, x1=None, *rest, **kw):"]
            lines += self.block(i2, depth + 1) + [f"{i2}return {self.name()}"]
            return lines + [f"{ind}{self.new()} = {f}({self.name()}, {self.name()})"]
        if k == 8:
            self.fresh += 1
            c = f"Net{self.fresh}"
            lines = [f"{ind}class {c}(nn.Module):", f"{i2}def __init__(self):", f"{i2}    super().__init__()",
                     f"{i2}    self.lin = nn.Linear(3, 3)", f"{i2}    self.act = nn.ReLU(inplace=True)",
                     f"{i2}def forward(self, x0, x1=None):", f"{i2}    h = self.act(self.lin(x0))"]
            lines += self.block(i2 + "    ", depth + 1) + [f"{i2}    return h"]
            return lines + [f"{ind}{self.new()} = {c}()({self.name()})"]
        if k == 9:
            self.fresh += 1
            return [f"{ind}async def co{self.fresh}(x0, x1):", f"{i2}async with lock:"] + \
                self.block(i2 + "    ", depth + 1) + [f"{i2}await asyncio.sleep(0)", f"{i2}return x0"]
        if k == 10:
            self.fresh += 1
            return [f"{ind}def gen{self.fresh}(x0, x1):"] + self.block(i2, depth + 1) + \
                [f"{i2}yield x0", f"{i2}yield from (x1,)", f"{ind}for t in gen{self.fresh}(x0, x1):",
                 f"{i2}t.{self.r.choice(INPLACE)}"]
        if k == 11:
            n = self.new()
            return [f"{ind}{n} = {self.name()}.clone()", f"{ind}del {n}"] + [f"{ind}{n} = {self.expr()}"]
        if k == 12:
            return [f"{ind}{self.new()} = {{k: v.{self.r.choice(INPLACE)} for k, v in enumerate(({self.name()},))}}"]
        if k == 13:
            return [f"{ind}with torch.autograd.graph.save_on_cpu():"] + self.block(i2, depth + 1)
        if k == 14:
            self.fresh += 1
            f = f"outer{self.fresh}"
            return [f"{ind}def {f}(x0):", f"{i2}acc = x0", f"{i2}def inner(t):", f"{i2}    nonlocal acc",
                    f"{i2}    acc = acc + t", f"{i2}    return t.{self.r.choice(INPLACE)}"] + \
                self.block(i2, depth + 1) + [f"{i2}return inner(acc)", f"{ind}{self.new()} = {f}({self.name()})"]
        return [f"{ind}with torch.set_grad_enabled(flag), torch.autograd.graph.saved_tensors_hooks(p, u):"] + \
            self.block(i2, depth + 1)


HEADER = """import asyncio
import functools
import torch
import torch.nn as nn
import torch.nn.functional as F

flag = bool(torch.rand(1) > 0.5)
lock = asyncio.Lock()
lin = nn.Linear(3, 3)
model = nn.Sequential(nn.Linear(3, 3), nn.ReLU(inplace=True), nn.Linear(3, 3))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
m = torch.rand(3, 3) > 0.5
idx = torch.tensor([0, 1])
p = u = lambda t: t
x0 = torch.randn(3, 3, requires_grad=True)
x1 = torch.sigmoid(x0)


def helper(a, b):
    c = a * b
    c.add_(1)
    return c
"""


def program(seed, statements=12, max_depth=4):
    """A module of ``statements`` random top-level statements, blocks nested up to ``max_depth``."""
    g = _Gen(seed, max_depth)
    lines = []
    for _ in range(statements):
        lines += g.stmt("", 0)
    return HEADER + "\n" + "\n".join(lines) + "\n"
