"""FastSpeech-style training on toy data: ground-truth durations expand the encoder states (teacher
forcing); the duration predictor is trained with MSE on log(1 + d); the predicted total length is
logged as a metric."""
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))
from tinytts import TinyFastSpeech  # noqa: E402

CONFIG = {"n_phonemes": 12, "d": 8, "n_mels": 5, "final_act": "relu", "steps": 2}


def toy_batch(n=3, length=4, n_mels=5):
    phonemes = torch.randint(0, 12, (n, length))
    durations = torch.randint(1, 4, (n, length))
    max_frames = int(durations.sum(1).max())
    return phonemes, durations, torch.randn(n, max_frames, n_mels), max_frames


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = TinyFastSpeech(cfg["n_phonemes"], cfg["d"], cfg["n_mels"], cfg["final_act"])
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for step in range(cfg["steps"]):
        phonemes, durations, mel_gt, max_frames = toy_batch()
        mel, log_dur, pred_frames = model(phonemes, durations, max_frames)  # L
        loss = F.l1_loss(mel, mel_gt) + F.mse_loss(log_dur, torch.log1p(durations.float()))
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item(), "frames", pred_frames.sum(1).tolist(), "of", durations.sum(1).tolist())


if __name__ == "__main__":
    main()
