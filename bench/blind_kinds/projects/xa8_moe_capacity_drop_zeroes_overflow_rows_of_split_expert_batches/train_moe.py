import torch
import torch.nn as nn
import torch.nn.functional as F

from moe import MoE


class Tagger(nn.Module):
    def __init__(self, vocab=10, d=6, n_tags=4):
        super().__init__()
        self.embed = nn.Embedding(vocab, d)
        self.moe = MoE(d)
        self.out = nn.Linear(d, n_tags)

    def forward(self, tokens):
        h = self.embed(tokens)
        y, aux = self.moe(h)  # L
        return self.out(h + y), aux


def main():
    torch.manual_seed(0)
    model = Tagger()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(3):
        tokens, tags = torch.randint(0, 10, (3, 5)), torch.randint(0, 4, (3, 5))
        logits, aux = model(tokens)
        loss = F.cross_entropy(logits.reshape(-1, 4), tags.reshape(-1)) + 0.01 * aux
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(loss.item())


if __name__ == "__main__":
    main()
