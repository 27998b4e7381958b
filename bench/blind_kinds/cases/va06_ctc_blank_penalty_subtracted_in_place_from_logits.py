"""A BiLSTM acoustic model trained with CTC; a blank penalty discourages over-predicting the blank."""
import torch
import torch.nn as nn
import torch.nn.functional as F

BLANK = 0


class CTCModel(nn.Module):
    def __init__(self, n_feats=5, hidden=6, vocab=5, blank_penalty=0.5):
        super().__init__()
        self.rnn = nn.LSTM(n_feats, hidden, bidirectional=True)
        self.proj = nn.Linear(2 * hidden, vocab)
        self.blank_penalty = blank_penalty

    def forward(self, feats):
        h, _ = self.rnn(feats)
        logits = self.proj(h)
        if self.blank_penalty:
            logits[..., BLANK] -= self.blank_penalty  # L
        return F.log_softmax(logits, dim=-1)


def run():
    torch.manual_seed(0)
    model = CTCModel()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    T, B = 7, 2
    for _ in range(2):
        feats = torch.randn(T, B, 5)
        targets = torch.randint(1, 5, (B, 3))
        lp = model(feats)
        loss = F.ctc_loss(lp, targets, torch.full((B,), T), torch.full((B,), 3), blank=BLANK)
        opt.zero_grad()
        loss.backward()
        opt.step()
