import torch

import losses.ntxent as nt


def two_views(x, noise=0.1, drop=0.2):
    def view():
        keep = (torch.rand_like(x) > drop).float()
        return (x + noise * torch.randn_like(x)) * keep
    return view(), view()


def train_step(model, x, opt, cfg):
    v1, v2 = two_views(x, **cfg.get("aug", {}))
    loss = nt.nt_xent(model(v1), model(v2), cfg["temperature"])  # L
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()
