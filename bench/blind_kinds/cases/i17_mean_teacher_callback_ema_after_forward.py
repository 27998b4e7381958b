from collections import defaultdict

import torch
import torch.nn as nn
import torch.nn.functional as F


class Loop:
    """A tiny training loop with named events; callbacks are plain closures."""

    def __init__(self, student, teacher, lr=0.05):
        self.student, self.teacher = student, teacher
        self.opt = torch.optim.SGD(student.parameters(), lr=lr)
        self.callbacks = defaultdict(list)

    def on(self, event):
        def register(fn):
            self.callbacks[event].append(fn)
            return fn
        return register

    def fire(self, event):
        for fn in self.callbacks[event]:
            fn(self)

    def step(self, x, y):
        feats = self.student["encoder"](x)
        logits = self.student["head"](feats)
        # distillation through the teacher's head: the student's features are read out by the teacher
        t_logits = self.teacher["head"](feats)
        loss = F.cross_entropy(logits, y) + 0.5 * F.kl_div(t_logits.log_softmax(-1), logits.softmax(-1), reduction="batchmean")
        self.fire("after_forward")
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        self.fire("after_step")
        return loss.item()


def attach_mean_teacher(loop, event, decay=0.9):
    @loop.on(event)
    def ema(lp):
        with torch.no_grad():
            student_sd = lp.student.state_dict()
            for name, t in lp.teacher.state_dict().items():
                t.copy_(decay * t + (1.0 - decay) * student_sd[name])  # L


def build():
    student = nn.ModuleDict({"encoder": nn.Sequential(nn.Linear(5, 8), nn.Tanh()), "head": nn.Linear(8, 3)})
    teacher = nn.ModuleDict({"encoder": nn.Sequential(nn.Linear(5, 8), nn.Tanh()), "head": nn.Linear(8, 3)})
    teacher.load_state_dict(student.state_dict())
    teacher.requires_grad_(False)
    return student, teacher


def run():
    torch.manual_seed(0)
    loop = Loop(*build())
    attach_mean_teacher(loop, "after_forward")
    x, y = torch.randn(6, 5), torch.randint(0, 3, (6,))
    for _ in range(3):
        loop.step(x, y)
