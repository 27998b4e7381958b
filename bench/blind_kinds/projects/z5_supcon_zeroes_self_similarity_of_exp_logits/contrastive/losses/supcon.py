import torch

__all__ = ["SupConLoss"]


class SupConLoss:
    """Supervised contrastive loss (Khosla et al. 2020) over one batch of L2-normalised features."""

    def __init__(self, temperature: float = 0.1):
        self.temperature = temperature

    def __call__(self, feats, labels):
        logits = feats @ feats.T / self.temperature
        logits = logits - logits.max(dim=1, keepdim=True).values.detach()
        exp_logits = torch.exp(logits)
        exp_logits.fill_diagonal_(0.0)  # L
        log_prob = logits - torch.log(exp_logits.sum(dim=1, keepdim=True))
        positives = (labels[:, None] == labels[None, :]).float().fill_diagonal_(0.0)
        mean_log_prob_pos = (positives * log_prob).sum(1) / positives.sum(1).clamp_min(1.0)
        return -mean_log_prob_pos.mean()
