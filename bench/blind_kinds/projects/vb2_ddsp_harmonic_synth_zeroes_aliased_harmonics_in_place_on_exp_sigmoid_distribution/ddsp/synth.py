import torch
import torch.nn as nn

from . import ops


class HarmonicSynth(nn.Module):
    """Additive synthesiser: a bank of sinusoids at integer multiples of f0."""

    def __init__(self, sample_rate, hop):
        super().__init__()
        self.sample_rate, self.hop = sample_rate, hop

    def forward(self, amp, dist, f0):
        dist = ops.remove_above_nyquist_(dist, f0, self.sample_rate)  # L
        dist = dist / dist.sum(-1, keepdim=True).clamp(min=1e-7)
        amplitudes = ops.upsample_frames(amp * dist, self.hop)
        freqs = ops.upsample_frames(ops.harmonic_frequencies(f0, dist.shape[-1]), self.hop)
        phase = torch.cumsum(2 * torch.pi * freqs / self.sample_rate, dim=0)
        return (amplitudes * torch.sin(phase)).sum(-1)
