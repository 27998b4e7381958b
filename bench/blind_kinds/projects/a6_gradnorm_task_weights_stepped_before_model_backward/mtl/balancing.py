"""GradNorm (Chen et al., 2018): learns task weights that equalise the tasks' gradient norms."""
import torch


class GradNorm:
    def __init__(self, n_tasks, alpha=1.5, lr=0.025):
        self.weights = torch.ones(n_tasks, requires_grad=True)
        self.alpha, self.lr = alpha, lr
        self.initial = None

    def weighted(self, losses):
        if self.initial is None:
            self.initial = losses.detach().clone()
        return self.weights * losses

    def update(self, weighted, losses, shared_param):
        norms = torch.stack([
            torch.autograd.grad(w_l, shared_param, retain_graph=True, create_graph=True)[0].norm()
            for w_l in weighted
        ])
        with torch.no_grad():
            ratio = losses / self.initial
            target = norms.mean() * (ratio / ratio.mean()) ** self.alpha
        balance = (norms - target).abs().sum()
        grad_w, = torch.autograd.grad(balance, self.weights, retain_graph=True)
        with torch.no_grad():
            self.weights.sub_(self.lr * grad_w)  # L
            self.weights.mul_(len(self.weights) / self.weights.sum())  # L
        return balance.detach()
