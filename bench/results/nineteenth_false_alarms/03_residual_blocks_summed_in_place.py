"""Reduced from TTS 0.22.0, TTS/tts/layers/xtts/hifigan_decoder.py:228-295
(``HifiganGenerator``, XTTS's HiFi-GAN decoder; the multi-receptive-field
fusion)::

    resblock = ResBlock1 if resblock_type == "1" else ResBlock2
    ...
    for i in range(len(self.ups)):
        ch = upsample_initial_channel // (2 ** (i + 1))
        for _, (k, d) in enumerate(zip(resblock_kernel_sizes, resblock_dilation_sizes)):
            self.resblocks.append(resblock(ch, k, d))
    ...
        if self.cond_in_each_up_layer:
            o = o + self.conds[i](g)
        z_sum = None
        for j in range(self.num_kernels):
            if z_sum is None:
                z_sum = self.resblocks[i * self.num_kernels + j](o)
            else:
                z_sum += self.resblocks[i * self.num_kernels + j](o)

with each residual block (``ResBlock1`` / ``ResBlock2``, lines 105-120, 178-183)::

    for c1, c2 in zip(self.convs1, self.convs2):
        xt = F.leaky_relu(x, LRELU_SLOPE)
        ...
        x = xt + x
    return x

Safe: each block's ``ModuleList``s are literal lists of three (or two)
weight-normed convolutions, so the block's loop always runs and the block
returns the sum of its last pass, which nothing saved.  ``z_sum`` is the first
block's fresh sum, never ``o`` (which the next block's ``leaky_relu`` keeps), so
``z_sum +=`` writes nothing saved.  The linter warns that ``leaky_relu`` (its
input) saved ``z_sum`` "in the previous iteration".  Quiet when the blocks are
appended in a single loop (not nested in the loop over the upsamplers), when
one block class is used (no ``if`` between two), without the conditional
``o = o + self.conds[i](g)``, or without ``weight_norm``.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.parametrizations import weight_norm


def conv(channels, kernel_size, dilation):
    return weight_norm(nn.Conv1d(channels, channels, kernel_size, dilation=dilation,
                                 padding=(kernel_size * dilation - dilation) // 2))


class ResBlock1(nn.Module):
    def __init__(self, channels, kernel_size=3, dilation=(1, 3, 5)):
        super().__init__()
        self.convs1 = nn.ModuleList([conv(channels, kernel_size, dilation[0]), conv(channels, kernel_size, dilation[1]),
                                     conv(channels, kernel_size, dilation[2])])
        self.convs2 = nn.ModuleList([conv(channels, kernel_size, 1), conv(channels, kernel_size, 1),
                                     conv(channels, kernel_size, 1)])

    def forward(self, x):
        for c1, c2 in zip(self.convs1, self.convs2):
            xt = c1(F.leaky_relu(x, 0.1))
            xt = c2(F.leaky_relu(xt, 0.1))
            x = xt + x
        return x


class ResBlock2(nn.Module):
    def __init__(self, channels, kernel_size=3, dilation=(1, 3)):
        super().__init__()
        self.convs = nn.ModuleList([conv(channels, kernel_size, dilation[0]), conv(channels, kernel_size, dilation[1])])

    def forward(self, x):
        for c in self.convs:
            x = c(F.leaky_relu(x, 0.1)) + x
        return x


class Generator(nn.Module):
    def __init__(self, resblock_type, kernel_sizes, dilation_sizes, upsample_factors, channels=8, cond_channels=3,
                 cond_in_each_up_layer=False):
        super().__init__()
        self.num_kernels = len(kernel_sizes)
        self.num_upsamples = len(upsample_factors)
        self.cond_in_each_up_layer = cond_in_each_up_layer
        resblock = ResBlock1 if resblock_type == "1" else ResBlock2
        self.ups = nn.ModuleList()
        for i, u in enumerate(upsample_factors):
            self.ups.append(weight_norm(nn.ConvTranspose1d(channels // 2**i, channels // 2 ** (i + 1), 2 * u, u,
                                                           padding=u // 2)))
        self.resblocks = nn.ModuleList()
        for i in range(len(self.ups)):
            ch = channels // 2 ** (i + 1)
            for k, d in zip(kernel_sizes, dilation_sizes):
                self.resblocks.append(resblock(ch, k, d))
        if cond_in_each_up_layer:
            self.conds = nn.ModuleList([nn.Conv1d(cond_channels, channels // 2 ** (i + 1), 1)
                                        for i in range(len(self.ups))])

    def forward(self, x, g=None):
        o = x
        for i in range(self.num_upsamples):
            o = self.ups[i](F.leaky_relu(o, 0.1))
            if self.cond_in_each_up_layer:
                o = o + self.conds[i](g)
            z_sum = None
            for j in range(self.num_kernels):
                if z_sum is None:
                    z_sum = self.resblocks[i * self.num_kernels + j](o)
                else:
                    z_sum += self.resblocks[i * self.num_kernels + j](o)
            o = z_sum / self.num_kernels
        return torch.tanh(o)


def main():
    for kind, dilations in (("1", [(1, 3, 5), (1, 3, 5)]), ("2", [(1, 3), (1, 3)])):
        for cond in (False, True):
            model = Generator(kind, [3, 5], dilations, [2, 2], cond_in_each_up_layer=cond)
            out = model(torch.randn(2, 8, 5), torch.randn(2, 3, 1))
            out.pow(2).mean().backward()
    print("ok")


if __name__ == "__main__":
    main()
