"""HiFi-GAN-style generator step: the feature-matching loss takes the difference of the generated and
real discriminator maps out of place and takes its absolute value in place."""
import torch
import torch.nn as nn
import torch.nn.functional as F

LRELU_SLOPE = 0.1


class PeriodDiscriminator(nn.Module):
    def __init__(self, period=3, channels=(1, 4, 8)):
        super().__init__()
        self.period = period
        self.convs = nn.ModuleList(
            nn.Conv2d(c_in, c_out, (3, 1), stride=(2, 1), padding=(1, 0))
            for c_in, c_out in zip(channels[:-1], channels[1:])
        )
        self.post = nn.Conv2d(channels[-1], 1, (3, 1), padding=(1, 0))

    def forward(self, wav):
        b, c, t = wav.shape
        pad = (-t) % self.period
        x = F.pad(wav, (0, pad), mode="reflect").view(b, c, -1, self.period)
        fmap = []
        for conv in self.convs:
            x = F.leaky_relu(conv(x), LRELU_SLOPE)
            fmap.append(x)
        x = self.post(x)
        fmap.append(x)
        return x.flatten(1), fmap


def feature_loss(fmap_r, fmap_g):
    loss = 0.0
    for dr, dg in zip(fmap_r, fmap_g):
        for rl, gl in zip(dr, dg):
            loss = loss + (gl - rl.detach()).abs_().mean()  # L
    return 2.0 * loss


def generator_loss(disc_outputs):
    return sum(torch.mean((1 - dg) ** 2) for dg in disc_outputs)


def run():
    torch.manual_seed(0)
    generator = nn.Sequential(nn.ConvTranspose1d(6, 4, 4, stride=4), nn.LeakyReLU(LRELU_SLOPE),
                              nn.Conv1d(4, 1, 7, padding=3), nn.Tanh())
    discs = nn.ModuleList([PeriodDiscriminator(2), PeriodDiscriminator(3)])
    opt_g = torch.optim.AdamW(generator.parameters(), lr=2e-4, betas=(0.8, 0.99))
    opt_d = torch.optim.AdamW(discs.parameters(), lr=2e-4, betas=(0.8, 0.99))
    for _ in range(2):
        mel, wav = torch.randn(2, 6, 8), torch.randn(2, 1, 32).tanh()
        fake = generator(mel)
        # discriminator step
        d_loss = 0.0
        for d in discs:
            real_out, _ = d(wav)
            fake_out, _ = d(fake.detach())
            d_loss = d_loss + torch.mean((1 - real_out) ** 2) + torch.mean(fake_out ** 2)
        opt_d.zero_grad()
        d_loss.backward()
        opt_d.step()
        # generator step
        outs_r, outs_g, fmaps_r, fmaps_g = [], [], [], []
        for d in discs:
            out_r, fmap_r = d(wav)
            out_g, fmap_g = d(fake)
            outs_r.append(out_r)
            outs_g.append(out_g)
            fmaps_r.append(fmap_r)
            fmaps_g.append(fmap_g)
        g_loss = generator_loss(outs_g) + feature_loss(fmaps_r, fmaps_g)
        opt_g.zero_grad()
        g_loss.backward()
        opt_g.step()
