# Source: https://github.com/tamarott/SinGAN/issues/148
# (same shape: https://github.com/GiorgosKarantonis/Adversarial-Attacks-with-Relativistic-AdvGAN/issues/8)
# Report: the fake image is produced once by netG, then an inner loop runs
# several generator steps: errG.backward(retain_graph=True); optimizerG.step().
# The second pass backpropagates through the same fake, i.e. through netG's
# forward whose weights optimizerG.step() already changed in place.
import torch
import torch.nn as nn


def run():
    netG = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.Tanh(), nn.Conv2d(4, 3, 3, padding=1))
    netD = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.LeakyReLU(0.2), nn.Conv2d(4, 1, 3, padding=1))
    optimizerG = torch.optim.Adam(netG.parameters(), lr=5e-4)
    noise = torch.randn(1, 3, 8, 8)
    fake = netG(noise)
    for j in range(3):
        netG.zero_grad()
        output = netD(fake)
        errG = -output.mean()
        errG.backward(retain_graph=True)
        optimizerG.step()  # hazard


if __name__ == "__main__":
    run()
