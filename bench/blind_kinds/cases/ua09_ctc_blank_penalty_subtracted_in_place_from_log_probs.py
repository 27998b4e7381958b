"""CTC acoustic model with a blank penalty (discourages the blank token during training)."""
import torch
import torch.nn as nn
import torch.nn.functional as F

BLANK = 0


class AcousticModel(nn.Module):
    def __init__(self, n_feats=5, hidden=8, vocab=6, blank_penalty=0.5):
        super().__init__()
        self.rnn = nn.LSTM(n_feats, hidden, bidirectional=True)
        self.proj = nn.Linear(2 * hidden, vocab)
        self.blank_penalty = blank_penalty

    def forward(self, feats):
        h, _ = self.rnn(feats)
        log_probs = F.log_softmax(self.proj(h), dim=-1)
        log_probs[..., BLANK] -= self.blank_penalty  # L
        return log_probs


def run():
    torch.manual_seed(0)
    model = AcousticModel()
    ctc = nn.CTCLoss(blank=BLANK, zero_infinity=True)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        feats = torch.randn(12, 2, 5)
        targets = torch.randint(1, 6, (2, 4))
        log_probs = model(feats)
        loss = ctc(log_probs, targets, torch.full((2,), 12), torch.full((2,), 4))
        opt.zero_grad()
        loss.backward()
        opt.step()
