import torch
import torch.nn.functional as F

from vit import ActivationPenalty, TinyViT

CONFIG = {
    "model": {"dim": 8, "depth": 2, "heads": 2, "init_values": 0.1, "ls_inplace": True},
    "penalty": {"suffix": "attn", "weight": 1e-3},
    "lr": 1e-3,
    "steps": 2,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = TinyViT(**cfg["model"])
    penalty = ActivationPenalty(model, **cfg["penalty"])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        img, y = torch.randn(2, 3, 8, 8), torch.randint(0, 3, (2,))
        loss = F.cross_entropy(model(img), y) + penalty.pop()  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
