import torch
import torch.nn as nn

from fitkd import HintLoss, HintTrainer

CONFIG = {"hint_layer": "body.2", "guide_layer": "body.2", "hint_weight": 0.5, "lr": 1e-3, "epochs": 2}


class Net(nn.Module):
    def __init__(self, hidden, d_in=10, n_cls=4):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(d_in, hidden), nn.LayerNorm(hidden), nn.ReLU(),
                                  nn.Linear(hidden, hidden), nn.ReLU())
        self.head = nn.Linear(hidden, n_cls)

    def forward(self, x):
        return self.head(self.body(x))


def main():
    torch.manual_seed(0)
    teacher, student = Net(24), Net(8)
    teacher.eval()
    trainer = HintTrainer(student, teacher, HintLoss(8, 24), CONFIG)
    x, y = torch.randn(6, 10), torch.randint(0, 4, (6,))
    for epoch in range(CONFIG["epochs"]):
        print(epoch, trainer.step(x, y))  # L


if __name__ == "__main__":
    main()
