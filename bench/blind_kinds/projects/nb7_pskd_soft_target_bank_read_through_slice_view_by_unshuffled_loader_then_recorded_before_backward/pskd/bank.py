import torch
import torch.nn as nn
import torch.nn.functional as F


class SoftTargetBank(nn.Module):
    """Progressive self-knowledge distillation (PS-KD, Kim et al. 2021): each sample's target is
    its label softened by the model's own prediction from the previous epoch.  The bank keeps the
    ready-made targets, so a lookup is a plain read."""

    def __init__(self, labels, n_classes):
        super().__init__()
        self.n_classes = n_classes
        self.register_buffer("table", F.one_hot(labels, n_classes).float())

    def lookup(self, index):
        return self.table[index]

    @torch.no_grad()
    def record(self, index, labels, probs, alpha):
        hard = F.one_hot(labels, self.n_classes).float()
        self.table[index] = (1 - alpha) * hard + alpha * probs  # L
