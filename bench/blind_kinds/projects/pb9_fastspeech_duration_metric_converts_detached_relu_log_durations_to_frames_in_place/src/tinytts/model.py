import torch.nn as nn

from .regulator import LengthRegulator
from .variance import DurationPredictor


class DurationMixin:
    """Duration prediction and length regulation, shared by the acoustic models."""

    def predict_durations(self, h):
        log_dur = self.duration_predictor(h)
        frames = LengthRegulator.frames_(log_dur.detach())  # L
        return log_dur, frames

    def regulate(self, h, durations, max_frames):
        return LengthRegulator.expand(h, durations, max_frames)


class TinyFastSpeech(DurationMixin, nn.Module):
    def __init__(self, n_phonemes=12, d=8, n_mels=5, final_act="relu"):
        super().__init__()
        self.embed = nn.Embedding(n_phonemes, d)
        self.encoder = nn.TransformerEncoderLayer(d, 2, 16, dropout=0.0, batch_first=True)
        self.duration_predictor = DurationPredictor(d, final_act=final_act)
        self.decoder = nn.TransformerEncoderLayer(d, 2, 16, dropout=0.0, batch_first=True)
        self.to_mel = nn.Linear(d, n_mels)

    def forward(self, phonemes, gt_durations, max_frames):
        h = self.encoder(self.embed(phonemes))
        log_dur, pred_frames = self.predict_durations(h)  # L
        mel = self.to_mel(self.decoder(self.regulate(h, gt_durations, max_frames)))
        return mel, log_dur, pred_frames
