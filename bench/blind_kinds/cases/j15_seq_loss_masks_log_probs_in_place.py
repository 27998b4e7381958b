import torch
import torch.nn as nn
import torch.nn.functional as F

PAD = 0


class MaskedNLL:
    """Token-level NLL over padded batches; ``reduction`` picked by name."""

    def __init__(self, reduction="mean_tokens", pad=PAD):
        self.reduce = getattr(self, "_" + reduction)
        self.pad = pad

    @staticmethod
    def _mean_tokens(nll, mask):
        return nll.sum() / mask.sum()

    @staticmethod
    def _mean_seqs(nll, mask):
        return (nll.sum(1) / mask.sum(1)).mean()

    def __call__(self, logits, target):
        pad_mask = target.eq(self.pad)
        logp = F.log_softmax(logits, dim=-1)
        logp.masked_fill_(pad_mask.unsqueeze(-1), 0.0)  # L
        nll = -logp.gather(-1, target.unsqueeze(-1)).squeeze(-1)
        return self.reduce(nll, ~pad_mask)


class Tagger(nn.Module):
    def __init__(self, vocab=7, d=8, n_tags=5):
        super().__init__()
        self.emb = nn.Embedding(vocab, d, padding_idx=PAD)
        self.rnn = nn.GRU(d, d, batch_first=True)
        self.out = nn.Linear(d, n_tags)

    def forward(self, tokens):
        h, _ = self.rnn(self.emb(tokens))
        return self.out(h)


def run():
    torch.manual_seed(0)
    tokens = torch.tensor([[3, 4, 5, 0], [2, 6, 0, 0]])
    tags = torch.tensor([[1, 2, 3, 0], [4, 1, 0, 0]])
    model, crit = Tagger(), MaskedNLL(reduction="mean_seqs")
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss = crit(model(tokens), tags)
    opt.zero_grad()
    loss.backward()
    opt.step()
