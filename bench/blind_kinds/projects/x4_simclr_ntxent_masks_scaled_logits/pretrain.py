import torch

import engine.step as engine
from models import SimCLRNet

CONFIG = {"temperature": 0.5, "lr": 0.05, "aug": {"noise": 0.1, "drop": 0.2}, "epochs": 2}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = SimCLRNet()
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9)
    data = torch.randn(12, 6)
    for epoch in range(cfg["epochs"]):
        for x in data.split(6):
            print(epoch, engine.train_step(model, x, opt, cfg))  # L


if __name__ == "__main__":
    main()
