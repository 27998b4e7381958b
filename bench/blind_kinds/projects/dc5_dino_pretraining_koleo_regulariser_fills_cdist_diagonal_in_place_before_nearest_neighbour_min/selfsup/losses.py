import torch
import torch.nn as nn
import torch.nn.functional as F

from .neighbours import NEIGHBOURS


class DINOLoss(nn.Module):
    def __init__(self, out_dim, student_temp=0.1, teacher_temp=0.04, center_momentum=0.9):
        super().__init__()
        self.student_temp, self.teacher_temp, self.m = student_temp, teacher_temp, center_momentum
        self.register_buffer("center", torch.zeros(1, out_dim))

    def forward(self, student_out, teacher_out):
        student_out = student_out.div_(self.student_temp)
        t = F.softmax((teacher_out - self.center) / self.teacher_temp, dim=-1)
        loss = torch.sum(-t * F.log_softmax(student_out, dim=-1), dim=-1).mean()
        self.update_center(teacher_out)
        return loss

    @torch.no_grad()
    def update_center(self, teacher_out):
        self.center.mul_(self.m).add_(teacher_out.mean(0, keepdim=True), alpha=1 - self.m)


class KoLeoLoss(nn.Module):
    """Kozachenko-Leonenko differential entropy estimator (Sablayrolles et al. 2019; DINOv2)."""

    def __init__(self, neighbours="dot", eps=1e-8):
        super().__init__()
        self.nn_distance = NEIGHBOURS[neighbours]
        self.eps = eps

    def forward(self, feats):
        x = F.normalize(feats, p=2, dim=-1, eps=self.eps)
        return -torch.log(self.nn_distance(x) + self.eps).mean()  # L
