"""DINO-style self-distillation on toy vectors with a KoLeo regulariser on the student's features."""
import copy

import torch

from selfsup import Backbone, DINOHead, DINOLoss, KoLeoLoss

CONFIG = {
    "out_dim": 24,
    "koleo": {"weight": 0.1, "neighbours": "dot"},  # L
    "ema": 0.99,
    "lr": 0.05,
    "steps": 2,
}


def two_views(x):
    return x + 0.1 * torch.randn_like(x), x * (1 + 0.1 * torch.randn_like(x))


def main():
    torch.manual_seed(0)
    student = torch.nn.ModuleDict({"backbone": Backbone(), "head": DINOHead(out_dim=CONFIG["out_dim"])})
    teacher = copy.deepcopy(student).requires_grad_(False)
    dino = DINOLoss(CONFIG["out_dim"])
    koleo = KoLeoLoss(CONFIG["koleo"]["neighbours"])
    opt = torch.optim.AdamW(student.parameters(), lr=CONFIG["lr"])
    for step in range(CONFIG["steps"]):
        v1, v2 = two_views(torch.randn(10, 12))
        with torch.no_grad():
            t_out = teacher["head"](teacher["backbone"](v1))
        feats = student["backbone"](v2)
        loss = dino(student["head"](feats), t_out) + CONFIG["koleo"]["weight"] * koleo(feats)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        with torch.no_grad():
            for ps, pt in zip(student.parameters(), teacher.parameters()):
                pt.mul_(CONFIG["ema"]).add_(ps, alpha=1 - CONFIG["ema"])
        print(step, loss.item())


if __name__ == "__main__":
    main()
