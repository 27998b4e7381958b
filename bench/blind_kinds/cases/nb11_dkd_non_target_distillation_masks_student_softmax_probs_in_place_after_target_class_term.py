"""Decoupled knowledge distillation (DKD, Zhao et al. 2022): a target-class term on the binary
(target, rest) probabilities and a non-target term on the distribution over the other classes.
This version reuses the student's softmax probabilities for the non-target term, zeroing the
target class in place and renormalising."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def gt_mask(logits, target):
    return torch.zeros_like(logits).scatter_(1, target.unsqueeze(1), 1).bool()


def binary(p, gt):
    return torch.stack([(p * gt).sum(1), (p * ~gt).sum(1)], dim=1)


def dkd_loss(logits_s, logits_t, target, alpha=1.0, beta=8.0, T=4.0):
    gt = gt_mask(logits_s, target)
    z_s, z_t = logits_s / T, logits_t / T
    p_s, p_t = z_s.softmax(dim=1), z_t.softmax(dim=1)
    tckd = F.kl_div(torch.log(binary(p_s, gt)), binary(p_t, gt), reduction="batchmean") * T**2
    p_s.masked_fill_(gt, 0.0)  # L
    p_t.masked_fill_(gt, 0.0)
    log_q_s = torch.log(p_s / p_s.sum(1, keepdim=True) + 1e-8)
    q_t = p_t / p_t.sum(1, keepdim=True)
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
