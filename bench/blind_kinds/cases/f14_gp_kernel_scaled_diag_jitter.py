import torch
import torch.nn as nn


class RBFKernel(nn.Module):
    def __init__(self, lengthscale=1.0, outputscale=2.0):
        super().__init__()
        self.log_ls = nn.Parameter(torch.tensor(float(lengthscale)).log())
        self.outputscale = outputscale

    def forward(self, a, b):
        d2 = torch.cdist(a, b).pow(2)
        return self.outputscale * torch.exp(-0.5 * d2 / self.log_ls.exp() ** 2)


class ExactGP(nn.Module):
    def __init__(self, noise=1e-2):
        super().__init__()
        self.kernel = RBFKernel()
        self.log_noise = nn.Parameter(torch.tensor(noise).log())

    def neg_log_marginal_likelihood(self, X, y):
        K = self.kernel(X, X)
        K.diagonal().add_(self.log_noise.exp())  # L
        L = torch.linalg.cholesky(K)
        alpha = torch.cholesky_solve(y.unsqueeze(-1), L)
        return 0.5 * (y.unsqueeze(-1) * alpha).sum() + L.diagonal().log().sum()


def run():
    torch.manual_seed(0)
    X = torch.randn(6, 2)
    y = torch.sin(X[:, 0]) + 0.1 * torch.randn(6)
    gp = ExactGP()
    opt = torch.optim.Adam(gp.parameters(), lr=0.05)
    loss = gp.neg_log_marginal_likelihood(X, y)
    opt.zero_grad()
    loss.backward()
    opt.step()
