import torch
import torch.nn as nn
from torch.distributions import Normal


class ExactGP(nn.Module):
    def __init__(self, kernel, x, y, outcome, noise=0.1):
        super().__init__()
        self.kernel, self.x, self.y, self.outcome = kernel, x, y, outcome
        self.log_noise = nn.Parameter(torch.tensor(noise).log())

    def posterior(self, x_new):
        """Mean and predictive variance in the standardised space."""
        noise = self.log_noise.exp()
        k = self.kernel(self.x, self.x) + noise * torch.eye(self.x.size(0))
        chol = torch.linalg.cholesky(k)
        alpha = torch.cholesky_solve(self.y.unsqueeze(-1), chol)
        k_cross = self.kernel(self.x, x_new)
        mean = (k_cross.t() @ alpha).squeeze(-1)
        v = torch.linalg.solve_triangular(chol, k_cross, upper=False)
        var = (self.kernel.diag(x_new) - (v * v).sum(0)).clamp_(min=1e-6)  # L
        return mean, var + noise

    def predict(self, x_new):
        mean, var = self.posterior(x_new)
        sigma = self.outcome.untransform_var_(var).sqrt()  # L
        return Normal(self.outcome.untransform_mean_(mean), sigma)  # L
