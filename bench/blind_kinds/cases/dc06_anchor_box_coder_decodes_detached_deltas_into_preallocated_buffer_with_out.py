"""A single-level anchor-based detector (SSD/RetinaNet style).  The box coder keeps a preallocated
decode buffer sized for the anchor grid and decodes with ``out=`` to avoid allocating per step.  The
loss is taken on the encoded deltas (the usual target side); the decoded boxes, detached, go to the
running-recall meter."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def grid_anchors(size, stride, wh):
    ys, xs = torch.meshgrid(torch.arange(size), torch.arange(size), indexing="ij")
    ctr = torch.stack([xs, ys], -1).reshape(-1, 2).float().add_(0.5).mul_(stride)
    return torch.cat([ctr, torch.tensor(wh).float().expand_as(ctr)], 1)


class BoxCoder:
    def __init__(self, anchors, weights=(10.0, 10.0, 5.0, 5.0)):
        self.anchors = anchors
        self.w = torch.tensor(weights)
        self.buf = torch.empty(anchors.size(0), 4)

    def decode(self, deltas):
        d = deltas / self.w
        ctr, wh = self.anchors[:, :2], self.anchors[:, 2:]
        torch.addcmul(ctr, d[:, :2], wh, out=self.buf[:, :2])  # L
        torch.mul(wh, d[:, 2:].clamp(max=4.0).exp(), out=self.buf[:, 2:])  # L
        return self.buf


class Head(nn.Module):
    def __init__(self, ch=8):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, ch, 3, stride=4, padding=1), nn.ReLU())
        self.reg = nn.Conv2d(ch, 4, 3, padding=1)

    def forward(self, x):
        return self.reg(self.stem(x)).permute(0, 2, 3, 1).reshape(-1, 4)


def run():
    torch.manual_seed(0)
    head = Head()
    coder = BoxCoder(grid_anchors(4, 4.0, (8.0, 8.0)))
    opt = torch.optim.SGD(head.parameters(), lr=0.01)
    img = torch.randn(1, 3, 16, 16)
    target = torch.randn(16, 4)
    deltas = head(img)
    loss = F.smooth_l1_loss(deltas, target)
    boxes = coder.decode(deltas.detach())
    recall = (boxes[:, 2:] > 0).float().mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
