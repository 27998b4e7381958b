"""A self-attentive GRU decoder: each step attends over its own earlier hidden states. The states
are written into a preallocated [B, T, H] tensor, and the attention reads a stacked copy of the
list of states so far."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SelfAttentiveDecoder(nn.Module):
    def __init__(self, d_in=4, hidden=8, n_out=3):
        super().__init__()
        self.cell = nn.GRUCell(d_in + hidden, hidden)
        self.query = nn.Linear(hidden, hidden)
        self.out = nn.Linear(2 * hidden, n_out)
        self.hidden = hidden

    def attend(self, h, past):
        scores = torch.einsum("bh,bth->bt", self.query(h), past)
        return torch.einsum("bt,bth->bh", scores.softmax(-1), past)

    def forward(self, x):
        B, T, _ = x.shape
        states = x.new_zeros(B, T, self.hidden)
        h = x.new_zeros(B, self.hidden)
        ctx = x.new_zeros(B, self.hidden)
        logits, history = [], []
        for t in range(T):
            h = self.cell(torch.cat([x[:, t], ctx], -1), h)
            states[:, t] = h  # L
            history.append(h)
            ctx = self.attend(h, torch.stack(history, 1))
            logits.append(self.out(torch.cat([h, ctx], -1)))
        return torch.stack(logits, 1), states


def run():
    torch.manual_seed(0)
    model = SelfAttentiveDecoder()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        x, y = torch.randn(2, 5, 4), torch.randint(0, 3, (2, 5))
        logits, states = model(x)
        # activation regularisation on the hidden states (as in AWD-LSTM)
        loss = F.cross_entropy(logits.flatten(0, 1), y.flatten()) + 1e-3 * states.pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
