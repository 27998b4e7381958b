import torch
import torch.nn as nn


class ResidualMLPBlock(nn.Module):
    """Post-norm residual block: x -> norm(x + act(fc(x)))."""

    def __init__(self, dim, act=torch.tanh):
        super().__init__()
        self.fc = nn.Linear(dim, dim)
        self.norm = nn.LayerNorm(dim)
        self.act = act

    def forward(self, x):
        out = self.act(self.fc(x))
        out += x  # L
        return self.norm(out)


class Tower(nn.Module):
    def __init__(self, dim=8, depth=3, n_classes=4):
        super().__init__()
        self.blocks = nn.ModuleList(ResidualMLPBlock(dim) for _ in range(depth))
        self.head = nn.Linear(dim, n_classes)

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return self.head(x)


def run():
    torch.manual_seed(0)
    model = Tower()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    x, y = torch.randn(5, 8), torch.randint(0, 4, (5,))
    loss = nn.functional.cross_entropy(model(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
