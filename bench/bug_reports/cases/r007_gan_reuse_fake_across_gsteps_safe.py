# Source: https://github.com/GiorgosKarantonis/Adversarial-Attacks-with-Relativistic-AdvGAN/issues/8
# Safe twin: the fix given there -- regenerate the fake inside the generator
# loop, so every backward goes through a forward made with the current weights.
import torch
import torch.nn as nn


def run():
    netG = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.Tanh(), nn.Conv2d(4, 3, 3, padding=1))
    netD = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.LeakyReLU(0.2), nn.Conv2d(4, 1, 3, padding=1))
    optimizerG = torch.optim.Adam(netG.parameters(), lr=5e-4)
    noise = torch.randn(1, 3, 8, 8)
    for j in range(3):
        netG.zero_grad()
        fake = netG(noise)
        output = netD(fake)
        errG = -output.mean()
        errG.backward()
        optimizerG.step()


if __name__ == "__main__":
    run()
