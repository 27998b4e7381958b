import torch.nn as nn

FINAL_ACTS = {"relu": nn.ReLU, "none": nn.Identity}


class DurationPredictor(nn.Module):
    """FastSpeech's duration predictor: two conv/ReLU/LayerNorm layers and a linear projection to the
    log duration of each phoneme. Some versions rectify the output (log durations are >= 0 when
    every phoneme lasts at least one frame)."""

    def __init__(self, d, kernel=3, final_act="relu"):
        super().__init__()
        self.conv1 = nn.Conv1d(d, d, kernel, padding=kernel // 2)
        self.conv2 = nn.Conv1d(d, d, kernel, padding=kernel // 2)
        self.norm1, self.norm2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.proj = nn.Linear(d, 1)
        self.final = FINAL_ACTS[final_act]()

    def forward(self, h):
        x = self.norm1(self.conv1(h.transpose(1, 2)).relu().transpose(1, 2))
        x = self.norm2(self.conv2(x.transpose(1, 2)).relu().transpose(1, 2))
        return self.final(self.proj(x)).squeeze(-1)
