import torch.nn as nn

from .masking import compute_mask_indices


class PretrainModel(nn.Module):
    """The pretraining forward; subclasses supply the feature encoder, the projection to the
    context network's width, the masking and the context network."""

    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg

    def forward(self, wav):
        features = self.extract_features(wav)
        targets, diversity = self.quantizer(features)
        x = self.project(features)
        mask = compute_mask_indices(x.shape[0], x.shape[1], self.cfg.mask_prob, self.cfg.mask_length)
        x = self.mask_input(x, mask)  # L
        return self.final_proj(self.context(x)), targets, mask, diversity
