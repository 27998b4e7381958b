import torch


@torch.no_grad()
def clip_weights_(module, c=0.01):
    for p in module.parameters():
        p.clamp_(-c, c)  # L
