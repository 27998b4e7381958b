import torch
import torch.nn as nn


class EMDLoss(nn.Module):
    """Squared earth mover's distance between ordinal distributions (e.g. ratings 1..K)."""

    def __init__(self, n_bins):
        super().__init__()
        # scratch space reused across calls to avoid allocations in the training loop
        self.register_buffer("_cdf_pred", torch.zeros(0, n_bins), persistent=False)
        self.register_buffer("_cdf_true", torch.zeros(0, n_bins), persistent=False)

    def _scratch(self, name, like):
        buf = getattr(self, name)
        if buf.shape != like.shape:
            buf = like.new_empty(like.shape)
            setattr(self, name, buf)
        return buf

    def forward(self, logits, target_probs):
        probs = logits.softmax(dim=-1)
        cdf_pred = torch.cumsum(probs, dim=-1)
        cdf_true = torch.cumsum(target_probs, dim=-1, out=self._scratch("_cdf_true", target_probs))  # L
        return (cdf_pred - cdf_true).pow(2).mean(dim=-1).sqrt().mean()


def run():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 5))
    crit = EMDLoss(5)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.randn(4, 6)
    target = torch.softmax(torch.randn(4, 5), dim=-1)
    loss = crit(model(x), target)
    opt.zero_grad()
    loss.backward()
    opt.step()
