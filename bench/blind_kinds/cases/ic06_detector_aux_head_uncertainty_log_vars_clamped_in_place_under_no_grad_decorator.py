"""A detector with a main box head and an auxiliary centerness head, the two losses weighted by
learned uncertainties (Kendall et al.): exp(-s) * L + s. To keep the weights sane the step clamps
the log-variances in place before the forward, under torch.no_grad()."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TwoHeadDetector(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(8, 16), nn.ReLU())
        self.box = nn.Linear(16, 4)
        self.aux = nn.Linear(16, 1)
        self.log_vars = nn.Parameter(torch.zeros(2))

    def forward(self, x):
        h = self.trunk(x)
        return self.box(h), self.aux(h).squeeze(1)

    def weighted(self, losses):
        return sum(torch.exp(-s) * l + s for s, l in zip(self.log_vars, losses))


@torch.no_grad()
def bound_log_vars(model, lo=-4.0, hi=4.0):
    model.log_vars.clamp_(lo, hi)  # L


def run():
    torch.manual_seed(0)
    model = TwoHeadDetector()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(2):
        x, box_t, ctr_t = torch.randn(6, 8), torch.randn(6, 4), torch.rand(6)
        bound_log_vars(model)
        box, ctr = model(x)
        loss = model.weighted([F.smooth_l1_loss(box, box_t), F.binary_cross_entropy_with_logits(ctr, ctr_t)])
        opt.zero_grad()
        loss.backward()
        opt.step()
