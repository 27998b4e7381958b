"""A tied-weight autoencoder with magnitude pruning: the mask is applied to the shared weight in
place (under no_grad, as pruning code does) by the decoder, after the encoder's second layer has
used that weight and kept it for the gradient of its input."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TiedAutoencoder(nn.Module):
    def __init__(self, d=10, h=8, z=4, sparsity=0.5):
        super().__init__()
        self.inp = nn.Linear(d, h)
        self.tied = nn.Parameter(torch.randn(z, h) * 0.3)
        self.out = nn.Linear(h, d)
        self.sparsity = sparsity

    def mask(self):
        w = self.tied.detach().abs()
        return (w >= w.flatten().kthvalue(int(w.numel() * self.sparsity)).values).float()

    def encode(self, x):
        return F.linear(torch.relu(self.inp(x)), self.tied)

    def decode(self, z):
        with torch.no_grad():
            self.tied.mul_(self.mask())  # L
        return self.out(torch.relu(F.linear(z, self.tied.t())))

    def forward(self, x):
        return self.decode(self.encode(x))


def run():
    torch.manual_seed(0)
    model = TiedAutoencoder()
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    for _ in range(2):
        x = torch.randn(6, 10)
        loss = F.mse_loss(model(x), x)
        opt.zero_grad()
        loss.backward()
        opt.step()
