"""Linear-chain CRF: negative log-likelihood by the forward algorithm, batched over sentences."""
import torch
import torch.nn as nn


class CRF(nn.Module):
    def __init__(self, n_tags):
        super().__init__()
        self.start = nn.Parameter(torch.randn(n_tags) * 0.1)
        self.end = nn.Parameter(torch.randn(n_tags) * 0.1)
        self.trans = nn.Parameter(torch.randn(n_tags, n_tags) * 0.1)

    def log_partition(self, emissions, mask):
        alpha = self.start + emissions[:, 0]
        for t in range(1, emissions.shape[1]):
            # alpha[b, j] = logsumexp_i(alpha[b, i] + trans[i, j]) + emit[b, t, j]
            nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), dim=1)
            nxt += emissions[:, t]  # L
            alpha = torch.where(mask[:, t, None], nxt, alpha)
        return torch.logsumexp(alpha + self.end, dim=1)

    def gold_score(self, emissions, tags, mask):
        b = torch.arange(emissions.shape[0])
        score = self.start[tags[:, 0]] + emissions[b, 0, tags[:, 0]]
        for t in range(1, emissions.shape[1]):
            step = self.trans[tags[:, t - 1], tags[:, t]] + emissions[b, t, tags[:, t]]
            score = score + step * mask[:, t]
        last = tags[b, mask.sum(1) - 1]
        return score + self.end[last]

    def forward(self, emissions, tags, mask):
        return (self.log_partition(emissions, mask) - self.gold_score(emissions, tags, mask)).mean()
