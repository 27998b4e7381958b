import torch

from .utils import imagined_return, shift_


class GradientMPC:
    """Model-predictive control by gradient ascent on an open-loop action plan through the
    learned model, warm-started from the previous step's plan."""

    def __init__(self, model, act_dim, horizon=5, iters=3, lr=0.1):
        self.model, self.iters, self.lr = model, iters, lr
        self.plan = torch.zeros(horizon, act_dim, requires_grad=True)

    def act(self, state):
        for _ in range(self.iters):
            ret = imagined_return(self.model, state, self.plan)
            (grad,) = torch.autograd.grad(ret, self.plan)
            with torch.no_grad():
                self.plan.add_(grad, alpha=self.lr)
        action = self.plan[0].detach().tanh()
        shift_(self.plan)  # L
        return action
