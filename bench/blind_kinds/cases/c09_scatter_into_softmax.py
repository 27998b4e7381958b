import torch
import torch.nn.functional as F


def label_smoothing_target(logits, labels, eps):
    probs = F.log_softmax(logits, dim=-1)
    target = torch.full_like(probs, eps / (logits.size(-1) - 1))
    target.scatter_(1, labels[:, None], 1 - eps)  # L
    return -(target * probs).sum(-1).mean()


def run():
    logits = torch.randn(4, 5, requires_grad=True)
    label_smoothing_target(logits, torch.tensor([0, 2, 4, 1]), 0.1).backward()
