import copy
import torch
import torch.nn as nn


class MeanTeacher:
    def __init__(self, student, momentum=0.99):
        self.student = student
        self.teacher = copy.deepcopy(student)
        for p in self.teacher.parameters():
            p.requires_grad_(False)
        self.m = momentum

    @torch.no_grad()
    def update(self):
        for t, s in zip(self.teacher.parameters(), self.student.parameters()):
            t.mul_(self.m).add_(s, alpha=1 - self.m)  # L


def run():
    torch.manual_seed(0)
    student = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
    mt = MeanTeacher(student)
    opt = torch.optim.SGD(student.parameters(), 0.1)
    x = torch.randn(3, 4)
    loss = (student(x) - mt.teacher(x)).pow(2).mean()
    loss.backward()
    opt.step()
    mt.update()
