"""A mixture-of-experts layer with a cosine router (X-MoE style): tokens are projected to a small
routing space, normalised, and scored against expert embeddings kept at unit norm. The router
restores the unit norm through `.data` on every training forward, after the logits."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CosineRouter(nn.Module):
    def __init__(self, d_model, n_experts, d_route=4, temperature=0.3):
        super().__init__()
        self.proj = nn.Linear(d_model, d_route, bias=False)
        self.expert_emb = nn.Parameter(torch.randn(n_experts, d_route))
        self.temperature = temperature

    def renormalise_experts(self):
        emb = self.expert_emb.data
        emb.div_(emb.norm(dim=-1, keepdim=True))  # L

    def forward(self, x):
        h = F.normalize(self.proj(x), dim=-1)
        logits = h @ self.expert_emb.t() / self.temperature
        if self.training:
            self.renormalise_experts()  # L
        return logits.softmax(-1)


class MoE(nn.Module):
    def __init__(self, d_model=6, n_experts=3):
        super().__init__()
        self.router = CosineRouter(d_model, n_experts)
        self.experts = nn.ModuleList(nn.Sequential(nn.Linear(d_model, 8), nn.GELU(), nn.Linear(8, d_model))
                                     for _ in range(n_experts))

    def forward(self, x):
        probs = self.router(x)
        gate, idx = probs.max(-1)
        out = torch.zeros_like(x)
        for e, expert in enumerate(self.experts):
            sel = idx == e
            if sel.any():
                out[sel] = gate[sel, None] * expert(x[sel])
        balance = (probs.mean(0) * F.one_hot(idx, len(self.experts)).float().mean(0)).sum()
        return x + out, balance


def make_model():
    torch.manual_seed(0)
    return nn.ModuleDict({"moe": MoE(), "head": nn.Linear(6, 2)})


def grads(model, x, y):
    model.zero_grad()
    h, balance = model["moe"](x)
    (F.cross_entropy(model["head"](h), y) + 0.01 * balance).backward()
    return [p.grad.clone() if p.grad is not None else None for p in model.parameters()]


def run():
    model = make_model()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    torch.manual_seed(1)
    for _ in range(2):
        x, y = torch.randn(10, 6), torch.randint(0, 2, (10,))
        grads(model, x, y)
        opt.step()


def silent_hazard():
    """The gradient must be that of the expert embeddings the forward used (the initial ones)."""
    torch.manual_seed(1)
    x, y = torch.randn(10, 6), torch.randint(0, 2, (10,))
    got = grads(make_model(), x, y)
    ref = grads(make_model().eval(), x, y)
    return any((a is None) != (b is None) or (a is not None and not torch.allclose(a, b, atol=1e-6))
               for a, b in zip(got, ref))
