import torch
import torch.nn as nn

from ..utils.tensor import convex_upsample
from .update import FusedUpdateBlock


class RAFTLite(nn.Module):
    def __init__(self, feat_dim, hidden, iters, upsample):
        super().__init__()
        self.iters, self.upsample, self.hidden = iters, upsample, hidden
        self.fnet = nn.Sequential(nn.Conv2d(3, feat_dim, 3, padding=1), nn.ReLU(),
                                  nn.Conv2d(feat_dim, feat_dim, 3, stride=upsample, padding=1))
        self.cnet = nn.Conv2d(2 * feat_dim, hidden + feat_dim, 3, padding=1)
        self.update = FusedUpdateBlock(hidden, feat_dim, upsample)

    def forward(self, img1, img2):
        f1, f2 = self.fnet(img1), self.fnet(img2)
        net, inp = self.cnet(torch.cat([f1, f2], 1)).split([self.hidden, f1.shape[1]], dim=1)
        net, inp = torch.tanh(net), torch.relu(inp)
        flow = torch.zeros(f1.shape[0], 2, f1.shape[2], f1.shape[3])
        predictions = []
        for _ in range(self.iters):
            net, delta, mask = self.update(net, inp, flow)  # L
            flow = flow + delta
            predictions.append(convex_upsample(flow, mask, self.upsample))
        return predictions
