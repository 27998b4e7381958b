"""EfficientDet's BiFPN "fast normalized fusion": each fusion node keeps one learnable weight per
input, made non-negative and normalised to sum to one, then blends resized feature maps. This
version makes the weights non-negative with `clamp(min=0)` and normalises them in place."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class FastFusion(nn.Module):
    def __init__(self, n_inputs, channels, eps=1e-4):
        super().__init__()
        self.w = nn.Parameter(torch.ones(n_inputs))
        self.eps = eps
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)

    def weights(self):
        w = self.w.clamp(min=0)
        w /= w.sum() + self.eps  # L
        return w

    def forward(self, *feats):
        size = feats[0].shape[-2:]
        feats = [f if f.shape[-2:] == size else F.interpolate(f, size=size, mode="nearest") for f in feats]
        w = self.weights()
        return self.conv(F.silu(sum(wi * f for wi, f in zip(w, feats))))


class TinyBiFPN(nn.Module):
    """Three levels, one top-down and one bottom-up pass."""

    def __init__(self, c=4):
        super().__init__()
        self.td = FastFusion(2, c)
        self.out_mid = FastFusion(3, c)
        self.out_low = FastFusion(2, c)

    def forward(self, p3, p4, p5):
        p4_td = self.td(p4, p5)
        p3_out = self.out_low(p3, p4_td)
        p4_out = self.out_mid(p4, p4_td, F.max_pool2d(p3_out, 2))
        return p3_out, p4_out


def run():
    torch.manual_seed(0)
    stem = nn.Conv2d(3, 4, 3, padding=1)
    fpn = TinyBiFPN()
    head = nn.Conv2d(4, 2, 1)
    params = [*stem.parameters(), *fpn.parameters(), *head.parameters()]
    opt = torch.optim.SGD(params, lr=0.01)
    for _ in range(2):
        img = torch.randn(2, 3, 16, 16)
        c3 = stem(img)
        p3, p4 = fpn(c3, F.avg_pool2d(c3, 2), F.avg_pool2d(c3, 4))
        loss = head(p3).pow(2).mean() + head(p4).abs().mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
