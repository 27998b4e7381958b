import torch
import torch.nn as nn


class MixtureHead(nn.Module):
    """Soft routing over experts followed by a read-out of the routing weights."""

    def __init__(self, d_in=6, n_experts=4, n_classes=3):
        super().__init__()
        self.router = nn.Linear(d_in, n_experts)
        self.gate = nn.Softmax(dim=-1)
        self.readout = nn.Linear(n_experts, n_classes)

    def forward(self, x):
        return self.readout(self.gate(self.router(x)))


def install_temperature(module, temperature):
    """Sharpen whatever the module receives, without touching the model code."""

    def pre_hook(mod, args):
        (inp,) = args
        inp.mul_(1.0 / temperature)  # L

    return module.register_forward_pre_hook(pre_hook)


def run():
    torch.manual_seed(0)
    model = MixtureHead()
    install_temperature(model.readout, temperature=0.5)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x, y = torch.randn(5, 6), torch.randint(0, 3, (5,))
    loss = nn.functional.cross_entropy(model(x), y)  # L
    opt.zero_grad()
    loss.backward()
    opt.step()
