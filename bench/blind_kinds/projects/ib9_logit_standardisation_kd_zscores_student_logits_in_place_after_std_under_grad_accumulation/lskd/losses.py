import torch.nn as nn
import torch.nn.functional as F

from .functional import zscore_


class LogitStandardKD(nn.Module):
    """Hinton's KD with both sets of logits z-scored before the temperature, plus the hard-label
    cross-entropy on the raw student logits."""

    def __init__(self, temperature=2.0, alpha=0.9):
        super().__init__()
        self.temperature, self.alpha = temperature, alpha

    def forward(self, student_logits, teacher_logits, targets):
        ce = F.cross_entropy(student_logits, targets)
        T = self.temperature
        s = zscore_(student_logits)  # L
        t = zscore_(teacher_logits)
        kd = F.kl_div(F.log_softmax(s / T, dim=-1), F.softmax(t / T, dim=-1), reduction="batchmean") * T * T
        return self.alpha * kd + (1 - self.alpha) * ce
