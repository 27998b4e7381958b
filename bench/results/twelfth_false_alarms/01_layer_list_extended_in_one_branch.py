"""pytorch-toolbelt 0.8.0: IPL001 warning at modules/backbone/wider_resnet.py:97
(``out.add_(shortcut)`` in ``IdentityResidualBlock.forward``).

The block builds its residual branch from a list of ``(name, module)`` pairs that starts and ends
with a ``Conv2d``; only when a dropout factory is given does it splice a dropout layer into the
middle (``layers = layers[0:2] + [("dropout", dropout())] + layers[2:]``).  ``self.convs =
nn.Sequential(OrderedDict(layers))`` therefore always ends with a convolution, whose output is a
fresh tensor that no op saved, and ``out.add_(shortcut)`` on it is safe in every configuration:
WiderResNet trains through it (the library's own block, loaded here with stand-ins for cv2 and
torchvision, backpropagates with and without dropout, stride 1 and 2).

The linter joins the two versions of the list (three pairs, or four after the splice) into a
value whose elements it no longer knows, so the ``nn.Sequential`` built from it is an unknown
module chain, which it allows to hand back its own input (as an empty chain or an identity
would).  ``out`` may then be ``bn1``, which the projection ``Conv2d`` saved, and the ``add_`` a
write into a saved tensor.  Without the ``if dropout`` splice, or with the layers written out in
the ``nn.Sequential(...)`` call, the copy is quiet; the splice alone, made unconditionally, is
understood.
"""
from collections import OrderedDict

import torch
from torch import nn


def norm_act(num_features):
    # The library's default is ABN, BatchNorm2d followed by an in-place activation chosen by name;
    # with ``nn.Sequential(BatchNorm2d, ReLU(inplace=True))`` here the same copy gives an *error*
    # (the ReLU saves its output, which ``out`` may then be), a plain BatchNorm2d gives the
    # library's warning.
    return nn.BatchNorm2d(num_features)


class IdentityResidualBlock(nn.Module):
    def __init__(self, in_channels, channels, stride=1, dropout=None):
        super().__init__()
        self.bn1 = norm_act(in_channels)
        layers = [
            ("conv1", nn.Conv2d(in_channels, channels[0], 3, stride=stride, padding=1, bias=False)),
            ("bn2", norm_act(channels[0])),
            ("conv2", nn.Conv2d(channels[0], channels[1], 3, padding=1, bias=False)),
        ]
        if dropout is not None:
            layers = layers[0:2] + [("dropout", dropout())] + layers[2:]
        self.convs = nn.Sequential(OrderedDict(layers))
        if stride != 1 or in_channels != channels[-1]:
            self.proj_conv = nn.Conv2d(in_channels, channels[-1], 1, stride=stride, bias=False)

    def forward(self, x):
        if hasattr(self, "proj_conv"):
            bn1 = self.bn1(x)
            shortcut = self.proj_conv(bn1)
        else:
            shortcut = x.clone()
            bn1 = self.bn1(x)
        out = self.convs(bn1)
        out.add_(shortcut)
        return out


torch.manual_seed(0)
for stride in (1, 2):
    for dropout in (None, lambda: nn.Dropout(0.1)):
        block = IdentityResidualBlock(8, [8, 16], stride=stride, dropout=dropout)
        opt = torch.optim.SGD(block.parameters(), lr=0.01)
        x = torch.randn(2, 8, 8, 8, requires_grad=True)
        for _ in range(3):
            opt.zero_grad()
            block(x).square().mean().backward()
            opt.step()
        assert x.grad is not None and x.grad.abs().sum() > 0
        assert block.convs[0].weight.grad.abs().sum() > 0 and block.proj_conv.weight.grad.abs().sum() > 0
