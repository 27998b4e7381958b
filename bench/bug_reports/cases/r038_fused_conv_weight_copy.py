# Source: https://github.com/PingoLH/FCHarDNet/issues/61
# Report: a script folds BatchNorm into a fresh conv and copies the fused kernel
# with `cconv.weight[:,:,:,:] = W[:,:,:,:]` with grad enabled: "a view of a leaf
# Variable that requires grad is being used in an in-place operation".
import torch
import torch.nn as nn


def fuse(conv, bn):
    cconv = nn.Conv2d(conv.in_channels, conv.out_channels, conv.kernel_size,
                      padding=conv.padding, bias=True)
    scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)
    W = conv.weight * scale.view(-1, 1, 1, 1)
    cconv.weight[:, :, :, :] = W[:, :, :, :]  # hazard
    cconv.bias[:] = bn.bias - bn.running_mean * scale  # hazard
    return cconv


def run():
    conv = nn.Conv2d(2, 3, 3, padding=1, bias=False)
    bn = nn.BatchNorm2d(3)
    fused = fuse(conv, bn)
    fused(torch.randn(1, 2, 4, 4)).sum().backward()


if __name__ == "__main__":
    run()
