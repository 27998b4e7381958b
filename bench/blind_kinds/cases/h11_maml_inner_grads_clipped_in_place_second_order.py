import torch
import torch.nn.functional as F


def clip_grads_(grads, max_norm):
    """Hand-written clip_grad_norm_ for a list of gradient tensors."""
    total = torch.norm(torch.stack([g.norm() for g in grads]))
    coef = (max_norm / (total + 1e-6)).clamp(max=1.0)
    for g in grads:
        g.mul_(coef)  # L
    return grads


def forward(params, x):
    w1, b1, w2, b2 = params
    return F.linear(torch.tanh(F.linear(x, w1, b1)), w2, b2)


def run(first_order=False):
    torch.manual_seed(0)
    params = [(0.5 * torch.randn(8, 2)).requires_grad_(), torch.zeros(8, requires_grad=True),
              (0.5 * torch.randn(1, 8)).requires_grad_(), torch.zeros(1, requires_grad=True)]
    meta_opt = torch.optim.Adam(params, lr=1e-3)
    xs, ys, xq, yq = torch.randn(5, 2), torch.randn(5, 1), torch.randn(5, 2), torch.randn(5, 1)
    inner = F.mse_loss(forward(params, xs), ys)
    grads = torch.autograd.grad(inner, params, create_graph=not first_order)
    grads = clip_grads_(list(grads), max_norm=0.5)
    fast = [p - 0.1 * g for p, g in zip(params, grads)]
    outer = F.mse_loss(forward(fast, xq), yq)
    meta_opt.zero_grad()
    outer.backward()
    meta_opt.step()
