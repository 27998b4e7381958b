import torch
import torch.nn as nn

CLIP = 0.05


def build():
    torch.manual_seed(0)
    G = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 3))
    D = nn.Sequential(nn.Linear(3, 8), nn.LeakyReLU(0.2), nn.Linear(8, 1))
    return G, D


def critic_step(G, D, opt_d, real, z, clip_at_end):
    loss_d = D(G(z).detach()).mean() - D(real).mean()
    if not clip_at_end:
        for p in D.parameters():
            p.data.clamp_(-CLIP, CLIP)  # L
    opt_d.zero_grad()
    loss_d.backward()
    grads = [p.grad.clone() for p in D.parameters()]
    opt_d.step()
    if clip_at_end:
        for p in D.parameters():
            p.data.clamp_(-CLIP, CLIP)
    return grads


def _grads(clip_at_end):
    G, D = build()
    opt_d = torch.optim.RMSprop(D.parameters(), lr=5e-5)
    real, z = torch.randn(6, 3), torch.randn(6, 2)
    return critic_step(G, D, opt_d, real, z, clip_at_end)


def run():
    _grads(clip_at_end=False)


def silent_hazard():
    # the critic's gradient computed with the clipped weights instead of those of the forward pass
    G, D = build()
    real, z = torch.randn(6, 3), torch.randn(6, 2)
    ref = torch.autograd.grad(D(G(z).detach()).mean() - D(real).mean(), list(D.parameters()))
    got = _grads(clip_at_end=False)
    return any(not torch.allclose(a, b) for a, b in zip(ref, got))
