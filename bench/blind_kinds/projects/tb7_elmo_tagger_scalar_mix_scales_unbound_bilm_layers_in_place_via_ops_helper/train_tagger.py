import torch
import torch.nn as nn
import torch.nn.functional as F

from elmo import BiLM, ScalarMix

CFG = {"vocab": 30, "dim": 4, "layers": 2, "tags": 5, "lr": 1e-2}


class Tagger(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.bilm = BiLM(cfg["vocab"], cfg["dim"], cfg["layers"])
        self.mix = ScalarMix(cfg["layers"] + 1)
        self.head = nn.Linear(2 * cfg["dim"], cfg["tags"])

    def forward(self, ids):
        return self.head(self.mix(self.bilm(ids)))  # L


def main():
    torch.manual_seed(0)
    model = Tagger(CFG)
    opt = torch.optim.Adam(model.parameters(), lr=CFG["lr"])
    for _ in range(2):
        ids = torch.randint(0, CFG["vocab"], (3, 6))
        tags = torch.randint(0, CFG["tags"], (3, 6))
        loss = F.cross_entropy(model(ids).reshape(-1, CFG["tags"]), tags.reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(loss.item())


if __name__ == "__main__":
    main()
