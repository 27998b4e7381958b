import torch
import torch.nn as nn

from adapters import LoraConfig, adapter_parameters, adapter_state_dict, inject_adapters
from trainer import AccumulatingTrainer

CONFIG = {
    "lora": LoraConfig(rank=2, alpha=8.0, dropout=0.0),
    "lr": 1e-2,
    "accum_steps": 2,
    "micro_batches": 4,
}


class FeedForwardClassifier(nn.Module):
    def __init__(self, d_in=6, hidden=16, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(d_in, hidden)
        self.act = nn.ReLU()
        self.fc2 = nn.Linear(hidden, hidden)
        self.head = nn.Linear(hidden, n_classes)

    def forward(self, x):
        h = self.act(self.fc1(x))
        return self.head(self.fc2(h))  # L


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = FeedForwardClassifier()
    model.requires_grad_(False)
    inject_adapters(model, cfg["lora"])
    model.head.requires_grad_(True)
    params = adapter_parameters(model) + list(model.head.parameters())
    opt = torch.optim.AdamW(params, lr=cfg["lr"])
    trainer = AccumulatingTrainer(model, opt, cfg["accum_steps"], adapter_state_dict)
    batches = [(torch.randn(8, 6), torch.randint(0, 3, (8,))) for _ in range(cfg["micro_batches"])]
    print("loss", trainer.fit(batches), "checkpoints", len(trainer.checkpoints))


if __name__ == "__main__":
    main()
