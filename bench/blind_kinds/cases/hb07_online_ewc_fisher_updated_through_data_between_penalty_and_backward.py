"""Online EWC (EWC++, Chaudhry et al. 2018) on a second task: the penalty weighs each parameter's
distance to its anchor by a running Fisher estimate, refreshed every step from squared
gradients through .data. The step refreshes it right after computing the penalty, before
zero_grad and backward, from the gradients still held from the previous step."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class OnlineEWC:
    def __init__(self, model, lam=50.0, alpha=0.5):
        self.lam, self.alpha = lam, alpha
        self.params = dict(model.named_parameters())
        # task A's solution: a little away from where task B's training starts
        self.anchor = {n: p.detach() - 0.05 for n, p in self.params.items()}
        self.fisher = {n: torch.full_like(p, 0.1) for n, p in self.params.items()}

    def penalty(self):
        return self.lam * sum((self.fisher[n] * (p - self.anchor[n]) ** 2).sum()
                              for n, p in self.params.items())

    def refresh_fisher(self):
        for n, p in self.params.items():
            if p.grad is not None:
                self.fisher[n].data.mul_(self.alpha).add_((1 - self.alpha) * p.grad ** 2)  # L


def train_step(model, ewc, opt, x, y):
    loss = F.cross_entropy(model(x), y) + ewc.penalty()
    ewc.refresh_fisher()  # L
    opt.zero_grad()
    loss.backward()
    opt.step()


def make():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(5, 12), nn.Tanh(), nn.Linear(12, 3))
    return model, OnlineEWC(model)


def batch(seed):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(16, 5, generator=g), torch.randint(0, 3, (16,), generator=g)


def run():
    model, ewc = make()
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    for i in range(3):
        train_step(model, ewc, opt, *batch(i))


class GradRecorder:
    """Stands in for the optimizer: keeps the gradients train_step produced."""

    def __init__(self, model):
        self.model, self.grads = model, None

    def zero_grad(self):
        self.model.zero_grad()

    def step(self):
        self.grads = [p.grad.clone() for p in self.model.parameters()]


def silent_hazard():
    """The penalty's gradient must use the Fisher values the penalty was computed with."""
    x0, y0 = batch(0)
    x, y = batch(1)
    model, ewc = make()
    F.cross_entropy(model(x0), y0).backward()  # gradients left over from the previous step
    fisher_at_penalty = {n: f.clone() for n, f in ewc.fisher.items()}
    rec = GradRecorder(model)
    train_step(model, ewc, rec, x, y)
    ref_model, ref_ewc = make()
    ref_ewc.fisher = fisher_at_penalty
    loss = F.cross_entropy(ref_model(x), y) + ref_ewc.penalty()
    loss.backward()
    ref = [p.grad for p in ref_model.parameters()]
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(rec.grads, ref))
