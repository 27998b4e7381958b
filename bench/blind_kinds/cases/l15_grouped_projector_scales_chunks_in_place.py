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
        return z.chunk(len(self.heads), dim=-1)

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
