import torch


class MomentumUpdater:
    """teacher <- m * teacher + (1 - m) * student over all parameters, in one fused call."""

    def __init__(self, student, teacher, momentum=0.95):
        self.src = [p.detach() for p in student.parameters()]
        self.dst = list(teacher.parameters())
        self.momentum = momentum

    @torch.no_grad()
    def __call__(self):
        torch._foreach_lerp_(self.dst, self.src, 1.0 - self.momentum)  # L
