import torch
import torch.nn as nn

from .cells import SRULayer
from .workspace import Workspace


class CharRNN(nn.Module):
    def __init__(self, vocab_size, d_emb=8, d_hid=12, layers=2):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, d_emb)
        self.workspace = Workspace()  # one scratch area for the whole stack
        dims = [d_emb] + [d_hid] * layers
        self.layers = nn.ModuleList(SRULayer(a, b, self.workspace) for a, b in zip(dims[:-1], dims[1:]))
        self.head = nn.Linear(d_hid, vocab_size)

    def forward(self, tokens, states=None):
        x = self.embed(tokens)
        states = states or [None] * len(self.layers)
        new_states = []
        for layer, c in zip(self.layers, states):
            x, c = layer(x, c)  # L
            new_states.append(c)
        return self.head(x), new_states

    @torch.no_grad()
    def greedy(self, prefix, steps):
        logits, states = self(prefix)
        tok = logits[-1].argmax(-1, keepdim=True).unsqueeze(0)
        generated = [tok]
        for _ in range(steps - 1):
            logits, states = self(tok, states)
            tok = logits[-1].argmax(-1, keepdim=True).unsqueeze(0)
            generated.append(tok)
        return torch.cat(generated).squeeze(-1)
