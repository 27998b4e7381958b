"""Reduced from TTS 0.22.0, TTS/tts/layers/tacotron/tacotron.py:148-175 (``CBHG``,
the Tacotron encoder and postnet)::

    out_features = [K * conv_bank_features] + conv_projections[:-1]
    activations = [self.relu] * (len(conv_projections) - 1)
    activations += [None]
    layer_set = []
    for in_size, out_size, ac in zip(out_features, conv_projections, activations):
        layer = BatchNormConv1d(in_size, out_size, ..., activation=ac)
        layer_set.append(layer)
    self.conv1d_projections = nn.ModuleList(layer_set)
    ...
    for conv1d in self.conv1d_projections:
        x = conv1d(x)
    x += inputs

Safe: the projections' activations are ReLU for all but the last block, whose
activation is ``None``, so after the loop ``x`` is the last block's BatchNorm
output.  BatchNorm saves its input, not its output, so the residual ``+=`` writes
a tensor nothing saved.  (ReLU saves its output, so the write would raise if the
last block had one.)  The linter warns that ``ReLU`` (its output) saved ``x``:
``out_features``, a list joined to a slice of a parameter, has a length the
engine does not know, so the three-way ``zip`` no longer pairs each block with
its own activation.  With ``zip(sizes, sizes, activations)`` the file is quiet;
without the optional projection after the write (``pre_highway`` in the
library), the same finding is an *error*.
"""
import torch
import torch.nn as nn


class ConvBN(nn.Module):
    def __init__(self, in_size, out_size, activation):
        super().__init__()
        self.conv = nn.Conv1d(in_size, out_size, 3, padding=1)
        self.bn = nn.BatchNorm1d(out_size)
        self.activation = activation

    def forward(self, x):
        x = self.bn(self.conv(x))
        if self.activation is not None:
            x = self.activation(x)
        return x


class Residual(nn.Module):
    def __init__(self, channels, sizes=[8, 4], out_size=6):
        super().__init__()
        self.relu = nn.ReLU()
        self.sizes = sizes
        in_sizes = [channels] + sizes[:-1]
        activations = [self.relu] * (len(sizes) - 1)
        activations += [None]
        layers = []
        for in_size, size, ac in zip(in_sizes, sizes, activations):
            layers.append(ConvBN(in_size, size, activation=ac))
        self.projections = nn.ModuleList(layers)
        self.out_size = out_size
        if out_size != sizes[-1]:
            self.project = nn.Linear(sizes[-1], out_size, bias=False)

    def forward(self, inputs):
        x = inputs
        for block in self.projections:
            x = block(x)
        x += inputs
        x = x.transpose(1, 2)
        if self.out_size != self.sizes[-1]:
            x = self.project(x)
        return x


def main():
    model = Residual(4)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(2):
        loss = model(torch.randn(2, 4, 8)).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("ok")


if __name__ == "__main__":
    main()
