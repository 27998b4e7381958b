"""Train a toy dense-prediction model (backbone + FPN + shared objectness head) on random boxes."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from detkit import FPN, TinyBackbone

CFG = dict(widths=(8, 16, 32), fpn_channels=8, lateral_act="silu", lr=0.01, steps=2)  # L


def main():
    torch.manual_seed(0)
    backbone = TinyBackbone(CFG["widths"])
    neck = FPN(CFG["widths"], CFG["fpn_channels"], lateral_act=CFG["lateral_act"])
    head = nn.Conv2d(CFG["fpn_channels"], 1, 3, padding=1)
    params = [*backbone.parameters(), *neck.parameters(), *head.parameters()]
    opt = torch.optim.SGD(params, lr=CFG["lr"], momentum=0.9)
    for step in range(CFG["steps"]):
        img = torch.randn(2, 3, 32, 32)
        levels = neck(backbone(img))  # L
        loss = sum(F.binary_cross_entropy_with_logits(head(p), (torch.rand_like(p[:, :1]) > 0.9).float())
                   for p in levels)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
