import math

import torch.nn as nn


class PriorInitMixin:
    """RetinaNet's init: small normal weights, and a classifier bias so that every anchor starts
    with foreground probability ``prior``."""

    prior = 0.01

    def init_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.normal_(m.weight, std=0.01)
                nn.init.zeros_(m.bias)
        self.set_prior_bias(self.cls_logits.bias)

    def set_prior_bias(self, bias):
        nn.init.constant_(bias, -math.log((1 - self.prior) / self.prior))  # L
