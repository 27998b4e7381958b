"""A pre-norm residual MLP whose normalisation layer is picked by name: Dynamic Tanh (DyT,
Zhu et al. 2025, a LayerNorm replacement) or a hand-written RMSNorm."""
import torch
import torch.nn.functional as F

from nets import ResidualMLP

CONFIG = {"norm": "dyt", "dim": 8, "depth": 2, "lr": 1e-2, "steps": 3}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = ResidualMLP(cfg["dim"], cfg["depth"], norm=cfg["norm"])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"])
    for _ in range(cfg["steps"]):
        x = torch.randn(4, 6, cfg["dim"])
        loss = F.mse_loss(model(x), x.flip(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(float(loss))


if __name__ == "__main__":
    main()
