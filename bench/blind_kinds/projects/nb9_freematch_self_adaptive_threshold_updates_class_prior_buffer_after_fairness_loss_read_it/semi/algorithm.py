import torch
import torch.nn.functional as F

from .losses import fairness, masked_consistency
from .thresholds import SelfAdaptiveThreshold


class FreeMatch:
    def __init__(self, model, cfg):
        self.model = model
        self.sat = SelfAdaptiveThreshold(cfg["n_classes"], cfg["ema_p"])
        self.lambda_u, self.lambda_f = cfg["lambda_u"], cfg["lambda_f"]

    def train_step(self, x_lb, y_lb, x_ulb_w, x_ulb_s):
        sup = F.cross_entropy(self.model(x_lb), y_lb)
        with torch.no_grad():
            probs_w = F.softmax(self.model(x_ulb_w), dim=-1)
        logits_s = self.model(x_ulb_s)
        mask = self.sat.mask(probs_w)
        unsup = masked_consistency(logits_s, probs_w.argmax(dim=-1), mask)
        fair = fairness(logits_s.softmax(dim=-1), mask, self.sat.p_model)
        self.sat.update(probs_w)  # L
        return sup + self.lambda_u * unsup + self.lambda_f * fair
