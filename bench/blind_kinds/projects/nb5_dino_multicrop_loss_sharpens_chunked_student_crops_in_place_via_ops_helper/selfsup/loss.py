import torch
import torch.nn as nn
import torch.nn.functional as F

from . import ops


class MultiCropDINOLoss(nn.Module):
    def __init__(self, n_global, n_local, student_temp=0.1, teacher_temp=0.04, split="chunk"):
        super().__init__()
        self.n_global, self.n_crops = n_global, n_global + n_local
        self.student_temp, self.teacher_temp = student_temp, teacher_temp
        self.split = split

    def forward(self, student_out, teacher_out):
        student_crops = [ops.sharpen_(c, self.student_temp)  # L
                         for c in ops.split_crops(student_out, self.n_crops, self.split)]
        targets = F.softmax(teacher_out / self.teacher_temp, dim=-1).chunk(self.n_global)
        total, terms = 0.0, 0
        for i, t in enumerate(targets):
            for j, s in enumerate(student_crops):
                if i == j:
                    continue
                total = total + torch.sum(-t * F.log_softmax(s, dim=-1), dim=-1).mean()
                terms += 1
        return total / terms
