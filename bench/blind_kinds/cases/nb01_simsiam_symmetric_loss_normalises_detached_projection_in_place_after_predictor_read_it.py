"""SimSiam with the symmetric loss D(p1, z2) / 2 + D(p2, z1) / 2.  The stop-gradient target is
normalised in place to save a copy: ``t = z.detach(); t.div_(norm)``.  ``z`` is also the
predictor's input (its first Linear saved it), and the detached alias shares its version counter."""
import torch
import torch.nn as nn


def mlp(d_in, d_hidden, d_out, last_bn=False):
    layers = [nn.Linear(d_in, d_hidden), nn.BatchNorm1d(d_hidden), nn.ReLU(), nn.Linear(d_hidden, d_out)]
    if last_bn:
        layers.append(nn.BatchNorm1d(d_out, affine=False))
    return nn.Sequential(*layers)


class SimSiam(nn.Module):
    def __init__(self, d_in=10, dim=8, pred_dim=4):
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(d_in, 16), nn.ReLU())
        self.projector = mlp(16, 16, dim, last_bn=True)
        self.predictor = mlp(dim, pred_dim, dim)

    def forward(self, x1, x2):
        z1 = self.projector(self.backbone(x1))
        z2 = self.projector(self.backbone(x2))
        return self.predictor(z1), self.predictor(z2), z1, z2


def stopgrad_unit(z):
    """The target: no gradient, unit rows."""
    t = z.detach()
    t.div_(t.norm(dim=1, keepdim=True).clamp_min(1e-6))  # L
    return t


def neg_cosine(p, target):
    p = p / p.norm(dim=1, keepdim=True).clamp_min(1e-6)
    return -(p * target).sum(dim=1).mean()


def augment(x):
    return x + 0.1 * torch.randn_like(x)


def run():
    torch.manual_seed(0)
    model = SimSiam()
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-4)
    for _ in range(2):
        x = torch.randn(6, 10)
        p1, p2, z1, z2 = model(augment(x), augment(x))
        loss = 0.5 * neg_cosine(p1, stopgrad_unit(z2)) + 0.5 * neg_cosine(p2, stopgrad_unit(z1))  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
