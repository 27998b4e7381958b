"""Post-ReLU activation fake quantisation with a min/max observer: the scale is a buffer, and the
observer refreshes it from the current batch inside the forward, before quantising (as
torch.ao's FakeQuantize does)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def round_ste(x):
    return x + (torch.round(x) - x).detach()


class ActFakeQuant(nn.Module):
    def __init__(self, bits=4, momentum=0.1):
        super().__init__()
        self.qmax = 2 ** bits - 1
        self.momentum = momentum
        self.register_buffer("scale", torch.ones(()))
        self.register_buffer("initialised", torch.zeros((), dtype=torch.bool))

    @torch.no_grad()
    def observe(self, x):
        new_scale = x.amax().clamp(min=1e-6) / self.qmax
        if not self.initialised:
            self.scale.copy_(new_scale)  # L
            self.initialised.fill_(True)
        else:
            self.scale.lerp_(new_scale, self.momentum)  # L

    def forward(self, x):
        if self.training:
            self.observe(x)  # L
        return round_ste(x / self.scale).clamp(0, self.qmax) * self.scale


class QuantMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(5, 8), nn.Linear(8, 3)
        self.q1 = ActFakeQuant()

    def forward(self, x):
        return self.fc2(self.q1(F.relu(self.fc1(x))))


def run():
    torch.manual_seed(0)
    model = QuantMLP()
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    for _ in range(2):
        x, y = torch.randn(6, 5), torch.randint(0, 3, (6,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
