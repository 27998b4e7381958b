"""Self-conditioned CTC (Nozaki & Komatsu 2021): an intermediate CTC head on the first LSTM
layer's states, whose posterior is projected back and added into those states before the second
layer. The add is done in place into the first layer's output."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SelfCondEncoder(nn.Module):
    def __init__(self, n_feats=6, hidden=8, n_tokens=5):
        super().__init__()
        self.lstm1 = nn.LSTM(n_feats, hidden)
        self.lstm2 = nn.LSTM(hidden, hidden)
        self.inter_head = nn.Linear(hidden, n_tokens)
        self.back = nn.Linear(n_tokens, hidden)
        self.head = nn.Linear(hidden, n_tokens)

    def forward(self, feats):
        h1, _ = self.lstm1(feats)
        inter_logits = self.inter_head(h1)
        cond = self.back(inter_logits.softmax(-1))
        h1 += cond  # L
        h2, _ = self.lstm2(h1)
        return self.head(h2).log_softmax(-1), inter_logits.log_softmax(-1)


def run():
    torch.manual_seed(0)
    model = SelfCondEncoder()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    T, B = 10, 3
    feats, targets = torch.randn(T, B, 6), torch.randint(1, 5, (B, 3))
    in_lens, tgt_lens = torch.full((B,), T, dtype=torch.long), torch.tensor([3, 2, 3])
    for _ in range(2):
        final, inter = model(feats)
        ctc = lambda lp: F.ctc_loss(lp, targets, in_lens, tgt_lens, zero_infinity=True)  # noqa: E731
        loss = 0.7 * ctc(final) + 0.3 * ctc(inter)
        opt.zero_grad()
        loss.backward()
        opt.step()
