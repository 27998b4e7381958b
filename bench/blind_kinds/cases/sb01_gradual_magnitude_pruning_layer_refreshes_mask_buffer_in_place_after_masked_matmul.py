"""Gradual magnitude pruning (Zhu & Gupta) built into the layer: a MaskedLinear multiplies its weight
by a binary mask buffer, and on the steps of the pruning schedule refreshes the mask in place from the
current magnitudes, right after the masked forward (so the next step uses the new mask)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def target_sparsity(step, final=0.6, begin=0, end=4):
    frac = min(max((step - begin) / (end - begin), 0.0), 1.0)
    return final * (1.0 - (1.0 - frac) ** 3)


class MaskedLinear(nn.Linear):
    def __init__(self, d_in, d_out, prune_every=1):
        super().__init__(d_in, d_out)
        self.register_buffer("mask", torch.ones_like(self.weight))
        self.register_buffer("step", torch.zeros((), dtype=torch.long))
        self.prune_every = prune_every

    @torch.no_grad()
    def refresh_mask_(self):
        sparsity = target_sparsity(int(self.step))
        k = int(sparsity * self.weight.numel())
        if k == 0:
            return
        threshold = self.weight.abs().flatten().kthvalue(k).values
        self.mask.copy_(self.weight.abs() > threshold)  # L

    def forward(self, x):
        out = F.linear(x, self.weight * self.mask, self.bias)
        if self.training and int(self.step) % self.prune_every == 0:
            self.refresh_mask_()  # L
        self.step += 1
        return out


def run():
    torch.manual_seed(0)
    net = nn.Sequential(MaskedLinear(6, 12), nn.ReLU(), MaskedLinear(12, 3))
    opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
    for _ in range(3):
        x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
        loss = F.cross_entropy(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
