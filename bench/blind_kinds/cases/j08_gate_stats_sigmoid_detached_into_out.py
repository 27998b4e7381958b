import torch
import torch.nn as nn
import torch.nn.functional as F


class GatedUnit(nn.Module):
    """GLU-style gate; the gate statistics for logging go into a workspace kept between calls."""

    def __init__(self, d, max_batch=16):
        super().__init__()
        self.value = nn.Linear(d, d)
        self.gate = nn.Linear(d, d)
        self.register_buffer("_gate_ws", torch.empty(max_batch, d), persistent=False)

    def _workspace(self, n):
        return self._gate_ws[:n]

    def forward(self, x, **kwargs):
        ws = self._workspace(x.size(0))
        logits = self.gate(x)
        g = torch.sigmoid(logits)
        if kwargs.get("return_gate"):
            return self.value(x) * g, torch.sigmoid(logits.detach(), out=ws)  # L
        return self.value(x) * g


def run():
    torch.manual_seed(0)
    net = nn.ModuleDict({"unit": GatedUnit(6), "head": nn.Linear(6, 2)})
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    x, y = torch.randn(5, 6), torch.randint(0, 2, (5,))
    h, gate = net["unit"](x, return_gate=True)
    loss = F.cross_entropy(net["head"](h), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
