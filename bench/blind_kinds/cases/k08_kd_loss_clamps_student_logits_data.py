import torch
import torch.nn as nn
import torch.nn.functional as F

LOSSES = {}


def register_loss(name):
    def deco(fn):
        LOSSES[name] = fn
        return fn
    return deco


@register_loss("soft_ce")
def soft_cross_entropy(student_logits, teacher_probs, clip=5.0):
    # logits clipped to [-clip, clip] straight-through, as the original recipe does
    student_logits.data.clamp_(min=-clip, max=clip)  # L
    probs = F.softmax(student_logits, dim=-1)
    return -(teacher_probs * probs.log()).sum(-1).mean()


def reference_loss(student_logits, teacher_probs, clip=5.0):
    clamped = student_logits.clamp(min=-clip, max=clip)
    probs = F.softmax(student_logits + (clamped - student_logits).detach(), dim=-1)
    return -(teacher_probs * probs.log()).sum(-1).mean()


def _setup():
    torch.manual_seed(0)
    student = nn.Sequential(nn.Linear(5, 8), nn.ReLU(), nn.Linear(8, 4))
    teacher = nn.Sequential(nn.Linear(5, 4))
    x = torch.randn(6, 5) * 3
    with torch.no_grad():
        t_probs = F.softmax(teacher(x) * 3, dim=-1)
    return student, x, t_probs


def _grads(loss_fn):
    student, x, t_probs = _setup()
    student.zero_grad()
    loss_fn(student(x) * 4, t_probs).backward()
    return [p.grad.clone() for p in student.parameters()]


def run():
    student, x, t_probs = _setup()
    opt = torch.optim.SGD(student.parameters(), lr=0.1)
    loss = LOSSES["soft_ce"](student(x) * 4, t_probs)
    opt.zero_grad()
    loss.backward()
    opt.step()


def silent_hazard():
    got, ref = _grads(LOSSES["soft_ce"]), _grads(reference_loss)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
