import torch
import torch.nn as nn
import torch.nn.functional as F


class DistillLoss(nn.Module):
    """Hinton distillation; the temperature is a buffer so a curriculum can anneal it and it is
    saved with the checkpoint."""

    def __init__(self, temperature=4.0, alpha=0.7):
        super().__init__()
        self.register_buffer("T", torch.tensor(float(temperature)))
        self.alpha = alpha

    def forward(self, student_logits, teacher_logits, target):
        soft = F.kl_div(
            F.log_softmax(student_logits / self.T, dim=-1),
            F.softmax(teacher_logits / self.T, dim=-1),
            reduction="batchmean",
        ) * (self.T * self.T)
        hard = F.cross_entropy(student_logits, target)
        return self.alpha * soft + (1 - self.alpha) * hard
