import copy

import torch
import torch.nn.functional as F

import selfsup.momentum as mom


class Trainer:
    def __init__(self, student, cfg):
        self.student = student
        self.teacher = copy.deepcopy(student).requires_grad_(False)
        self.update_teacher = mom.MomentumUpdater(student, self.teacher, cfg["momentum"])
        self.opt = torch.optim.SGD(student.parameters(), lr=cfg["lr"])
        self.cfg = cfg

    def loss(self, v1, v2):
        z1, z2 = self.student.embed(v1), self.student.embed(v2)
        with torch.no_grad():
            targets = self.teacher.assign(self.teacher.embed(v2)).softmax(-1)
        # the student's view is scored against the teacher's (slow) prototypes
        logits = self.student.assign(z1, prototypes=self.teacher.prototypes)
        return -(targets * logits.log_softmax(-1)).sum(-1).mean() + F.mse_loss(z1, z2)

    def step(self, v1, v2):
        loss = self.loss(v1, v2)
        if self.cfg["teacher_update"] == "before_backward":
            self.update_teacher()  # L
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        if self.cfg["teacher_update"] == "after_step":
            self.update_teacher()
        return loss.item()
