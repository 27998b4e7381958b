# Source: https://github.com/PingoLH/FCHarDNet/issues/61
# Safe twin: fold under torch.no_grad() (the usual fix for weight surgery).
import torch
import torch.nn as nn


@torch.no_grad()
def fuse(conv, bn):
    cconv = nn.Conv2d(conv.in_channels, conv.out_channels, conv.kernel_size,
                      padding=conv.padding, bias=True)
    scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)
    W = conv.weight * scale.view(-1, 1, 1, 1)
    cconv.weight[:, :, :, :] = W[:, :, :, :]
    cconv.bias[:] = bn.bias - bn.running_mean * scale
    return cconv


def run():
    conv = nn.Conv2d(2, 3, 3, padding=1, bias=False)
    bn = nn.BatchNorm2d(3)
    fused = fuse(conv, bn)
    fused(torch.randn(1, 2, 4, 4)).sum().backward()


if __name__ == "__main__":
    run()
