import torch

from .physics import losses as pinn_losses
from .weighting import AnnealedWeights


class Solver:
    def __init__(self, model, lr=1e-3, update_every=1, n_col=32):
        self.model = model
        self.weights = AnnealedWeights()
        self.optimizer = torch.optim.Adam(model.parameters(), lr=lr)
        self.update_every = update_every
        self.n_col = n_col
        self.history = []

    def step(self, it):
        x_col = torch.rand(self.n_col, 1)
        x_bc = torch.tensor([[0.0], [1.0]])
        losses = pinn_losses(self.model, x_col, x_bc)
        if it % self.update_every == 0:
            self.weights.update(self.model.parameters(), losses)  # L
        total = self.weights.combine(losses)
        self.optimizer.zero_grad()
        total.backward()
        self.optimizer.step()
        self.history.append({k: v.item() for k, v in losses.items()} | {"lam": self.weights.lam.tolist()})
        return total.item()
