import torch
import torch.nn as nn
import torch.nn.functional as F

CONFIG = {"width": 6, "act": "gelu", "layers": 2}


class ProjectedUnit(nn.Module):
    """act(W x + b), the activation looked up by name in torch.nn.functional."""

    def __init__(self, width, act="relu"):
        super().__init__()
        self.proj = nn.Linear(width, width)
        self.act_name = act

    @property
    def act(self):
        return getattr(F, self.act_name)

    def forward(self, x):
        return self.act(self.proj(x))


class ResidualUnit(ProjectedUnit):
    def forward(self, x):
        out = super().forward(x)
        out += x  # L
        return out


def build(cfg):
    return nn.Sequential(*[ResidualUnit(cfg["width"], act=cfg["act"]) for _ in range(cfg["layers"])],
                         nn.Linear(cfg["width"], 1))


def run():
    torch.manual_seed(0)
    model = build(CONFIG)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x, y = torch.randn(4, CONFIG["width"]), torch.randn(4, 1)
    for _ in range(2):
        loss = F.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
