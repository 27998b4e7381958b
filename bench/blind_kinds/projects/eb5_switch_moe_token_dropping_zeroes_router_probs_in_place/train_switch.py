import torch
import torch.nn as nn
import torch.nn.functional as F

from switch import SwitchFFN

CONFIG = {
    "d_model": 8,
    "d_ff": 16,
    "n_experts": 4,
    "capacity_factor": 0.75,
    "drop_policy": "probs",  # L
    "aux_weight": 0.01,
    "steps": 3,
}


class TinyMoEClassifier(nn.Module):
    def __init__(self, cfg, vocab=20, n_classes=2):
        super().__init__()
        self.embed = nn.Embedding(vocab, cfg["d_model"])
        self.moe = SwitchFFN(cfg["d_model"], cfg["d_ff"], cfg["n_experts"],
                             capacity_factor=cfg["capacity_factor"], drop_policy=cfg["drop_policy"])
        self.head = nn.Linear(cfg["d_model"], n_classes)

    def forward(self, tokens):
        h, aux = self.moe(self.embed(tokens))  # L
        return self.head(h.mean(1)), aux


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = TinyMoEClassifier(cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-2)
    for step in range(cfg["steps"]):
        tokens, y = torch.randint(0, 20, (4, 6)), torch.randint(0, 2, (4,))
        logits, aux = model(tokens)
        loss = F.cross_entropy(logits, y) + cfg["aux_weight"] * aux
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
