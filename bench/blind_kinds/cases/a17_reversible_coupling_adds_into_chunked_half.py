"""RevNet-style additive coupling blocks on a feature vector, with the inverse as a mixin."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def mlp(d, hidden):
    return nn.Sequential(nn.Linear(d, hidden), nn.ReLU(), nn.Linear(hidden, d))


class InvertibleMixin:
    def inverse(self, y):
        y1, y2 = torch.chunk(y, 2, dim=-1)
        x2 = y2 - self.g(y1)
        x1 = y1 - self.f(x2)
        return torch.cat([x1, x2], dim=-1)


class AdditiveCoupling(InvertibleMixin, nn.Module):
    def __init__(self, d, hidden=16):
        super().__init__()
        self.f, self.g = mlp(d // 2, hidden), mlp(d // 2, hidden)

    def forward(self, x):
        x1, x2 = torch.chunk(x, 2, dim=-1)
        y1 = x1.add_(self.f(x2))  # L
        y2 = x2 + self.g(y1)
        return torch.cat([y1, y2], dim=-1)


class RevClassifier(nn.Module):
    def __init__(self, d_in=6, d=8, depth=3, n_classes=3):
        super().__init__()
        self.embed = nn.Linear(d_in, d)
        self.blocks = nn.ModuleList([AdditiveCoupling(d) for _ in range(depth)])
        self.out = nn.Linear(d, n_classes)

    def forward(self, x):
        h = self.embed(x)
        for block in self.blocks:
            h = block(h)
        return self.out(h)


def run():
    torch.manual_seed(0)
    model = RevClassifier()
    opt = torch.optim.RMSprop(model.parameters(), lr=1e-3)
    for _ in range(2):
        x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():  # invertibility check, as in the RevNet code
        h = model.embed(torch.randn(2, 6))
        block = model.blocks[0]
        assert torch.allclose(block.inverse(block(h.clone())), h, atol=1e-5)
