import torch
import torch.nn as nn

from robust import AdversarialTrainer, build_attack

CONFIG = {
    "attack": {"name": "pgd", "norm": "linf", "eps": 8 / 255, "alpha": 2 / 255, "steps": 3},
    "lr": 0.05,
    "steps": 2,
}


def small_cnn(n_classes=10):
    return nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(inplace=True),
                         nn.MaxPool2d(2), nn.Flatten(), nn.Linear(8 * 4 * 4, n_classes))


def main(cfg=CONFIG):
    torch.manual_seed(0)
    trainer = AdversarialTrainer(small_cnn(), build_attack(cfg["attack"]), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        x, y = torch.rand(4, 3, 8, 8), torch.randint(0, 10, (4,))
        print(step, trainer.train_step(x, y))


if __name__ == "__main__":
    main()
