"""Label-smoothed classifier whose running metrics read a copy of the training batch's log-probabilities.

The metric tracker exponentiates out of place under ``no_grad`` (a fresh tensor) and then
scales it to percent in place; the trainer updates it right after the forward, before backward.
"""
from dataclasses import dataclass, field

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class SmoothingConfig:
    classes: int = 4
    eps: float = 0.1


class SmoothedNLL(nn.Module):
    def __init__(self, cfg: SmoothingConfig):
        super().__init__()
        self.cfg = cfg

    def forward(self, logits, target):
        logp = F.log_softmax(logits, dim=-1)
        onehot = F.one_hot(target, self.cfg.classes).float()
        soft = onehot * (1 - self.cfg.eps) + self.cfg.eps / self.cfg.classes
        return -(soft * logp).sum(-1).mean(), logp


@dataclass
class MetricTracker:
    seen: int = 0
    correct: int = 0
    confidences: list = field(default_factory=list)

    @torch.no_grad()
    def update(self, logp, target):
        probs = logp.exp()
        probs.mul_(100.0)  # L
        conf, pred = probs.max(-1)
        self.correct += int((pred == target).sum())
        self.seen += target.numel()
        self.confidences.append(float(conf.mean()) / 100.0)

    @property
    def accuracy(self):
        return self.correct / max(self.seen, 1)


def run():
    torch.manual_seed(0)
    cfg = SmoothingConfig()
    net = nn.Sequential(nn.Linear(5, 16), nn.GELU(), nn.Linear(16, cfg.classes))
    criterion = SmoothedNLL(cfg)
    tracker = MetricTracker()
    opt = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
    for _ in range(2):
        x, y = torch.randn(8, 5), torch.randint(0, cfg.classes, (8,))
        loss, logp = criterion(net(x), y)
        tracker.update(logp, y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
    return tracker.accuracy
