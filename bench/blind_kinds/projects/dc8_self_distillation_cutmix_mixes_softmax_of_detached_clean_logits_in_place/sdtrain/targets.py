"""Soft targets from the network's own prediction on the clean batch (self-distillation)."""
import torch
import torch.nn.functional as F


class SoftTargets:
    def __init__(self, temperature=2.0, detach_at="probs"):
        self.temperature = temperature
        self.detach_at = detach_at

    def tempered(self, logits):
        return F.softmax(logits / self.temperature, dim=-1)

    def confidence_penalty(self, probs):
        """Negative entropy of the tempered prediction (Pereyra et al. 2017)."""
        return (probs * torch.log(probs + 1e-8)).sum(-1).mean()

    def targets(self, logits, probs):
        if self.detach_at == "logits":
            return self.tempered(logits.detach())
        return probs.detach()  # the tempered prediction is already there: reuse it
