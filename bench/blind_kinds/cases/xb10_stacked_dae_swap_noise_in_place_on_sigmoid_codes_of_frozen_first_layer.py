"""A stacked denoising autoencoder for tabular data (Porto Seguro style swap noise). The second
autoencoder is trained on the first encoder's sigmoid codes, corrupted by swapping entries with other
rows of the batch; here greedily, layer by layer: the first encoder is frozen and its codes are
computed under no_grad."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def swap_noise_(x, p=0.15):
    """Replace a fraction p of the entries by the same column of a random other row, in place."""
    mask = torch.rand_like(x) < p
    donor = x[torch.randperm(x.shape[0])]
    x[mask] = donor[mask]  # L
    return x


class DAE(nn.Module):
    def __init__(self, d_in, d_code):
        super().__init__()
        self.enc = nn.Linear(d_in, d_code)
        self.dec = nn.Linear(d_code, d_in)

    def encode(self, x):
        return torch.sigmoid(self.enc(x))

    def forward(self, x):
        return self.dec(self.encode(x))


def run():
    torch.manual_seed(0)
    first, second = DAE(10, 6), DAE(6, 3)
    first.requires_grad_(False)
    opt = torch.optim.Adam(second.parameters(), lr=1e-3)
    x = torch.randn(16, 10)
    for _ in range(2):
        with torch.no_grad():
            codes = first.encode(x)
        target = codes.detach().clone()
        recon = second(swap_noise_(codes))  # L
        loss = F.mse_loss(recon, target)
        opt.zero_grad()
        loss.backward()
        opt.step()
