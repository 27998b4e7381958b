"""espnet 202511, the mechanism of ``04`` alone: a false *error* (not in the library's findings).

``MelScale.forward`` in espnet2/gan_svs/visinger2/visinger2_vocoder.py:933-943 (copied from
torchaudio) fills an empty filter-bank buffer on first use, then multiplies by it:

    if self.fb.numel() == 0:
        tmp_fb = create_fb_matrix(specgram.size(1), ...)
        self.fb.resize_(tmp_fb.size())
        self.fb.copy_(tmp_fb)
    mel_specgram = torch.matmul(specgram.transpose(1, 2), self.fb).transpose(1, 2)

Called twice in one graph (the library's discriminator calls each of its ``MelScale`` modules once
per forward; a model that reuses one front end calls it more often), the second call finds the
buffer filled and does not write it: the ``matmul`` of the first call keeps a buffer that is never
written again.  The linter reports the second call's fill as an error (``resize_`` "will raise"),
with no uncertainty, because ``self.fb.numel() == 0`` is an unknown condition and the write on its
true arm surely meets the first call's save.  In the engine's terms: a write guarded by
``numel() == 0`` (or ``is None`` / an emptiness flag) whose own effect makes the guard false is a
run-once initialisation; it cannot follow a save of the buffer made after it ran.  The engine
would need to know that after ``self.fb.resize_(...)`` / ``copy_`` of a non-empty tensor the
buffer is non-empty (a ``numel`` fact per object), or not to raise the severity of a write whose
path condition is unknown.  Runs and backpropagates cleanly.
"""
import torch
from torch import nn


class MelScale(nn.Module):
    def __init__(self, n_mels):
        super().__init__()
        self.n_mels = n_mels
        self.register_buffer("fb", torch.empty(0))

    def forward(self, specgram):
        if self.fb.numel() == 0:
            tmp_fb = torch.linspace(0, 1, specgram.size(1) * self.n_mels).reshape(-1, self.n_mels)
            self.fb.resize_(tmp_fb.size())
            self.fb.copy_(tmp_fb)
        return torch.matmul(specgram.transpose(1, 2), self.fb).transpose(1, 2)


mel = MelScale(5)
spec = torch.rand(2, 9, 4, requires_grad=True)
(mel(spec).sum() + mel(spec * 2).sum()).backward()
