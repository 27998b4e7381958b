"""A session-based next-item recommender (mean of the session's item embeddings, a small MLP), scoring
every item against the same item table (weight tying, as in YouTube-DNN notebooks). To keep the items
on the unit sphere the model renormalises the table through .data on each training forward."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SessionRec(nn.Module):
    def __init__(self, n_items=12, dim=6):
        super().__init__()
        self.items = nn.Embedding(n_items, dim)
        self.mlp = nn.Sequential(nn.Linear(dim, dim), nn.Tanh())

    @torch.no_grad()
    def renorm_items(self):
        w = self.items.weight.data
        w.div_(w.norm(dim=1, keepdim=True).clamp(min=1e-6))  # L

    def forward(self, sessions):
        user = self.mlp(self.items(sessions).mean(dim=1))
        scores = user @ self.items.weight.t()
        if self.training:
            self.renorm_items()  # L
        return scores


def make_model():
    torch.manual_seed(0)
    return SessionRec()


def grads(model, sessions, target):
    model.zero_grad()
    F.cross_entropy(model(sessions), target).backward()
    return [p.grad.clone() for p in model.parameters()]


def run():
    model = make_model()
    opt = torch.optim.Adagrad(model.parameters(), lr=0.05)
    torch.manual_seed(1)
    for _ in range(3):
        sessions, target = torch.randint(0, 12, (8, 4)), torch.randint(0, 12, (8,))
        grads(model, sessions, target)
        opt.step()


def silent_hazard():
    """The gradient must be the one of the item table the forward scored with."""
    torch.manual_seed(1)
    sessions, target = torch.randint(0, 12, (8, 4)), torch.randint(0, 12, (8,))
    got = grads(make_model(), sessions, target)
    ref = grads(make_model().eval(), sessions, target)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
