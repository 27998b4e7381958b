"""pykan 0.2.8: IPL004 errors at kan/MLP.py:329 and :332, IPL004 warning at kan/MultKAN.py:2750.

``auto_swap_l`` reorders the neurons of a layer to shorten the drawing's connections: for each
pair it calls ``self.swap(l, i, j)`` (``swap_row(self.linears[l-1].weight.data, i1, i2)`` and
friends: ``data[i1], data[i2] = data[i2].clone(), data[i1].clone()``), then ``self.get_act()``
(a forward on the cached input, with grad enabled, so the ``Linear`` layers save their weights),
``self.attribute()`` (scores computed from the stored activations, no backward) and
``self.connection_cost`` (under ``torch.no_grad()``), and swaps back through ``.data``.  The
forward's graph is only looked at: its output is dropped, no backward is ever run on it (or on the
attribution scores), and the next ``fit`` builds a new graph in its closure before its backward.
So the ``.data`` writes into the saved weights cannot make a gradient wrong: there is no gradient
computed from that graph.  (MultKAN's ``swap`` writes ``node_scale``/``node_bias`` through
``.data`` in the same loop, after its forward's ``node_scale * x``.)  The linter takes the
forward's saves as belonging to a graph that may still be backpropagated and reports the ``.data``
writes as silent changes to saved tensors.
"""
import torch
import torch.nn as nn


class MLP(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.width = width
        self.depth = len(width) - 1
        self.linears = nn.ModuleList([nn.Linear(width[i], width[i + 1]) for i in range(self.depth)])
        self.cache_data = None

    def forward(self, x):
        self.cache_data = x
        self.acts_scale = []
        self.wa_forward = []
        for i in range(self.depth):
            act_scale = torch.std(x, dim=0)
            self.acts_scale.append(act_scale)
            self.wa_forward.append(act_scale[None, :] * self.linears[i].weight)
            x = self.linears[i](x)
            if i < self.depth - 1:
                x = torch.nn.functional.silu(x)
        return x

    def get_act(self):
        self.forward(self.cache_data)

    def attribute(self):
        node_score = torch.ones(self.width[-1])
        self.edge_scores = []
        for l in range(self.depth, 0, -1):
            edge_score = torch.abs(self.wa_forward[l - 1]) * node_score[:, None]
            self.edge_scores.append(edge_score)
            node_score = torch.sum(edge_score, dim=0)

    @property
    def connection_cost(self):
        with torch.no_grad():
            cc = 0.
            for linear in self.linears:
                t = torch.abs(linear.weight)
                x_in = torch.linspace(0, 1, t.shape[0])
                x_out = torch.linspace(0, 1, t.shape[1])
                cc += torch.sum(torch.abs(x_in[:, None] - x_out[None, :]) * t)
        return cc

    def swap(self, l, i1, i2):
        def swap_row(data, i1, i2):
            data[i1], data[i2] = data[i2].clone(), data[i1].clone()

        def swap_col(data, i1, i2):
            data[:, i1], data[:, i2] = data[:, i2].clone(), data[:, i1].clone()

        swap_row(self.linears[l - 1].weight.data, i1, i2)
        swap_row(self.linears[l - 1].bias.data, i1, i2)
        swap_col(self.linears[l].weight.data, i1, i2)

    def auto_swap_l(self, l):
        num = self.width[l]
        for i in range(num):
            ccs = []
            for j in range(num):
                self.swap(l, i, j)
                self.get_act()
                self.attribute()
                ccs.append(self.connection_cost.detach().clone())
                self.swap(l, i, j)
            j = torch.argmin(torch.tensor(ccs))
            self.swap(l, i, j)


torch.manual_seed(0)
x = torch.rand(32, 3)
y = x.sum(dim=1, keepdim=True).sin()
model = MLP([3, 6, 1])
before = model(x).detach()
model.auto_swap_l(1)
assert torch.allclose(model(x), before, atol=1e-5)  # a permutation of hidden units
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
losses = []
for _ in range(20):
    opt.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    opt.step()
    losses.append(loss.item())
assert losses[-1] < losses[0]
