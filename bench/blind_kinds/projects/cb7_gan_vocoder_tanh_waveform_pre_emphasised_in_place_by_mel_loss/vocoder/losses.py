import torch
import torch.nn.functional as F

from .audio import log_mel, mel_filterbank, pre_emphasis_


def mel_loss(fake, real, cfg):
    fb = mel_filterbank(cfg.n_fft // 2 + 1, cfg.n_mels)
    fake_mel = log_mel(pre_emphasis_(fake, cfg.pre_emphasis), cfg.n_fft, cfg.hop, fb)  # L
    with torch.no_grad():
        real_mel = log_mel(pre_emphasis_(real.clone(), cfg.pre_emphasis), cfg.n_fft, cfg.hop, fb)
    return F.l1_loss(fake_mel, real_mel)


def discriminator_loss(disc, real, fake):
    real_score, _ = disc(real)
    fake_score, _ = disc(fake.detach())
    return ((1 - real_score) ** 2).mean() + (fake_score ** 2).mean()


def generator_loss(disc, real, fake, cfg):
    """HiFi-GAN's order: the mel loss first, then the adversarial and feature-matching terms."""
    loss_mel = mel_loss(fake, real, cfg) * cfg.lambda_mel  # L
    fake_score, fake_feats = disc(fake)
    with torch.no_grad():
        _, real_feats = disc(real)
    loss_fm = sum(F.l1_loss(f, r) for f, r in zip(fake_feats, real_feats))
    loss_adv = ((1 - fake_score) ** 2).mean()
    return loss_mel + 2.0 * loss_fm + loss_adv
