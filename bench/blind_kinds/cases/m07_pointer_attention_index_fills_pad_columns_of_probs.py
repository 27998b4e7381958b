import math

import torch
import torch.nn as nn
import torch.nn.functional as F

DEFAULTS = {"dim": 8, "pad_columns": (0,), "temperature": 1.0}


class PointerScorer:
    """Scores every candidate slot for every query; padding slots get no attention."""

    def __init__(self, query_proj: nn.Linear, key_proj: nn.Linear, config=None):
        config = config or {}
        self.q, self.k = query_proj, key_proj
        self.temperature = config.get("temperature", DEFAULTS["temperature"])
        self.pad = torch.tensor(config.get("pad_columns", DEFAULTS["pad_columns"]))

    def __call__(self, queries, keys):
        scores = self.q(queries) @ self.k(keys).transpose(-1, -2)
        scores = scores / (self.temperature * math.sqrt(scores.size(-1)))
        probs = scores.softmax(dim=-1)
        probs.index_fill_(-1, self.pad, 0.0)  # L
        return probs


class PointerNet(nn.Module):
    def __init__(self, d_in=6, config=None):
        super().__init__()
        dim = (config or {}).get("dim", DEFAULTS["dim"])
        self.enc = nn.Linear(d_in, dim)
        self.query_proj, self.key_proj = nn.Linear(dim, dim), nn.Linear(dim, dim)
        self.scorer = PointerScorer(self.query_proj, self.key_proj, config)

    def forward(self, x):
        h = torch.tanh(self.enc(x))
        return self.scorer(h, h)  # L


def run():
    torch.manual_seed(0)
    net = PointerNet(config={"temperature": 0.5})
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    for _ in range(2):
        x = torch.randn(2, 5, 6)
        target = torch.randint(1, 5, (2, 5))
        probs = net(x)
        loss = F.nll_loss(torch.log(probs + 1e-6).flatten(0, 1), target.flatten())
        opt.zero_grad()
        loss.backward()
        opt.step()
