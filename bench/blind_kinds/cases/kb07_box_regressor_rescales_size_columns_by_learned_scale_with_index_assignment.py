"""A first box regressor: the head predicts (cx, cy, w, h) and, as in FCOS, a learned per-level
scale multiplies the size columns. The author writes the scaled columns back into the prediction
tensor with index assignment (`pred[:, 2:] = pred[:, 2:] * self.scale`) rather than building a new
tensor."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class BoxHead(nn.Module):
    def __init__(self, d_in=8):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(d_in, 16), nn.ReLU())
        self.reg = nn.Linear(16, 4)
        self.scale = nn.Parameter(torch.ones(1))

    def forward(self, x):
        pred = self.reg(self.body(x))
        pred[:, 2:] = pred[:, 2:] * self.scale  # L
        return pred


def run():
    torch.manual_seed(0)
    head = BoxHead()
    opt = torch.optim.SGD(head.parameters(), lr=0.05)
    for _ in range(2):
        x, target = torch.randn(6, 8), torch.rand(6, 4)
        loss = F.smooth_l1_loss(head(x), target)
        opt.zero_grad()
        loss.backward()
        opt.step()
