"""Virtual adversarial training (Miyato et al. 2018): the LDS term is the KL divergence between
the prediction on x and on x + r_adv, where r_adv is found by power iteration. The probe's
gradient is taken with autograd.grad so the model's .grad stays clean."""
from functools import partial

import torch
import torch.nn as nn
import torch.nn.functional as F

from .utils import _disable_tracking_bn_stats, _l2_normalize

kl_div = partial(F.kl_div, reduction="batchmean")


class VATLoss(nn.Module):
    def __init__(self, xi=10.0, eps=1.0, ip=1):
        super().__init__()
        self.xi, self.eps, self.ip = xi, eps, ip

    def forward(self, model, x):
        with torch.no_grad():
            pred = F.softmax(model(x), dim=1)
        d = torch.randn_like(x, requires_grad=True)
        with _disable_tracking_bn_stats(model):
            for _ in range(self.ip):
                pred_hat = model(x + self.xi * _l2_normalize(d))  # L
                adv_distance = kl_div(F.log_softmax(pred_hat, dim=1), pred)
                d = torch.autograd.grad(adv_distance, d)[0].requires_grad_()
            r_adv = _l2_normalize(d.detach()) * self.eps
            logp_hat = F.log_softmax(model(x + r_adv), dim=1)
            return kl_div(logp_hat, pred)
