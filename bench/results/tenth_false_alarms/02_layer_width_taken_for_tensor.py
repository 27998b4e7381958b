"""imagen-pytorch 2.1.0, imagen_pytorch.py:1458 (and imagen_video.py:1582): IPL001 warning.

``Unet.__init__(self, *, dim, ...)`` builds its last residual block with ``ResnetBlock(
final_conv_dim, dim)``, whose ``Block(dim_out, dim_out)`` makes a ``ChanRMSNorm(dim)`` that
keeps ``self.scale = dim ** 0.5`` and a ``nn.Parameter(torch.ones(dim, 1, 1))``; afterwards the
Unet computes the last conv's input width with ``final_conv_dim_in = dim if final_resnet_block
else ...`` and ``final_conv_dim_in += (channels if lowres_cond else 0)``.  ``dim`` is a layer
width, a Python int: the ``+=`` rebinds a name, and ``dim ** 0.5`` records nothing.  It cannot be
a tensor that requires grad: such a tensor is a floating one, and a floating tensor is refused as
a size by ``torch.ones``, ``nn.Linear`` and ``nn.Conv2d`` (TypeError), all of which get ``dim``
before the ``+=``.  The linter takes the unannotated constructor argument for a possible tensor
requiring grad, the ``pow`` for a save of it and the ``+=`` for a write into it.
"""
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


class Unet(nn.Module):
    def __init__(self, *, dim, channels=3, final_resnet_block=True, lowres_cond=False):
        super().__init__()
        self.init_conv = nn.Conv2d(channels * (2 if lowres_cond else 1), dim, 3, padding=1)
        final_conv_dim = dim * 2
        self.mid = nn.Conv2d(dim, final_conv_dim, 3, padding=1)
        self.final_res_block = ResnetBlock(final_conv_dim, dim) if final_resnet_block else None
        final_conv_dim_in = dim if final_resnet_block else final_conv_dim
        final_conv_dim_in += (channels if lowres_cond else 0)
        self.final_conv = nn.Conv2d(final_conv_dim_in, channels, 3, padding=1)
        self.lowres_cond = lowres_cond

    def forward(self, x, lowres=None):
        h = self.mid(self.init_conv(torch.cat((x, lowres), 1) if self.lowres_cond else x))
        if self.final_res_block is not None:
            h = self.final_res_block(h)
        if self.lowres_cond:
            h = torch.cat((h, lowres), 1)
        return self.final_conv(h)


torch.manual_seed(0)
for lowres_cond in (False, True):
    net = Unet(dim=8, lowres_cond=lowres_cond)
    x = torch.randn(2, 3, 8, 8)
    net(x, torch.randn(2, 3, 8, 8) if lowres_cond else None).pow(2).mean().backward()
    assert net.final_res_block.block2.norm.gamma.grad is not None
try:
    ChanRMSNorm(torch.tensor(8.0, requires_grad=True))
except TypeError:
    pass
else:
    raise AssertionError("a floating tensor was taken as a size")
print("ok")
