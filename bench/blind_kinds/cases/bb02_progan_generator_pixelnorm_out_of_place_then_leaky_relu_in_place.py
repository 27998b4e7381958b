"""A ProGAN-style generator with pixelwise feature normalisation of each conv output, out of place,
followed by a leaky ReLU in place; trained in an ordinary alternating GAN loop."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def pixel_norm(x, eps=1e-8):
    """Normalise each pixel's feature vector to unit mean square."""
    return x * torch.rsqrt(x.pow(2).mean(dim=1, keepdim=True) + eps)


class GenBlock(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv = nn.Conv2d(c_in, c_out, 3, padding=1)

    def forward(self, x):
        x = F.interpolate(x, scale_factor=2.0, mode="nearest")
        x = pixel_norm(self.conv(x))
        return F.leaky_relu(x, 0.2, inplace=True)  # L


class Generator(nn.Module):
    def __init__(self, z_dim=8, ch=6):
        super().__init__()
        self.ch = ch
        self.fc = nn.Linear(z_dim, ch * 2 * 2)
        self.blocks = nn.ModuleList([GenBlock(ch, ch), GenBlock(ch, ch)])
        self.to_rgb = nn.Conv2d(ch, 3, 1)

    def forward(self, z):
        x = self.fc(z).view(-1, self.ch, 2, 2)
        for block in self.blocks:
            x = block(x)
        return torch.tanh(self.to_rgb(x))


def run():
    torch.manual_seed(0)
    g = Generator()
    d = nn.Sequential(nn.Conv2d(3, 6, 3, stride=2, padding=1), nn.LeakyReLU(0.2),
                      nn.Flatten(), nn.Linear(6 * 4 * 4, 1))
    opt_g = torch.optim.Adam(g.parameters(), lr=1e-3, betas=(0.0, 0.99))
    opt_d = torch.optim.Adam(d.parameters(), lr=1e-3, betas=(0.0, 0.99))
    for _ in range(2):
        real = torch.rand(4, 3, 8, 8) * 2 - 1
        fake = g(torch.randn(4, 8))
        d_loss = F.softplus(d(fake.detach())).mean() + F.softplus(-d(real)).mean()
        opt_d.zero_grad()
        d_loss.backward()
        opt_d.step()
        g_loss = F.softplus(-d(fake)).mean()
        opt_g.zero_grad()
        g_loss.backward()
        opt_g.step()
