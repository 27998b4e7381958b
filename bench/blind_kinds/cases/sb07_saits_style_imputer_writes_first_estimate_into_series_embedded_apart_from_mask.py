"""Two-block time-series imputation in the style of SAITS: the first block estimates the series, the
missing entries of the input are replaced in place by that estimate (x[~observed] = ...), and the
second block refines from the completed series. The series and the missingness mask are embedded by
two separate Linear layers and summed."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, n_features, d_model):
        super().__init__()
        self.value_embed = nn.Linear(n_features, d_model)
        self.mask_embed = nn.Linear(n_features, d_model, bias=False)
        self.mix = nn.GRU(d_model, d_model, batch_first=True)
        self.out = nn.Linear(d_model, n_features)

    def embed(self, x, observed):
        return self.value_embed(x) + self.mask_embed(observed.float())

    def forward(self, x, observed):
        h, _ = self.mix(self.embed(x, observed))
        return self.out(h)


class TwoStageImputer(nn.Module):
    def __init__(self, n_features=3, d_model=8):
        super().__init__()
        self.first = Block(n_features, d_model)
        self.second = Block(n_features, d_model)

    def forward(self, x, observed):
        x_hat1 = self.first(x, observed)
        x[~observed] = x_hat1[~observed]  # L
        x_hat2 = self.second(x, observed)
        return x_hat1, x_hat2


def masked_mae(pred, target, mask):
    return ((pred - target).abs() * mask).sum() / mask.sum().clamp(min=1)


def run():
    torch.manual_seed(0)
    model = TwoStageImputer()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        series = torch.randn(4, 10, 3)
        observed = torch.rand(4, 10, 3) > 0.3
        holdout = observed & (torch.rand(4, 10, 3) > 0.8)
        x = series.masked_fill(~observed | holdout, 0.0)
        visible = observed & ~holdout
        x_hat1, x_hat2 = model(x, visible)
        loss = masked_mae(x_hat1, series, visible) + masked_mae(x_hat2, series, visible) \
            + masked_mae(x_hat2, series, holdout)
        opt.zero_grad()
        loss.backward()
        opt.step()
