import torch
import torch.nn as nn


class TrackerBase(nn.Module):
    """A Siamese tracker: one embedding for the exemplar and the search region, a response map from
    correlating the two, plus a response against a long-term template memory (a buffer that
    callbacks refresh from the exemplar features)."""

    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.backbone = self.build_backbone(cfg)
        self.register_buffer("memory", torch.zeros(1, cfg.channels, *self.template_shape(cfg)))
        self.last_exemplar = None

    def build_backbone(self, cfg):
        raise NotImplementedError

    def template_shape(self, cfg):
        raise NotImplementedError

    def correlate(self, search, kernel):
        raise NotImplementedError

    def forward(self, exemplar, search):
        z = self.backbone(exemplar)
        x = self.backbone(search)
        self.last_exemplar = z
        response = self.correlate(x, z)
        return response + self.cfg.memory_weight * self.correlate(x, self.memory)
