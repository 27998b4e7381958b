"""Highway network: y = H(x) * T(x) + x * (1 - T(x)), the carry gate written in place."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Highway(nn.Module):
    def __init__(self, dim, gate_bias=-1.0):
        super().__init__()
        self.proj = nn.Linear(dim, dim)
        self.gate = nn.Linear(dim, dim)
        nn.init.constant_(self.gate.bias, gate_bias)

    def forward(self, x):
        t = torch.sigmoid(self.gate(x))
        h = F.relu(self.proj(x))
        out = h * t
        carry = t.neg_().add_(1.0)  # L
        return out + x * carry


class HighwayClassifier(nn.Module):
    def __init__(self, dim=8, depth=3, n_classes=3):
        super().__init__()
        self.layers = nn.ModuleList(Highway(dim) for _ in range(depth))
        self.head = nn.Linear(dim, n_classes)

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return self.head(x)


def run():
    torch.manual_seed(0)
    model = HighwayClassifier()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(2):
        x, y = torch.randn(5, 8), torch.randint(0, 3, (5,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
