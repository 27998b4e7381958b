"""A hypernetwork emits a per-sample complex frequency filter as (real, imaginary) planes; the layer
correlates rather than convolves, so it conjugates the filter in place. The planes come from
unpacking the tensor like a tuple (Python iterates it: unbind)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class HyperSpectralFilter(nn.Module):
    def __init__(self, cond_dim=3, length=16):
        super().__init__()
        self.n_freq = length // 2 + 1
        self.hyper = nn.Linear(cond_dim, 2 * self.n_freq)

    def filter_planes(self, cond):
        w = self.hyper(cond).view(-1, 2, self.n_freq).transpose(0, 1)
        re, im = w
        return re, im

    def forward(self, x, cond):
        re, im = self.filter_planes(cond)
        im.neg_()  # L
        spec = torch.fft.rfft(x, dim=-1) * torch.complex(re, im)
        return torch.fft.irfft(spec, n=x.shape[-1], dim=-1)


def run():
    torch.manual_seed(0)
    layer = HyperSpectralFilter()
    head = nn.Linear(16, 1)
    opt = torch.optim.SGD(list(layer.parameters()) + list(head.parameters()), lr=0.05)
    for _ in range(2):
        x, cond, y = torch.randn(4, 16), torch.randn(4, 3), torch.randn(4, 1)
        loss = F.mse_loss(head(layer(x, cond)), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
