"""Weight-noise regularisation (Graves-style): perturb the weights through .data, forward, un-perturb."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class NoisyWeights:
    def __init__(self, model, std=0.1):
        self.params = [p for n, p in model.named_parameters() if n.endswith("weight")]
        self.std = std
        self.noise = []

    def add(self):
        self.noise = [torch.randn_like(p) * self.std for p in self.params]
        for p, n in zip(self.params, self.noise):
            p.data.add_(n)

    def remove(self):
        for p, n in zip(self.params, self.noise):
            p.data.sub_(n)  # L


def make_model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 2))


def train_step(model, noise, x, y):
    noise.add()
    loss = F.mse_loss(model(x), y)
    noise.remove()  # L
    model.zero_grad()
    loss.backward()
    return [p.grad.clone() for p in model.parameters()]


def run():
    model = make_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    noise = NoisyWeights(model)
    torch.manual_seed(1)
    for _ in range(2):
        x, y = torch.randn(6, 4), torch.randn(6, 2)
        train_step(model, noise, x, y)
        opt.step()


def silent_hazard():
    """The gradient should be the one at the noisy weights the forward used."""
    model = make_model()
    noise = NoisyWeights(model)
    torch.manual_seed(1)
    x, y = torch.randn(6, 4), torch.randn(6, 2)
    torch.manual_seed(2)
    got = train_step(model, noise, x, y)
    ref = make_model()
    with torch.no_grad():
        for p, n in zip([p for n_, p in ref.named_parameters() if n_.endswith("weight")], noise.noise):
            p.add_(n)
    F.mse_loss(ref(x), y).backward()
    return any(not torch.allclose(g, p.grad) for g, p in zip(got, ref.parameters()))
