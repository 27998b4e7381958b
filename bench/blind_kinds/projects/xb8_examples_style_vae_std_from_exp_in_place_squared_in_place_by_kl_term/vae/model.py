import torch
import torch.nn as nn
import torch.nn.functional as F


class VAE(nn.Module):
    """The fully connected VAE of the old pytorch/examples, reparameterising in place."""

    def __init__(self, d_in=16, hidden=12, latent=3):
        super().__init__()
        self.fc1 = nn.Linear(d_in, hidden)
        self.fc21, self.fc22 = nn.Linear(hidden, latent), nn.Linear(hidden, latent)
        self.fc3, self.fc4 = nn.Linear(latent, hidden), nn.Linear(hidden, d_in)

    def encode(self, x):
        h1 = F.relu(self.fc1(x))
        return self.fc21(h1), self.fc22(h1)

    def reparameterize(self, mu, logvar):
        std = logvar.mul(0.5).exp_()
        eps = torch.randn_like(std)
        return eps.mul(std).add_(mu), std

    def decode(self, z):
        return torch.sigmoid(self.fc4(F.relu(self.fc3(z))))

    def forward(self, x):
        mu, logvar = self.encode(x)
        z, std = self.reparameterize(mu, logvar)
        return self.decode(z), mu, logvar, std
