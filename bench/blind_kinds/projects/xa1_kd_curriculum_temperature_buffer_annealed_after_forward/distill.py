import torch
import torch.nn as nn

from kd import DistillLoss, TemperatureCurriculum
from train import DistillTrainer

CONFIG = {"temperature": 4.0, "alpha": 0.7, "decay": 0.8, "anneal_on": "after_forward", "lr": 1e-2, "steps": 3}


def mlp(width):
    return nn.Sequential(nn.Linear(6, width), nn.ReLU(), nn.Linear(width, 4))


def main():
    torch.manual_seed(0)
    teacher, student = mlp(32), mlp(8)
    loss_fn = DistillLoss(CONFIG["temperature"], CONFIG["alpha"])
    opt = torch.optim.SGD(student.parameters(), lr=CONFIG["lr"], momentum=0.9)
    trainer = DistillTrainer(student, teacher, loss_fn, opt)
    trainer.add_callback(CONFIG["anneal_on"], TemperatureCurriculum(loss_fn, decay=CONFIG["decay"]))
    batches = [(torch.randn(8, 6), torch.randint(0, 4, (8,))) for _ in range(CONFIG["steps"])]
    print(trainer.fit(batches), float(loss_fn.T))  # L


if __name__ == "__main__":
    main()
