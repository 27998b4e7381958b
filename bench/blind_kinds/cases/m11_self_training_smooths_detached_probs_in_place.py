import itertools
import operator

import torch
import torch.nn as nn


class Classifier(nn.Module):
    def __init__(self, d_in=6, hidden=16, n_cls=5):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(d_in, hidden), nn.ReLU())
        self.head = nn.Linear(hidden, n_cls)

    def forward(self, x):
        return self.head(self.encoder(x))

    def param_groups(self, lr):
        return [{"params": self.encoder.parameters(), "lr": lr},
                {"params": self.head.parameters(), "lr": lr * 10}]


def pseudo_label_loss(logits, smoothing=0.1, entropy_weight=0.1):
    """Self-training on unlabelled data: smoothed own predictions as targets, plus entropy minimisation."""
    probs = logits.softmax(dim=-1)
    targets = probs.detach()
    targets.mul_(1.0 - smoothing).add_(smoothing / probs.size(-1))  # L
    log_probs = torch.log(probs.clamp_min(1e-8))
    ce = -(targets * log_probs).sum(-1).mean()
    entropy = -(probs * log_probs).sum(-1).mean()
    return ce + entropy_weight * entropy  # L


def train(model, labelled, unlabelled, steps=2, lr=0.01):
    opt = torch.optim.SGD(model.param_groups(lr), lr=lr, momentum=0.9)
    params = list(itertools.chain.from_iterable(g["params"] for g in opt.param_groups))
    n_params = sum(map(operator.methodcaller("numel"), params))
    for _ in range(steps):
        (x, y), u = labelled, unlabelled
        sup = nn.functional.cross_entropy(model(x), y)
        loss = operator.add(sup, pseudo_label_loss(model(u)))  # L
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(params, max_norm=1.0)
        opt.step()
    return n_params


def run():
    torch.manual_seed(0)
    model = Classifier()
    labelled = (torch.randn(4, 6), torch.randint(0, 5, (4,)))
    train(model, labelled, torch.randn(8, 6))
