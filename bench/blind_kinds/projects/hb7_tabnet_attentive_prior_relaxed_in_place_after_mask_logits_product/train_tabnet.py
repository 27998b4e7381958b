import torch
import torch.nn.functional as F

from tabnet import build_tabnet

CONFIG = {
    "model": {"n_features": 10, "n_classes": 3, "n_d": 8, "n_a": 8, "n_steps": 3, "gamma": 1.3,
              "prior_update": "inplace"},  # L
    "lr": 2e-2,
    "steps": 3,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = build_tabnet(cfg["model"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    w = torch.randn(cfg["model"]["n_features"], cfg["model"]["n_classes"])
    model.train()
    for step in range(cfg["steps"]):
        x = torch.randn(32, cfg["model"]["n_features"])
        loss = F.cross_entropy(model(x), (x @ w).argmax(-1))  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
