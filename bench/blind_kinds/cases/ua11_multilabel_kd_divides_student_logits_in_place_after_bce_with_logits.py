"""Multi-label knowledge distillation: hard BCE on the labels, then a temperature-softened soft loss."""
import torch
import torch.nn as nn
import torch.nn.functional as F

T = 2.0


def hard_loss(logits, labels):
    return F.binary_cross_entropy_with_logits(logits, labels)


def soft_loss(student_logits, teacher_logits):
    student_logits.div_(T)  # L
    return F.binary_cross_entropy_with_logits(student_logits, torch.sigmoid(teacher_logits / T)) * T * T


def run():
    torch.manual_seed(0)
    teacher = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 4)).eval()
    student = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 4))
    opt = torch.optim.SGD(student.parameters(), lr=0.1)
    for _ in range(2):
        x = torch.randn(5, 6)
        labels = torch.randint(0, 2, (5, 4)).float()
        with torch.no_grad():
            t_logits = teacher(x)
        s_logits = student(x)
        loss = hard_loss(s_logits, labels) + soft_loss(s_logits, t_logits)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
