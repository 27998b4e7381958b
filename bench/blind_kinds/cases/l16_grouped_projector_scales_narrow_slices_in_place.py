import torch
import torch.nn as nn
import torch.nn.functional as F

TASKS = {"colour": 3, "shape": 4, "size": 2}


class GroupedProjector(nn.Module):
    """One projection, split into a slice per task; each slice has a learned scale and its own head."""

    def __init__(self, d_in=5, width=4, tasks=TASKS):
        super().__init__()
        self.width = width
        self.proj = nn.Linear(d_in, len(tasks) * width)
        self.log_scale = nn.ParameterDict({t: nn.Parameter(torch.zeros(())) for t in tasks})
        self.heads = nn.ModuleDict({t: nn.Linear(width, n) for t, n in tasks.items()})

    def split(self, z):
        return [z.narrow(-1, i * self.width, self.width) for i in range(len(self.heads))]

    def _route(self, z, *, temperature=1.0, only=None):
        parts = self.split(z)
        for name, part in zip(self.heads.keys(), parts):
            part.mul_(self.log_scale[name].exp() / temperature)  # L
        return {name: head(part) for (name, head), part in zip(self.heads.items(), parts)
                if only is None or name in only}

    def forward(self, x, **kwargs):
        return self._route(self.proj(x), **kwargs)


def total_loss(model, x, labels, **kwargs):
    outs = model(x, **kwargs)
    return sum(F.cross_entropy(outs[name], labels[name]) for name in outs)


def make_batch(n=6):
    return torch.randn(n, 5), {t: torch.randint(0, k, (n,)) for t, k in TASKS.items()}


def run():
    torch.manual_seed(0)
    model = GroupedProjector()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    x, labels = make_batch()
    loss = total_loss(model, x, labels, temperature=0.5)
    opt.zero_grad()
    loss.backward()
    opt.step()


def silent_hazard():
    torch.manual_seed(0)
    model = GroupedProjector()
    x, labels = make_batch()
    got = torch.autograd.grad(total_loss(model, x, labels, temperature=0.5), list(model.parameters()))
    z = model.proj(x)  # the reference: the same scaling written out of place
    outs = {name: head(part * model.log_scale[name].exp() / 0.5)
            for (name, head), part in zip(model.heads.items(), model.split(z))}
    ref_loss = sum(F.cross_entropy(outs[name], labels[name]) for name in outs)
    ref = torch.autograd.grad(ref_loss, list(model.parameters()))
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
