import contextlib

import torch
import torch.nn as nn


@contextlib.contextmanager
def grad_disabled():
    previous = torch.is_grad_enabled()
    torch.set_grad_enabled(False)
    try:
        yield
    finally:
        torch.set_grad_enabled(previous)


def every(n, fn):
    """Call fn on every n-th call only; returns a wrapper that forwards its arguments."""
    count = 0

    def wrapped(*args, **kwargs):
        nonlocal count
        count += 1
        if count % n == 0:
            return fn(*args, **kwargs)  # L
        return None
    return wrapped


def clip_weights(module, bound):
    with grad_disabled():
        for p in module.parameters():
            p.clamp_(-bound, bound)  # L


def sample(G, n, z_dim=4):
    with grad_disabled():
        return G(torch.randn(n, z_dim))


def train(steps=3, n_critic=2, bound=0.01):
    torch.manual_seed(0)
    G = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 6))
    D = nn.Sequential(nn.Linear(6, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1))
    opt_g = torch.optim.RMSprop(G.parameters(), lr=5e-5)
    opt_d = torch.optim.RMSprop(D.parameters(), lr=5e-5)
    clip = every(1, clip_weights)
    for _ in range(steps):
        for _ in range(n_critic):
            real = torch.randn(8, 6) + 2.0
            d_loss = D(sample(G, 8)).mean() - D(real).mean()
            opt_d.zero_grad()
            d_loss.backward()
            opt_d.step()
            clip(D, bound=bound)  # L
        g_loss = -D(G(torch.randn(8, 4))).mean()
        opt_g.zero_grad()
        g_loss.backward()
        nn.utils.clip_grad_norm_(G.parameters(), max_norm=1.0)
        opt_g.step()


def run():
    train()
