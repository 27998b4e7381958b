"""GRU language model with tied input/output embeddings and ``nn.Embedding(max_norm=...)``.

With ``max_norm`` set, every lookup renormalises the looked-up rows of the weight in place. The
decoder looks the whole input sequence up once, before any tied output projection uses the
weight (the order the ``nn.Embedding`` documentation asks for).
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TiedDecoder(nn.Module):
    def __init__(self, vocab=12, dim=8, max_norm=1.0):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim, max_norm=max_norm)  # L
        self.cell = nn.GRUCell(dim, dim)
        self.bias = nn.Parameter(torch.zeros(vocab))

    def logits(self, h):
        return h @ self.embed.weight.t() + self.bias

    def forward(self, tokens):
        h = tokens.new_zeros(tokens.size(0), self.cell.hidden_size, dtype=torch.float)
        inputs = self.embed(tokens)  # L
        steps = []
        for x in inputs.unbind(1):
            h = self.cell(x, h)
            steps.append(self.logits(h))
        return torch.stack(steps, dim=1)


def run():
    torch.manual_seed(0)
    model = TiedDecoder()
    nn.init.normal_(model.embed.weight, std=1.0)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        seq = torch.randint(0, 12, (3, 5))
        logits = model(seq[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, 12), seq[:, 1:].reshape(-1))
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
