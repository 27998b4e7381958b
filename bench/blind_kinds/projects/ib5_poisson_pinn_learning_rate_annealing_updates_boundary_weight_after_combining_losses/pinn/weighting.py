"""Learning-rate annealing for PINNs (Wang, Teng & Perdikaris 2021, Algorithm 1): the boundary
term's weight tracks max|grad L_r| / mean|grad L_b| with a moving average."""
import torch
import torch.nn as nn


class AnnealedWeights(nn.Module):
    def __init__(self, terms=("boundary",), alpha=0.9):
        super().__init__()
        self.terms, self.alpha = terms, alpha
        self.register_buffer("lam", torch.ones(len(terms)))

    def combine(self, losses):
        total = losses["residual"]
        for i, name in enumerate(self.terms):
            total = total + self.lam[i] * losses[name]
        return total

    def update(self, params, losses):
        params = [p for p in params if p.requires_grad and p.dim() > 1]  # weight matrices, as the paper
        g_r = torch.autograd.grad(losses["residual"], params, retain_graph=True)
        max_r = max(g.abs().max() for g in g_r)
        for i, name in enumerate(self.terms):
            g_b = torch.autograd.grad(losses[name], params, retain_graph=True)
            mean_b = torch.cat([g.abs().flatten() for g in g_b]).mean()
            with torch.no_grad():
                self.lam[i].mul_(self.alpha).add_((1 - self.alpha) * max_r / mean_b)  # L
