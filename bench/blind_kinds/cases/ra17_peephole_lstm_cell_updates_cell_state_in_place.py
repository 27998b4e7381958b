"""A hand-written peephole LSTM (Gers & Schmidhuber) whose cell state is updated in place."""
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class CellConfig:
    d_in: int = 3
    d_hidden: int = 6
    peephole: bool = True


class PeepholeLSTMCell(nn.Module):
    def __init__(self, cfg: CellConfig):
        super().__init__()
        self.cfg = cfg
        self.x2g = nn.Linear(cfg.d_in, 4 * cfg.d_hidden)
        self.h2g = nn.Linear(cfg.d_hidden, 4 * cfg.d_hidden, bias=False)
        if cfg.peephole:
            self.w_ci = nn.Parameter(torch.full((cfg.d_hidden,), 0.1))
            self.w_cf = nn.Parameter(torch.full((cfg.d_hidden,), 0.1))

    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.x2g(x) + self.h2g(h)).chunk(4, dim=-1)
        if self.cfg.peephole:
            i = i + self.w_ci * c
            f = f + self.w_cf * c
        i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
        c.mul_(f).add_(i * g)  # L
        return o * torch.tanh(c), c


class Tagger(nn.Module):
    def __init__(self, cfg=CellConfig(), n_tags=4):
        super().__init__()
        self.cell = PeepholeLSTMCell(cfg)
        self.out = nn.Linear(cfg.d_hidden, n_tags)

    def forward(self, xs):
        b = xs.shape[0]
        state = tuple(xs.new_zeros(b, self.cell.cfg.d_hidden) for _ in range(2))
        logits = []
        for x in xs.unbind(1):
            state = self.cell(x, state)  # L
            logits.append(self.out(state[0]))
        return torch.stack(logits, 1)


def run():
    torch.manual_seed(0)
    model = Tagger()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(2):
        xs, tags = torch.randn(2, 4, 3), torch.randint(0, 4, (2, 4))
        loss = F.cross_entropy(model(xs).flatten(0, 1), tags.flatten())
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step()
