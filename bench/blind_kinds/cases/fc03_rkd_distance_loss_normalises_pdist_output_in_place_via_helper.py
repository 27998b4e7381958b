"""Relational knowledge distillation (Park et al.), distance-wise term: the student's pairwise
distances from F.pdist are divided in place by their mean through a helper shared with the
teacher side."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def mean_normalise_(d):
    # RKD's scale invariance: distances divided by their mean
    return d.div_(d.mean().clamp_min(1e-6))  # L


def pairwise(e):
    return F.pdist(e)


def rkd_distance(student, teacher):
    with torch.no_grad():
        t_d = mean_normalise_(pairwise(teacher))
    s_d = mean_normalise_(pairwise(student))  # L
    return F.smooth_l1_loss(s_d, t_d)


def run():
    torch.manual_seed(0)
    teacher = nn.Sequential(nn.Linear(6, 12), nn.ReLU(), nn.Linear(12, 5)).eval()
    student = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 5))
    head = nn.Linear(5, 3)
    opt = torch.optim.Adam(list(student.parameters()) + list(head.parameters()), lr=1e-3)
    for _ in range(2):
        x, y = torch.randn(7, 6), torch.randint(0, 3, (7,))
        s = student(x)
        with torch.no_grad():
            t = teacher(x)
        loss = F.cross_entropy(head(s), y) + 25.0 * rkd_distance(s, t)
        opt.zero_grad()
        loss.backward()
        opt.step()
