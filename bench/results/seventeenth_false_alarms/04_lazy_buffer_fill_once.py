"""espnet 202511: IPL001 warning at espnet2/gan_svs/visinger2/visinger2_vocoder.py:938
(``self.fb.resize_(tmp_fb.size())`` in ``MelScale.forward`` [via ``transform()`` called at line
525, ``forward()`` called at line 845]), "`self.fb` is modified in place by `resize_` but
`matmul` at line 943 in the previous iteration (its other) saved it for backward ... (on the paths
where it is the saved tensor) (and 1 more write to the same saved tensor: line 939)".

VISinger 2's multi-frequency discriminator runs each of its STFT front ends, each with its own
``MelScale``, then its own 2-D discriminator (one ``nn.ModuleList`` of them built on each arm of
``if domain == "double":``):

    for stft, layer in zip(self.stfts, self.discriminators):
        mag, phase = stft.transform(x.squeeze(1))   # -> self.mel_scale(mag)

and ``MelScale`` (copied from torchaudio) fills an empty filter-bank buffer on first use:

    if self.fb.numel() == 0:
        tmp_fb = create_fb_matrix(specgram.size(1), ...)
        self.fb.resize_(tmp_fb.size())
        self.fb.copy_(tmp_fb)
    mel_specgram = torch.matmul(specgram.transpose(1, 2), self.fb).transpose(1, 2)

``matmul`` keeps ``self.fb`` for the gradient of the spectrogram (the generator's output has a
graph in the adversarial loss).  But each iteration of the loop uses another ``MelScale``; the
fill runs at most once per module, on an empty buffer, before that module's first ``matmul``
(after it the buffer is not empty); and the library always builds ``MelScale`` with ``n_stft``
given, so its buffer is never empty and the fill never runs.

In the engine's terms: ``self.discriminators`` is the join of the two ``nn.ModuleList``s of the
``if`` (``domain`` comes from the command line here, from the configuration in the library), and
the loop over ``zip(self.stfts, self.discriminators)`` is followed beyond the lists' length, with
the same ``stft`` as in the previous iteration (with a single STFT front end, ``hop_sizes=(4,)``,
the same file gives an *error*); ``self.fb.numel() == 0`` is an unknown condition, so the
second pass's fill writes the buffer that the first pass's ``matmul`` kept.  Quiet: the same loop
over ``enumerate(self.stfts)`` with ``self.discriminators[i]``; one ``ModuleList`` built without
the ``if``; a driver that passes a constant ``domain`` (the ``if`` is then decided).  A buffer
built non-empty still gets the warning (the engine has no ``numel`` fact).  The engine would need
``zip`` to stop at its shortest known length (here ``self.stfts``, a ``ModuleList`` of known
length) even when another argument is a join of lists; and, for the run-once fill itself, see
``05``.  Runs and backpropagates with ``python FILE`` and ``python FILE linear``.
"""
import sys

import torch
from torch import nn


def create_fb_matrix(n_freqs, n_mels):
    return torch.linspace(0, 1, n_freqs * n_mels).reshape(n_freqs, n_mels)


class MelScale(nn.Module):
    def __init__(self, n_mels, n_stft=None):
        super().__init__()
        self.n_mels = n_mels
        fb = torch.empty(0) if n_stft is None else create_fb_matrix(n_stft, n_mels)
        self.register_buffer("fb", fb)

    def forward(self, specgram):
        if self.fb.numel() == 0:
            tmp_fb = create_fb_matrix(specgram.size(1), self.n_mels)
            # attributes cannot be reassigned outside __init__: fill the buffer in place
            self.fb.resize_(tmp_fb.size())
            self.fb.copy_(tmp_fb)
        return torch.matmul(specgram.transpose(1, 2), self.fb).transpose(1, 2)


class Spectrum(nn.Module):
    def __init__(self, fft_size, mel_scale=True):
        super().__init__()
        self.fft_size = fft_size
        n = fft_size // 2 + 1
        self.mel_scale = MelScale(n_mels=n, n_stft=n) if mel_scale else None

    def transform(self, x):
        frames = x.unfold(-1, self.fft_size, self.fft_size // 4)
        mag = torch.fft.rfft(frames).abs().transpose(1, 2)
        if self.mel_scale is not None:
            mag = self.mel_scale(mag)
        return mag


class MultiFrequencyDiscriminator(nn.Module):
    def __init__(self, hop_sizes=(4, 8), channels=(4, 4), domain="double"):
        super().__init__()
        self.stfts = nn.ModuleList([Spectrum(fft_size=h * 4) for h in hop_sizes])
        if domain == "double":
            self.discriminators = nn.ModuleList([nn.Conv2d(2, c, 3) for c in channels])
        else:
            self.discriminators = nn.ModuleList([nn.Conv2d(1, c, 3) for c in channels])
        self.domain = domain

    def forward(self, x):
        feats = []
        for stft, layer in zip(self.stfts, self.discriminators):
            mag = stft.transform(x.squeeze(1))
            if self.domain == "double":
                mag = torch.stack([mag, mag.log1p()], dim=1)
            else:
                mag = mag.unsqueeze(1)
            feats.append(layer(mag))
        return feats


generator = nn.Conv1d(1, 1, 3, padding=1)
domain = sys.argv[1] if len(sys.argv) > 1 else "double"  # "double" or "linear"
discriminator = MultiFrequencyDiscriminator(domain=domain)
opt = torch.optim.SGD(generator.parameters(), lr=0.01)
for _ in range(2):
    fake = generator(torch.randn(2, 1, 256))
    loss = sum(f.pow(2).mean() for f in discriminator(fake))
    opt.zero_grad()
    loss.backward()
    opt.step()
