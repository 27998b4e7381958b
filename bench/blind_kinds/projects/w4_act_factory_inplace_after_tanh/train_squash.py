import torch
import torch.nn as nn
import torch.nn.functional as F

import layers

CFG = {"width": 8, "act": {"name": "silu", "inplace": True}, "lr": 1e-3}


def build(cfg):
    return nn.Sequential(
        layers.SquashBlock(4, cfg["width"], act=cfg["act"]),
        layers.SquashBlock(cfg["width"], cfg["width"], act=cfg["act"]),
        nn.Linear(cfg["width"], 1),
    )


def main():
    torch.manual_seed(0)
    model = build(CFG)
    opt = torch.optim.AdamW(model.parameters(), lr=CFG["lr"])
    x, y = torch.randn(6, 4), torch.randn(6, 1)
    loss = F.mse_loss(model(x), y)  # L
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(loss.item())


if __name__ == "__main__":
    main()
