"""A hand-written selective state-space scan (a minimal Mamba/S6 layer): per step the state decays
by exp(delta * A) and takes in delta * B * x, and the output reads it through C. The sequential
reference scan decays the state out of place and adds the input in place into the fresh product
(one allocation per step instead of two)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SelectiveSSM(nn.Module):
    def __init__(self, d, n=4):
        super().__init__()
        self.A_log = nn.Parameter(torch.log(torch.arange(1, n + 1, dtype=torch.float)).repeat(d, 1))
        self.to_delta, self.to_B, self.to_C = nn.Linear(d, d), nn.Linear(d, n), nn.Linear(d, n)
        self.out = nn.Linear(d, d)

    def forward(self, x):  # x: (batch, time, d)
        delta = F.softplus(self.to_delta(x)).unsqueeze(-1)  # (b, t, d, 1)
        dA = torch.exp(-delta * self.A_log.exp())  # (b, t, d, n)
        dBx = delta * self.to_B(x).unsqueeze(2) * x.unsqueeze(-1)
        C = self.to_C(x).unsqueeze(2)  # (b, t, 1, n)
        h = x.new_zeros(x.shape[0], x.shape[2], self.A_log.shape[1])
        ys = []
        for t in range(x.shape[1]):
            h = h * dA[:, t]
            h.add_(dBx[:, t])  # L
            ys.append((h * C[:, t]).sum(-1))
        return self.out(torch.stack(ys, dim=1))


def run():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(3, 6), SelectiveSSM(6), nn.Linear(6, 2))
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    for _ in range(2):
        x, y = torch.randn(2, 5, 3), torch.randn(2, 5, 2)
        loss = F.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
