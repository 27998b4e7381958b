import torch
import torch.nn as nn
import torch.nn.functional as F

from mod import MoDBlock

CONFIG = {"vocab": 20, "dim": 8, "hidden": 16, "depth": 3, "capacity": 0.5, "write_back": "functional"}


class TinyMoDLM(nn.Module):
    def __init__(self, vocab, dim, hidden, depth, capacity, write_back):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.blocks = nn.ModuleList(MoDBlock(dim, hidden, capacity, write_back) for _ in range(depth))
        self.head = nn.Linear(dim, vocab)

    def forward(self, tokens):
        x = self.embed(tokens)
        for block in self.blocks:
            x = block(x)  # L
        return self.head(x)


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = TinyMoDLM(**cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    for step in range(2):
        tokens = torch.randint(0, cfg["vocab"], (2, 8))
        logits = model(tokens[:, :-1])  # L
        loss = F.cross_entropy(logits.reshape(-1, cfg["vocab"]), tokens[:, 1:].reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
