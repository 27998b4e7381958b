"""Sliced score matching (Song et al., 2019) for a small score network on 2-D data. The objective
projects the score on random directions v: 0.5 * (v . s)^2 + v . d(v . s)/dx. The directions are
drawn Gaussian and, as the paper's "normalised" variant asks, scaled to unit length; here that
normalisation is done in place right after drawing them."""
import torch
import torch.nn as nn


class ScoreNet(nn.Module):
    def __init__(self, d=2, hid=32):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d, hid), nn.Softplus(), nn.Linear(hid, hid), nn.Softplus(),
                                 nn.Linear(hid, d))

    def forward(self, x):
        return self.net(x)


def unit_(v):
    return v.div_(v.norm(dim=-1, keepdim=True))  # L


def ssm_loss(score_net, x, n_slices=2):
    x = x.unsqueeze(0).expand(n_slices, *x.shape).reshape(-1, x.shape[-1]).requires_grad_(True)
    v = torch.randn_like(x)
    unit_(v)  # L
    s = score_net(x)
    sv = (s * v).sum(-1)
    first = 0.5 * sv ** 2
    grad_sv = torch.autograd.grad(sv.sum(), x, create_graph=True)[0]
    second = (grad_sv * v).sum(-1)
    return (first + second).mean()


def run():
    torch.manual_seed(0)
    net = ScoreNet()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    for _ in range(2):
        x = torch.randn(16, 2) * torch.tensor([1.0, 0.3])
        loss = ssm_loss(net, x)
        opt.zero_grad()
        loss.backward()
        opt.step()
