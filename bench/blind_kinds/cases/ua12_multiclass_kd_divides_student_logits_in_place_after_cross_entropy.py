"""Multi-class knowledge distillation: hard cross-entropy on the labels, then a temperature-softened KL."""
import torch
import torch.nn as nn
import torch.nn.functional as F

T = 2.0


def hard_loss(logits, labels):
    return F.cross_entropy(logits, labels)


def soft_loss(student_logits, teacher_logits):
    student_logits.div_(T)  # L
    return F.kl_div(F.log_softmax(student_logits, -1), F.softmax(teacher_logits / T, -1),
                    reduction="batchmean") * T * T


def run():
    torch.manual_seed(0)
    teacher = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 4)).eval()
    student = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 4))
    opt = torch.optim.SGD(student.parameters(), lr=0.1)
    for _ in range(2):
        x = torch.randn(5, 6)
        labels = torch.randint(0, 4, (5,))
        with torch.no_grad():
            t_logits = teacher(x)
        s_logits = student(x)
        loss = hard_loss(s_logits, labels) + soft_loss(s_logits, t_logits)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
