"""The VampPrior (Tomczak & Welling, 2018): a mixture of the variational posteriors of K learned
pseudo-inputs. The pseudo-inputs live in data space, [0, 1] for binarised images."""
import math

import torch
import torch.nn as nn


class VampPrior(nn.Module):
    def __init__(self, n_pseudo, d_x, clamp_in_forward=False):
        super().__init__()
        self.pseudo = nn.Parameter(torch.rand(n_pseudo, d_x))
        self.clamp_in_forward = clamp_in_forward

    def keep_in_range_(self):
        self.pseudo.clamp_(0.0, 1.0)  # L

    def log_prob(self, z, encoder):
        if self.clamp_in_forward:
            self.keep_in_range_()  # L
        mu, logvar = encoder(self.pseudo)
        # log N(z | mu_k, var_k) for every pseudo-input k, then log-mean-exp over k
        diff = z.unsqueeze(1) - mu.unsqueeze(0)
        log_n = -0.5 * (logvar + diff.pow(2) / logvar.exp() + math.log(2 * math.pi)).sum(-1)
        return torch.logsumexp(log_n, dim=1) - math.log(mu.shape[0])
