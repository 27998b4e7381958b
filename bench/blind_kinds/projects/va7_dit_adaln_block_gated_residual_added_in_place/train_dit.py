import torch

from dit import DiT, GaussianDiffusion

CONFIG = {"model": {"in_dim": 4, "n_tokens": 6, "dim": 8, "depth": 2, "n_classes": 3}, "steps": 2, "lr": 1e-3}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = DiT(**cfg["model"])
    diffusion = GaussianDiffusion()
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=0.0)
    for step in range(cfg["steps"]):
        x0 = torch.randn(3, cfg["model"]["n_tokens"], cfg["model"]["in_dim"])
        y = torch.randint(0, cfg["model"]["n_classes"], (3,))
        loss = diffusion.training_loss(model, x0, y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
