"""pykan 0.2.8: IPL003 error at kan/MultKAN.py:1886 (``remove_edge``) and IPL002 error at
kan/MultKAN.py:2447 (``expand_width``'s ``self.act_fun[l].mask *= 0.``).  Not at first contact:
they appeared with main at 37cd025 (requires_grad facts set inside one branch of an ``if`` hold
on that branch only); the engine of the first-contact run (c37c72b) is quiet on this file.

``KANLayer.__init__`` makes its edge mask in one of two ways, each frozen where it is made::

    if sparse_init:
        self.mask = torch.nn.Parameter(sparse_mask(in_dim, out_dim)).requires_grad_(False)
    else:
        self.mask = torch.nn.Parameter(torch.ones(in_dim, out_dim)).requires_grad_(False)

so on either path the mask is a leaf that does not require grad, and pruning writes it in place
(``self.act_fun[l].mask[i][j] = 0.``, ``mask *= 0.``) without any autograd complaint; the model
keeps training (the mask multiplies the spline outputs).  The linter drops the
``requires_grad_(False)`` at the join of the two arms and falls back to ``nn.Parameter``'s
default, a leaf that requires grad.  With one unconditional assignment, or with
``nn.Parameter(..., requires_grad=False)`` in both arms, it is quiet.
"""
import torch


class KANLayer(torch.nn.Module):
    def __init__(self, in_dim, out_dim, sparse_init=False):
        super().__init__()
        if sparse_init:
            self.mask = torch.nn.Parameter(torch.eye(in_dim, out_dim)).requires_grad_(False)
        else:
            self.mask = torch.nn.Parameter(torch.ones(in_dim, out_dim)).requires_grad_(False)
        self.coef = torch.nn.Parameter(torch.randn(in_dim, out_dim))

    def forward(self, x):
        return x @ (self.coef * self.mask)


class KAN(torch.nn.Module):
    def __init__(self, width):
        super().__init__()
        self.act_fun = torch.nn.ModuleList(
            [KANLayer(width[i], width[i + 1], sparse_init=(i == 0)) for i in range(len(width) - 1)])

    def forward(self, x):
        for layer in self.act_fun:
            x = torch.tanh(layer(x))
        return x

    def remove_edge(self, l, i, j):
        self.act_fun[l].mask[i][j] = 0.

    def clear_layer(self, l):
        self.act_fun[l].mask *= 0.


torch.manual_seed(0)
model = KAN([3, 4, 1])
model.remove_edge(1, 2, 0)
x, y = torch.randn(16, 3), torch.randn(16, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(3):
    opt.zero_grad()
    ((model(x) - y) ** 2).mean().backward()
    opt.step()
assert model.act_fun[1].coef.grad[2, 0] == 0 and model.act_fun[1].coef.grad.abs().sum() > 0
model.clear_layer(0)
assert model.act_fun[0].mask.sum() == 0 and not model.act_fun[0].mask.requires_grad
