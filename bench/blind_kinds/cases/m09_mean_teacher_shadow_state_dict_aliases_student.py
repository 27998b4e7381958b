import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.func import functional_call


class Student(nn.Module):
    def __init__(self, d_in=6, hidden=16, n_cls=4):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(d_in, hidden), nn.ReLU(), nn.Linear(hidden, n_cls))
        self.register_buffer("seen", torch.zeros((), dtype=torch.long))

    def forward(self, x):
        if self.training:
            self.seen += x.size(0)
        return self.body(x)


class MeanTeacher:
    """Exponential moving average of the student's floating-point state, used as the teacher."""

    def __init__(self, student: nn.Module, decay: float = 0.99):
        self.student, self.decay = student, decay
        self.shadow = {k: v.detach() for k, v in student.state_dict().items() if v.is_floating_point()}

    def __getattr__(self, name):
        # anything the wrapper lacks (training, body, seen, ...) is the student's
        return getattr(self.__dict__["student"], name)

    @torch.no_grad()
    def __call__(self, x):
        return functional_call(self.student, self.shadow, (x,))

    @torch.no_grad()
    def update(self):
        for k, v in self.student.state_dict().items():
            if k in self.shadow:
                self.shadow[k].lerp_(v, 1.0 - self.decay)  # L


def consistency_step(student, teacher, opt, x_lab, y_lab, x_unl, weight=1.0):
    noisy = x_unl + 0.1 * torch.randn_like(x_unl)
    sup = F.cross_entropy(student(x_lab), y_lab)
    targets = teacher(x_unl).softmax(-1)
    cons = F.mse_loss(student(noisy).softmax(-1), targets)
    teacher.update()  # L
    loss = sup + weight * cons
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()


def run():
    torch.manual_seed(0)
    student = Student()
    teacher = MeanTeacher(student)
    opt = torch.optim.SGD(student.parameters(), lr=0.05, momentum=0.9)
    for _ in range(2):
        x_lab, y_lab = torch.randn(4, 6), torch.randint(0, 4, (4,))
        consistency_step(student, teacher, opt, x_lab, y_lab, torch.randn(8, 6))
    assert teacher.seen > 0
