"""Progressive growing (ProGAN): the new resolution block is faded in with a blend weight kept as
a buffer (so it is checkpointed) and advanced by the generator itself each training forward."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class FadeInGenerator(nn.Module):
    def __init__(self, z_dim=6, ch=4, fade_steps=4):
        super().__init__()
        self.stem = nn.Sequential(nn.ConvTranspose2d(z_dim, ch, 4), nn.LeakyReLU(0.2))
        self.new_block = nn.Sequential(nn.Conv2d(ch, ch, 3, padding=1), nn.LeakyReLU(0.2))
        self.to_rgb_old = nn.Conv2d(ch, 3, 1)
        self.to_rgb_new = nn.Conv2d(ch, 3, 1)
        self.register_buffer("alpha", torch.zeros(()))
        self.step_size = 1.0 / fade_steps

    def advance_fade(self):
        if self.training:
            self.alpha.add_(self.step_size).clamp_(max=1.0)  # L

    def forward(self, z):
        h = self.stem(z[..., None, None])
        up = F.interpolate(h, scale_factor=2.0)
        old = self.to_rgb_old(up)
        new = self.to_rgb_new(self.new_block(up))
        img = torch.tanh((1 - self.alpha) * old + self.alpha * new)
        self.advance_fade()  # L
        return img


def run():
    torch.manual_seed(0)
    gen = FadeInGenerator()
    critic = nn.Sequential(nn.Conv2d(3, 4, 3, stride=2), nn.LeakyReLU(0.2), nn.Flatten(), nn.LazyLinear(1))
    critic(torch.zeros(1, 3, 8, 8))
    g_opt = torch.optim.Adam(gen.parameters(), lr=1e-3, betas=(0.0, 0.99))
    for _ in range(2):
        fake = gen(torch.randn(3, 6))
        g_loss = -critic(fake).mean()
        g_opt.zero_grad()
        g_loss.backward()
        g_opt.step()
