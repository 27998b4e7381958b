"""Meta-SGD (Li et al.): MAML with a learned per-parameter inner learning rate.  The rates are kept
non-negative by clamping them through .data inside the meta-loss function, after the inner loop used
them and before the meta-loss is backpropagated."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.func import functional_call


class MetaSGD(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model
        self.lrs = nn.ParameterDict({
            name.replace(".", "_"): nn.Parameter(torch.empty_like(p).uniform_(-0.05, 0.1))
            for name, p in model.named_parameters()
        })

    def adapt(self, x, y, steps=1):
        params = dict(self.model.named_parameters())
        for _ in range(steps):
            loss = F.mse_loss(functional_call(self.model, params, (x,)), y)
            grads = torch.autograd.grad(loss, list(params.values()), create_graph=True)
            params = {n: p - self.lrs[n.replace(".", "_")] * g for (n, p), g in zip(params.items(), grads)}
        return params

    def project_rates_(self):
        for lr in self.lrs.values():
            lr.data.clamp_(min=0.0)  # L


def make_task(n=8):
    w = torch.randn(3, 1)
    x = torch.randn(2 * n, 3)
    return (x[:n], x[:n] @ w), (x[n:], x[n:] @ w)


PROJECT_BEFORE_BACKWARD = True


def meta_loss(learner, tasks):
    total = 0.0
    for (xs, ys), (xq, yq) in tasks:
        fast = learner.adapt(xs, ys)
        total = total + F.mse_loss(functional_call(learner.model, fast, (xq,)), yq)
    if PROJECT_BEFORE_BACKWARD:
        learner.project_rates_()
    return total / len(tasks)


def make_learner():
    torch.manual_seed(0)
    return MetaSGD(nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1)))


def run():
    learner = make_learner()
    opt = torch.optim.Adam(learner.parameters(), lr=1e-3)
    torch.manual_seed(1)
    for _ in range(2):
        loss = meta_loss(learner, [make_task() for _ in range(2)])
        opt.zero_grad()
        loss.backward()
        opt.step()
        if not PROJECT_BEFORE_BACKWARD:
            learner.project_rates_()


def silent_hazard():
    """The meta-gradient must be the one of the rates the inner loop used."""
    torch.manual_seed(2)
    tasks = [make_task() for _ in range(2)]
    got_learner = make_learner()
    meta_loss(got_learner, tasks).backward()
    ref_learner = make_learner()
    global PROJECT_BEFORE_BACKWARD
    saved, PROJECT_BEFORE_BACKWARD = PROJECT_BEFORE_BACKWARD, False
    try:
        meta_loss(ref_learner, tasks).backward()
    finally:
        PROJECT_BEFORE_BACKWARD = saved
    pairs = zip(got_learner.model.parameters(), ref_learner.model.parameters())
    return any(not torch.allclose(a.grad, b.grad, atol=1e-6) for a, b in pairs)
