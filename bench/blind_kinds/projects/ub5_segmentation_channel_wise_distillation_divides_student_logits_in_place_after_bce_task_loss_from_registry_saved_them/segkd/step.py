import torch

from .losses import TASK_LOSSES, channel_wise_kd


def train_step(student, teacher, batch, opt, cfg):
    img, onehot = batch
    logits = student(img)
    with torch.no_grad():
        t_logits = teacher(img)
    task = TASK_LOSSES[cfg["task_loss"]](logits, onehot)
    kd = channel_wise_kd(logits, t_logits, cfg["tau"])  # L
    loss = task + cfg["kd_weight"] * kd
    opt.zero_grad()
    loss.backward()
    opt.step()
    return task.item(), kd.item()
