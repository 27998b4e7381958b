"""CRF-as-RNN on top of a tiny segmentation net: a few mean-field iterations, each filtering the
current marginals Q with a fixed Gaussian, applying the learned label compatibility and
renormalising. Q lives in one workspace tensor updated in place with ``copy_`` every iteration.
The Gaussian is a buffer applied with a depthwise ``conv2d``."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def gaussian_kernel(size=3, sigma=1.0):
    r = torch.arange(size) - size // 2
    g = torch.exp(-(r[:, None] ** 2 + r[None, :] ** 2) / (2 * sigma ** 2))
    return g / g.sum()


class MeanFieldCRF(nn.Module):
    def __init__(self, classes, iters=3, filter_impl="conv2d"):
        super().__init__()
        self.register_buffer("kernel", gaussian_kernel())
        self.compat = nn.Conv2d(classes, classes, 1, bias=False)
        self.iters = iters
        self.filter_impl = filter_impl

    def gaussian_filter(self, q):
        b, c, h, w = q.shape
        if self.filter_impl == "unfold":
            patches = F.unfold(q, 3, padding=1).view(b, c, 9, h, w)
            return (patches * self.kernel.view(9, 1, 1)).sum(2)
        return F.conv2d(q, self.kernel.expand(c, 1, 3, 3), padding=1, groups=c)

    def forward(self, unary):
        q = torch.empty_like(unary)
        q.copy_(F.softmax(unary, dim=1))
        for _ in range(self.iters):
            msg = self.gaussian_filter(q)
            q.copy_(F.softmax(unary - self.compat(msg), dim=1))  # L
        return torch.log(q + 1e-6)


class SegNet(nn.Module):
    def __init__(self, classes=3, filter_impl="conv2d"):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, classes, 1))
        self.crf = MeanFieldCRF(classes, filter_impl=filter_impl)

    def forward(self, x):
        return self.crf(self.body(x))  # L


def run(filter_impl="conv2d"):
    torch.manual_seed(0)
    model = SegNet(filter_impl=filter_impl)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        x, y = torch.randn(2, 3, 6, 6), torch.randint(0, 3, (2, 6, 6))
        loss = F.nll_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
