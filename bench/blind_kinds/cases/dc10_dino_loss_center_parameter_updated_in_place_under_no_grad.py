"""DINO (Caron et al. 2021) self-distillation loss: the teacher's outputs are centred and sharpened,
the student's cross-entropy against them is the loss, and the centre follows the teacher's batch
mean by EMA.  The centre is kept as a frozen-by-intent ``nn.Parameter`` so that it is saved with the
loss module's state and moved by ``.to``; the loss updates it at the end of its forward, in a
method under ``@torch.no_grad()`` as DINO's ``update_center`` is."""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


class DINOLoss(nn.Module):
    def __init__(self, out_dim, student_temp=0.1, teacher_temp=0.04, center_momentum=0.9):
        super().__init__()
        self.student_temp, self.teacher_temp, self.m = student_temp, teacher_temp, center_momentum
        self.center = nn.Parameter(torch.zeros(1, out_dim))

    def forward(self, student_out, teacher_out):
        s = F.log_softmax(student_out / self.student_temp, dim=-1)
        t = F.softmax((teacher_out - self.center) / self.teacher_temp, dim=-1).detach()
        loss = torch.sum(-t * s, dim=-1).mean()
        self.update_center(teacher_out)
        return loss

    @torch.no_grad()
    def update_center(self, teacher_out):
        batch_center = teacher_out.mean(dim=0, keepdim=True)
        self.center.mul_(self.m).add_(batch_center, alpha=1 - self.m)  # L


def run():
    torch.manual_seed(0)
    student = nn.Sequential(nn.Linear(6, 16), nn.GELU(), nn.Linear(16, 12))
    teacher = copy.deepcopy(student).requires_grad_(False)
    criterion = DINOLoss(12)
    opt = torch.optim.SGD(student.parameters(), lr=0.1)
    x = torch.randn(8, 6)
    view1, view2 = x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x)
    with torch.no_grad():
        t_out = teacher(view1)
    loss = criterion(student(view2), t_out)
    opt.zero_grad()
    loss.backward()
    opt.step()
    with torch.no_grad():
        for ps, pt in zip(student.parameters(), teacher.parameters()):
            pt.mul_(0.99).add_(ps, alpha=0.01)
