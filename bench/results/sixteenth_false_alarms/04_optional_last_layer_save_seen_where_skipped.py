"""mmagic 1.2.0 (beside the set): IPL001 warnings at mmagic/models/editors/flavr/flavr_net.py:328 and :337
(``dx_3 = self.lrelu(self.layer0(xs[4]))`` and ``dx_0 = self.lrelu(self.layer3(dx_1))`` in
``Decoder.forward``, "`self.layer0(xs[4])` is modified in place by `LeakyReLU(inplace=True)` but
`BatchNorm3d` at line 469 (its input) saved it ... (on the paths where it is the saved tensor)").

FLAVR's ``Conv3d`` block is a convolution and an SE gate, with a batch norm appended when the
configuration asks for one:

    self.conv = [nn.Conv3d(...), SEGating(out_channels)]
    if batchnorm:
        self.conv += [nn.BatchNorm3d(out_channels)]
    self.conv = nn.Sequential(*self.conv)

and the decoder applies ``nn.LeakyReLU(0.2, True)`` (in place) to each block's output.  With the
batch norm, the block's output is the batch norm's output, which ``BatchNorm3d`` does not keep (it
keeps its input, the gate's output); without it, the output is the gate's ``x * y``, which nothing
keeps.  The in-place activation never writes what the batch norm saved.

In the engine's terms: after the ``if``, ``self.conv`` is the join of a 2-list and a 3-list;
``seq_ends.shared_ends`` keeps their shared head (conv, gate) and leaves the batch norm as a
member that is there on some paths (``containers.SomeOrNone``).  ``containers._some_or_none``
runs the rest of the Sequential "as the two branches of an ``if``", once with the batch norm and
once without, and joins the two outputs with ``join(ran, skipped)``; unlike the join of the arms
of an ``if`` expression (``interpreter``: ``join(hidden_linked(va, b_only), hidden_linked(vb,
a_only))``) it does not hide from each arm's value the saves made only on the other arm, so the
``skipped`` output (the gate's output) shows the save the batch norm made of that same tensor on
the ``ran`` path.  Patched in a test process to join as the ``if`` expression does, the warning
disappears here and from the library's file.  The engine would need ``_some_or_none`` to hide
each arm's saves from the other arm's value.
"""
import torch
from torch import nn


class SEGating(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.pool = nn.AdaptiveAvgPool3d(1)
        self.attn_layer = nn.Sequential(nn.Conv3d(channels, channels, kernel_size=1), nn.Sigmoid())

    def forward(self, x):
        return x * self.attn_layer(self.pool(x))


class Conv3d(nn.Module):
    def __init__(self, in_channels, out_channels, batchnorm=False):
        super().__init__()
        self.conv = [nn.Conv3d(in_channels, out_channels, kernel_size=3, padding=1), SEGating(out_channels)]
        if batchnorm:
            self.conv += [nn.BatchNorm3d(out_channels)]
        self.conv = nn.Sequential(*self.conv)

    def forward(self, x):
        return self.conv(x)


class Decoder(nn.Module):
    def __init__(self, batchnorm=False):
        super().__init__()
        self.lrelu = nn.LeakyReLU(0.2, True)
        self.layer0 = Conv3d(4, 4, batchnorm=batchnorm)
        self.layer1 = Conv3d(4, 4, batchnorm=batchnorm)

    def forward(self, x):
        x = self.lrelu(self.layer0(x))
        return self.lrelu(self.layer1(x))


for batchnorm in (False, True):
    decoder = Decoder(batchnorm)
    opt = torch.optim.SGD(decoder.parameters(), lr=0.01)
    for _ in range(2):
        loss = decoder(torch.randn(2, 4, 3, 6, 6)).square().mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
