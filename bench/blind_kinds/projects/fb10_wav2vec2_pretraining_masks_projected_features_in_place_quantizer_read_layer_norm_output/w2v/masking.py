import torch
import torch.nn as nn


def compute_mask_indices(batch, frames, mask_prob, mask_length):
    mask = torch.zeros(batch, frames, dtype=torch.bool)
    n_spans = max(1, int(mask_prob * frames / mask_length))
    for b in range(batch):
        for s in torch.randperm(frames - mask_length)[:n_spans].tolist():
            mask[b, s:s + mask_length] = True
    return mask


def apply_mask_(x, mask, mask_emb):
    x[mask] = mask_emb.to(x.dtype)  # L
    return x


class MaskingMixin:
    """Replaces masked time steps of the encoder input by a learned embedding."""

    def init_masking(self, dim):
        self.mask_emb = nn.Parameter(torch.empty(dim).uniform_())

    def mask_input(self, x, mask):
        return apply_mask_(x, mask, self.mask_emb)  # L
