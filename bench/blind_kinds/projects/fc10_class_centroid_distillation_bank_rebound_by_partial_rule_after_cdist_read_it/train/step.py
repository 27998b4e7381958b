import torch
import torch.nn.functional as F

from protokd import centroid_kd_loss


def train_step(student, teacher, bank, update, opt, x, y):
    with torch.no_grad():
        t_emb = teacher(x)
    s_emb = student(x)
    loss = F.mse_loss(s_emb, t_emb) + centroid_kd_loss(s_emb, y, bank)
    update(bank, t_emb, y)  # L
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()
