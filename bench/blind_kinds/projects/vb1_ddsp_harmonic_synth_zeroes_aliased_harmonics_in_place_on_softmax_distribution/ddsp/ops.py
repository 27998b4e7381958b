import torch


def harmonic_frequencies(f0, n_harmonics):
    return f0.unsqueeze(-1) * torch.arange(1, n_harmonics + 1, dtype=f0.dtype)


def remove_above_nyquist_(dist, f0, sample_rate):
    """Silence the harmonics that would alias (in place: the distribution is renormalised next)."""
    aliased = harmonic_frequencies(f0, dist.shape[-1]) >= sample_rate / 2
    return dist.masked_fill_(aliased, 0.0)  # L


def upsample_frames(x, hop):
    return x.repeat_interleave(hop, dim=0)
