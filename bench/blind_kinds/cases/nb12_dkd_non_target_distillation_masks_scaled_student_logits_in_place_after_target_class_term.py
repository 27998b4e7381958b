"""Decoupled knowledge distillation (DKD, Zhao et al. 2022): a target-class term on the binary
(target, rest) probabilities and a non-target term on the distribution over the other classes.
As in the authors' code, the non-target term is a softmax of the scaled logits with the target
class pushed to -1000, here written in place on the scaled logits the first softmax read."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def gt_mask(logits, target):
    return torch.zeros_like(logits).scatter_(1, target.unsqueeze(1), 1).bool()  # L


def binary(p, gt):
    return torch.stack([(p * gt).sum(1), (p * ~gt).sum(1)], dim=1)


def dkd_loss(logits_s, logits_t, target, alpha=1.0, beta=8.0, T=4.0):
    gt = gt_mask(logits_s, target)
    z_s, z_t = logits_s / T, logits_t / T
    p_s, p_t = z_s.softmax(dim=1), z_t.softmax(dim=1)
    tckd = F.kl_div(torch.log(binary(p_s, gt)), binary(p_t, gt), reduction="batchmean") * T**2
    z_s.masked_fill_(gt, -1000.0)  # L
    z_t.masked_fill_(gt, -1000.0)
    log_q_s = F.log_softmax(z_s, dim=1)
    q_t = F.softmax(z_t, dim=1)
    nckd = F.kl_div(log_q_s, q_t, reduction="batchmean") * T**2
    return alpha * tckd + beta * nckd


def run():
    torch.manual_seed(0)
    teacher = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 5)).eval()
    student = nn.Sequential(nn.Linear(10, 8), nn.ReLU(), nn.Linear(8, 5))
    opt = torch.optim.SGD(student.parameters(), lr=0.05, momentum=0.9)
    for _ in range(2):
        x, y = torch.randn(6, 10), torch.randint(0, 5, (6,))
        with torch.no_grad():
            logits_t = teacher(x)
        logits_s = student(x)
        loss = F.cross_entropy(logits_s, y) + dkd_loss(logits_s, logits_t, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
