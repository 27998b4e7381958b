"""A piecewise-linear coupling flow (Mueller et al., neural importance sampling) on [0, 1]^2: the
conditioner predicts K bin widths for the transformed coordinate; as in nflows, every bin gets a
minimum width, `w = min_w + (1 - min_w * K) * softmax(logits)`, written in place on the softmax."""
import torch
import torch.nn as nn
import torch.nn.functional as F

K = 6
MIN_W = 1e-2


class Conditioner(nn.Module):
    def __init__(self, hidden=16):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(1, hidden), nn.ReLU(), nn.Linear(hidden, K))

    def forward(self, x_cond):
        return self.net(x_cond)


def bin_widths(logits):
    w = F.softmax(logits, dim=-1)
    w.mul_(1.0 - MIN_W * K).add_(MIN_W)  # L
    return w


def piecewise_linear(x, widths):
    """Bins of equal size in x; the pdf in bin b is widths[b] * K; returns y and log|dy/dx|."""
    cdf = F.pad(torch.cumsum(widths, dim=-1), (1, 0))
    b = (x * K).long().clamp(max=K - 1)
    alpha = x * K - b
    w_b = widths.gather(-1, b)
    y = cdf.gather(-1, b) + alpha * w_b
    return y, torch.log(w_b * K)


class Coupling(nn.Module):
    def __init__(self):
        super().__init__()
        self.cond = Conditioner()

    def forward(self, x):
        x_a, x_b = x[:, :1], x[:, 1:]
        y_b, log_det = piecewise_linear(x_b, bin_widths(self.cond(x_a)))  # L
        return torch.cat([x_a, y_b], dim=-1), log_det.sum(-1)


def run():
    torch.manual_seed(0)
    flow = Coupling()
    opt = torch.optim.Adam(flow.parameters(), lr=1e-2)
    for _ in range(2):
        x = torch.rand(16, 2) * 0.999
        _, log_det = flow(x)
        loss = -log_det.mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
