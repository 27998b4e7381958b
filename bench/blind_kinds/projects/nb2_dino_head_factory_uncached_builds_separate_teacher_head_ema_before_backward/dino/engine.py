import torch

from .teacher import ema_update


def train_step(student, teacher, criterion, optimizer, crops, momentum):
    student_out = student(torch.cat(crops))
    with torch.no_grad():
        teacher_out = teacher(torch.cat(crops))
    loss = criterion(student_out, teacher_out)
    # the teacher follows the student as soon as both have seen the batch
    ema_update(student, teacher, momentum)  # L
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
