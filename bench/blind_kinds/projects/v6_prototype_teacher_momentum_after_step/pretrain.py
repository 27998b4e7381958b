import torch

from selfsup import PrototypeNet, Trainer

CFG = {"momentum": 0.95, "lr": 0.05, "epochs": 3, "teacher_update": "after_step"}


def views(x, noise=0.1):
    return x + noise * torch.randn_like(x), x + noise * torch.randn_like(x)


def main():
    torch.manual_seed(0)
    trainer = Trainer(PrototypeNet(), CFG)
    data = torch.randn(8, 6)
    for _ in range(CFG["epochs"]):
        trainer.step(*views(data))
    print("ok")


if __name__ == "__main__":
    main()
