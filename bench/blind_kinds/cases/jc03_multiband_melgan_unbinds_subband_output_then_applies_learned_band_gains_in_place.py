"""Multi-band MelGAN generator: the last conv emits 4 sub-bands, each band gets a learned gain
before PQMF synthesis (here a fixed transposed-conv upsampler). The bands are taken with unbind."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SubbandGenerator(nn.Module):
    def __init__(self, n_mels=8, bands=4):
        super().__init__()
        self.pre = nn.Conv1d(n_mels, 16, 3, padding=1)
        self.post = nn.Conv1d(16, bands, 3, padding=1)
        self.band_gain = nn.Parameter(torch.ones(bands))
        self.register_buffer("synth", torch.randn(bands, 1, bands) * 0.5)

    def forward(self, mel):
        y = self.post(F.leaky_relu(self.pre(mel), 0.2))
        for band, g in zip(y.unbind(1), self.band_gain):
            band.mul_(g)  # L
        return F.conv_transpose1d(y, self.synth, stride=y.shape[1])


def run():
    torch.manual_seed(0)
    gen = SubbandGenerator()
    opt = torch.optim.Adam(gen.parameters(), lr=1e-3)
    for _ in range(2):
        mel, wav = torch.randn(2, 8, 10), torch.randn(2, 1, 40)
        loss = F.l1_loss(gen(mel), wav)
        opt.zero_grad()
        loss.backward()
        opt.step()
