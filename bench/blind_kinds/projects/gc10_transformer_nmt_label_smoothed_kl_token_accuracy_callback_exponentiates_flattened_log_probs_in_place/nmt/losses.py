import torch
import torch.nn.functional as F


class LabelSmoothedKL:
    """KL to the smoothed one-hot target; returns the loss and the log-probabilities it used."""

    def __init__(self, vocab, eps=0.1, pad=0):
        self.vocab, self.eps, self.pad = vocab, eps, pad

    def __call__(self, logits, target):
        logp = F.log_softmax(logits, dim=-1)
        smooth = torch.full_like(logp, self.eps / (self.vocab - 2))
        smooth.scatter_(-1, target.unsqueeze(-1), 1.0 - self.eps)
        smooth[..., self.pad] = 0.0
        keep = (target != self.pad).unsqueeze(-1)
        loss = (F.kl_div(logp, smooth, reduction="none") * keep).sum() / keep.sum()
        return loss, logp
