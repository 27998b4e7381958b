import torch
import torch.nn as nn


class ConvGRU(nn.Module):
    def __init__(self, hidden, inp):
        super().__init__()
        self.convz = nn.Conv2d(hidden + inp, hidden, 3, padding=1)
        self.convr = nn.Conv2d(hidden + inp, hidden, 3, padding=1)
        self.convq = nn.Conv2d(hidden + inp, hidden, 3, padding=1)

    def forward(self, h, x):
        hx = torch.cat([h, x], dim=1)
        z = torch.sigmoid(self.convz(hx))
        r = torch.sigmoid(self.convr(hx))
        q = torch.tanh(self.convq(torch.cat([r * h, x], dim=1)))
        return (1 - z) * h + z * q


class UpdateBlockBase(nn.Module):
    """One refinement step: GRU on (hidden, context, motion features), then the heads. Subclasses
    give `heads(net)` returning (delta_flow, upsampling_mask)."""

    mask_scale = 0.25  # RAFT: scale the mask to balance the gradients

    def __init__(self, hidden, context, upsample):
        super().__init__()
        self.upsample = upsample
        self.motion = nn.Conv2d(2 + context, hidden, 3, padding=1)
        self.gru = ConvGRU(hidden, hidden + context)

    def heads(self, net):
        raise NotImplementedError

    def scale_mask_(self, mask):
        return mask.mul_(self.mask_scale)  # L

    def forward(self, net, inp, flow):
        motion = torch.relu(self.motion(torch.cat([flow, inp], dim=1)))
        net = self.gru(net, torch.cat([inp, motion], dim=1))
        delta, mask = self.heads(net)
        return net, delta, self.scale_mask_(mask)  # L
