"""RNN state handling and hand-written losses."""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


class ElmanCell(nn.Module):
    def __init__(self, n_in, n_hidden):
        super().__init__()
        self.ih = nn.Linear(n_in, n_hidden)
        self.hh = nn.Linear(n_hidden, n_hidden, bias=False)

    def forward(self, x, h, not_done):
        h = torch.tanh(self.ih(x) + self.hh(h))
        h.mul_(not_done)                      # tanh saved h for its backward
        return h


def focal_loss(logits, target, gamma=2.0):
    logpt = F.log_softmax(logits, dim=-1).gather(1, target[:, None]).squeeze(1)
    pt = logpt.exp()
    pt.clamp_(min=1e-6)                       # exp saved pt
    return (-(1 - pt) ** gamma * logpt).mean()


def update_teacher(teacher, student, momentum=0.99):
    for t_p, s_p in zip(teacher.parameters(), student.parameters()):
        t_p.mul_(momentum).add_(s_p.detach(), alpha=1 - momentum)   # not under no_grad


def main():
    student = nn.Linear(8, 4)
    teacher = copy.deepcopy(student)
    x, y = torch.randn(16, 8), torch.randint(0, 4, (16,))
    loss = focal_loss(student(x), y)
    loss.backward()
    update_teacher(teacher, student)

    cell = ElmanCell(8, 8)
    h = torch.zeros(4, 8)
    for t in range(3):
        h = cell(torch.randn(4, 8), h, torch.ones(4, 1))
    h.sum().backward()
