"""imagen-pytorch 2.1.0, imagen_pytorch.py:1458 (and imagen_video.py:1582): IPL001 warning, after 02.

The Unet's last residual block gets its input width from another module's attribute:
``final_conv_dim = self.upsample_combiner.dim_out + (dim if init_conv_to_final_conv_residual
else 0)``, then ``ResnetBlock(final_conv_dim, dim)`` -> ``Block(dim, dim_out)`` ->
``ChanRMSNorm(dim)``, whose ``self.scale = dim ** 0.5`` comes before the ``torch.ones(dim, 1, 1)``
and the ``nn.Conv2d(dim, dim_out, 3)`` that take the width as a size.  Nothing took the Unet's
``dim`` as a size before the combiner was built, so the width is the sum of values of unknown
kind: "something the engine cannot see into", not a parameter.  The size evidence of 02 (only for
parameters) did not apply to it, the ``pow`` stayed a possible save, and ``final_conv_dim_in = dim
if final_resnet_block else final_conv_dim`` followed by ``final_conv_dim_in += ...`` looked like a
write into it.  Whatever is passed where torch takes a size is an int (a floating tensor is
refused: TypeError), and what was computed from it alone before (``dim ** 0.5``) recorded nothing.
The settings come from a config (``json.loads``), as a library's caller's would.
"""
import json

import torch
import torch.nn.functional as F
from torch import nn


class ChanRMSNorm(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.scale = dim ** 0.5
        self.gamma = nn.Parameter(torch.ones(dim, 1, 1))

    def forward(self, x):
        return F.normalize(x, dim=1) * self.scale * self.gamma


class Block(nn.Module):
    def __init__(self, dim, dim_out):
        super().__init__()
        self.norm = ChanRMSNorm(dim)
        self.project = nn.Conv2d(dim, dim_out, 3, padding=1)

    def forward(self, x):
        return self.project(F.silu(self.norm(x)))


class ResnetBlock(nn.Module):
    def __init__(self, dim, dim_out):
        super().__init__()
        self.block1 = Block(dim, dim_out)
        self.block2 = Block(dim_out, dim_out)
        self.res_conv = nn.Conv2d(dim, dim_out, 1)

    def forward(self, x):
        return self.block2(self.block1(x)) + self.res_conv(x)


def cast_tuple(val, length=None):
    if isinstance(val, list):
        val = tuple(val)
    return val if isinstance(val, tuple) else ((val,) * (1 if length is None else length))


class Combiner(nn.Module):
    def __init__(self, dim, *, enabled=False, dim_ins=tuple(), dim_outs=tuple()):
        super().__init__()
        dim_outs = cast_tuple(dim_outs, len(dim_ins))
        self.enabled = enabled
        if not self.enabled:
            self.dim_out = dim
            return
        self.convs = nn.ModuleList([nn.Conv2d(d_in, d_out, 1) for d_in, d_out in zip(dim_ins, dim_outs)])
        self.dim_out = dim + (sum(dim_outs) if len(dim_outs) > 0 else 0)

    def forward(self, x, fmaps):
        if not self.enabled:
            return x
        return torch.cat((x, *[conv(f) for conv, f in zip(self.convs, fmaps)]), dim=1)


class Unet(nn.Module):
    def __init__(self, *, dim, channels=3, fmap_dims=(4, 4), final_resnet_block=True, lowres_cond=False,
                 init_residual=False, combine=False):
        super().__init__()
        self.combiner = Combiner(dim, enabled=combine, dim_ins=list(fmap_dims), dim_outs=dim)
        final_conv_dim = self.combiner.dim_out + (dim if init_residual else 0)
        self.final_res_block = ResnetBlock(final_conv_dim, dim) if final_resnet_block else None
        final_conv_dim_in = dim if final_resnet_block else final_conv_dim
        final_conv_dim_in += (channels if lowres_cond else 0)
        self.final_conv = nn.Conv2d(final_conv_dim_in, channels, 3, padding=1)
        self.lowres_cond = lowres_cond
        self.init_conv = nn.Conv2d(channels * (2 if lowres_cond else 1), dim, 3, padding=1)
        self.fmaps = nn.ModuleList([nn.Conv2d(dim, d, 3, padding=1) for d in fmap_dims])

    def forward(self, x, lowres=None):
        h = self.init_conv(torch.cat((x, lowres), 1) if self.lowres_cond else x)
        h = self.combiner(h, [f(h) for f in self.fmaps])
        if self.final_res_block is not None:
            h = self.final_res_block(h)
        if self.lowres_cond:
            h = torch.cat((h, lowres), 1)
        return self.final_conv(h)


def demo(settings='{"dim": 8}'):
    torch.manual_seed(0)
    for lowres_cond, combine in ((False, True), (True, False)):
        net = Unet(**json.loads(settings), lowres_cond=lowres_cond, combine=combine)  # (a config file's)
        x = torch.randn(2, 3, 8, 8)
        net(x, torch.randn(2, 3, 8, 8) if lowres_cond else None).pow(2).mean().backward()
        assert net.final_res_block.block1.norm.gamma.grad is not None
    print("ok")


if __name__ == "__main__":
    demo()
