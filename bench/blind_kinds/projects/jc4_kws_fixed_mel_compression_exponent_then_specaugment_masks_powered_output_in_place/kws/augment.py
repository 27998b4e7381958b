import torch


class SpecAugment:
    """Time and frequency masking, applied in place to the features (no copy per batch)."""

    def __init__(self, time_width=2, freq_width=1, generator=None):
        self.time_width, self.freq_width = time_width, freq_width
        self.gen = generator

    def _mask(self, n, width):
        start = int(torch.randint(0, n - width + 1, (1,), generator=self.gen))
        m = torch.zeros(n, dtype=torch.bool)
        m[start:start + width] = True
        return m

    def __call__(self, feats):
        _, n_mels, n_frames = feats.shape
        feats.masked_fill_(self._mask(n_frames, self.time_width)[None, None, :], 0.0)  # L
        feats.masked_fill_(self._mask(n_mels, self.freq_width)[None, :, None], 0.0)  # L
        return feats
