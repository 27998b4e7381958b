"""Keep square Linear weights orthogonal by re-projecting them after each optimizer step."""
import torch
import torch.nn as nn


def project_orthogonal_(w):
    q, r = torch.linalg.qr(w)
    q = q * torch.sign(torch.diagonal(r)).unsqueeze(0)
    w.copy_(q)  # L
    return w


class OrthoConstraint:
    def __init__(self, every=1, only_square=True):
        self.every = every
        self.only_square = only_square

    def _targets(self, model):
        for name, m in model.named_modules():
            if isinstance(m, nn.Linear) and (not self.only_square or m.in_features == m.out_features):
                yield name, m

    def on_step_end(self, trainer):
        if trainer.global_step % self.every:
            return
        for _, m in self._targets(trainer.model):
            project_orthogonal_(m.weight)  # L
