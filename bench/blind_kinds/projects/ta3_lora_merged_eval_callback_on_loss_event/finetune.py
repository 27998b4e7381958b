import torch
import torch.nn as nn

from lora import inject_lora, lora_parameters
from train import MergedValidation, Trainer

CONFIG = {
    "lora": {"targets": ["body.0", "body.2", "head"], "rank": 2, "alpha": 4.0},
    "optim": {"lr": 5e-3},
    "validate_on": "loss",
    "steps": 3,
}


class Classifier(nn.Module):
    def __init__(self, d_in=6, hidden=8, n_classes=3):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(d_in, hidden), nn.GELU(), nn.Linear(hidden, hidden), nn.GELU())
        self.head = nn.Linear(hidden, n_classes)

    def forward(self, x):
        return self.head(self.body(x))


def main():
    torch.manual_seed(0)
    model = inject_lora(Classifier(), CONFIG["lora"]["targets"], rank=CONFIG["lora"]["rank"], alpha=CONFIG["lora"]["alpha"])
    opt = torch.optim.AdamW(lora_parameters(model), **CONFIG["optim"])
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
    trainer = Trainer(model, opt, sched)
    val = (torch.randn(5, 6), torch.randint(0, 3, (5,)))
    trainer.on(CONFIG["validate_on"], MergedValidation(val))
    for _ in range(CONFIG["steps"]):
        x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
        trainer.train_step(x, y)  # L
    print("val", trainer.callbacks[CONFIG["validate_on"]][0].history)


if __name__ == "__main__":
    main()
