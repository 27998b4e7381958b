import torch
import torch.nn.functional as F

from mlpzoo import build_model

CONFIG = {
    "d_in": 8,
    "layers": [
        {"type": "linear", "d_out": 16},
        {"type": "act", "name": "tanh"},
        {"type": "dropout", "p": 0.2, "inplace": True},  # L
        {"type": "linear", "d_out": 3},
    ],
    "lr": 0.05,
    "steps": 3,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = build_model(cfg)
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"])
    x, y = torch.randn(6, cfg["d_in"]), torch.randint(0, 3, (6,))
    model.train()
    for step in range(cfg["steps"]):
        loss = F.cross_entropy(model(x), y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
