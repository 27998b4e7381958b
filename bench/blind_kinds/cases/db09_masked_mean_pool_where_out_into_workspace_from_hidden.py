"""A sentence-embedding model (mean pooling over non-pad tokens) trained with SimCSE's contrastive
loss. The pooler keeps one workspace buffer and fills it with torch.where(..., out=) to avoid a fresh
allocation per batch: the masked hidden states themselves go into the workspace."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MaskedMeanPool(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("workspace", torch.empty(0), persistent=False)
        self.register_buffer("zero", torch.zeros(()), persistent=False)

    def _workspace(self, shape):
        if self.workspace.shape != shape:
            self.workspace = self.workspace.new_empty(shape)
        return self.workspace

    def forward(self, hidden, mask):
        ws = self._workspace(hidden.shape)
        torch.where(mask.unsqueeze(-1), hidden, self.zero, out=ws)  # L
        return ws.sum(1) / mask.sum(1, keepdim=True).clamp(min=1)


class SentenceEncoder(nn.Module):
    def __init__(self, vocab=20, dim=8):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim, padding_idx=0)
        self.layer = nn.TransformerEncoderLayer(dim, 2, 16, dropout=0.1, batch_first=True)
        self.pool = MaskedMeanPool()

    def forward(self, tokens):
        mask = tokens != 0
        hidden = self.layer(self.embed(tokens), src_key_padding_mask=~mask)
        return self.pool(hidden, mask)  # L


def batch(n=4, length=6, vocab=20):
    tokens = torch.randint(1, vocab, (n, length))
    lengths = torch.randint(2, length + 1, (n,))
    tokens[torch.arange(length) >= lengths.unsqueeze(1)] = 0
    return tokens


def run():
    torch.manual_seed(0)
    model = SentenceEncoder()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    for _ in range(2):
        tokens = batch()
        # SimCSE: the two views of each sentence differ by dropout only; one pass over both
        a, b = F.normalize(model(torch.cat([tokens, tokens])), dim=-1).chunk(2)
        loss = F.cross_entropy(a @ b.t() / 0.1, torch.arange(len(tokens)))
        opt.zero_grad()
        loss.backward()
        opt.step()
