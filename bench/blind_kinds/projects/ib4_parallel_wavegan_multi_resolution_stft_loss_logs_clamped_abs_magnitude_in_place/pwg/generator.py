import torch
import torch.nn as nn


class ResidualStack(nn.Module):
    def __init__(self, channels, dilation):
        super().__init__()
        self.block = nn.Sequential(nn.LeakyReLU(0.2), nn.Conv1d(channels, channels, 3, dilation=dilation, padding=dilation),
                                   nn.LeakyReLU(0.2), nn.Conv1d(channels, channels, 1))
        self.skip = nn.Conv1d(channels, channels, 1)

    def forward(self, x):
        return self.block(x) + self.skip(x)


class TinyGenerator(nn.Module):
    """A MelGAN-shaped generator: mel frames upsampled by transposed convolutions to a waveform."""

    def __init__(self, n_mels=8, channels=16, upsample=(4, 4)):
        super().__init__()
        layers = [nn.Conv1d(n_mels, channels, 7, padding=3)]
        for r in upsample:
            layers += [nn.LeakyReLU(0.2), nn.ConvTranspose1d(channels, channels // 2, 2 * r, stride=r, padding=r // 2),
                       ResidualStack(channels // 2, 1), ResidualStack(channels // 2, 3)]
            channels //= 2
        layers += [nn.LeakyReLU(0.2), nn.Conv1d(channels, 1, 7, padding=3), nn.Tanh()]
        self.net = nn.Sequential(*layers)

    def forward(self, mel):
        return self.net(mel).squeeze(1)
