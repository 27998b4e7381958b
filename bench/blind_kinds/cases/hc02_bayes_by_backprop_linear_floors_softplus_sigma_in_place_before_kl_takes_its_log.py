"""Bayes by backprop (Blundell et al. 2015): a mean-field Gaussian linear layer with
sigma = softplus(rho).  The layer floors sigma in place first, then computes its closed-form KL to the N(0, 1) prior
(for the ELBO's complexity term) and draws the reparameterised weight."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class BayesLinear(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.mu = nn.Parameter(torch.randn(d_out, d_in) * 0.1)
        self.rho = nn.Parameter(torch.full((d_out, d_in), -3.0))
        self.bias = nn.Parameter(torch.zeros(d_out))
        self.kl = torch.tensor(0.0)

    def forward(self, x):
        sigma = F.softplus(self.rho)
        sigma.clamp_(min=1e-4)  # L
        self.kl = 0.5 * (sigma.pow(2) + self.mu.pow(2) - 1.0).sum() - sigma.log().sum()
        w = self.mu + sigma * torch.randn_like(sigma)
        return F.linear(x, w, self.bias)


class BNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1, self.l2 = BayesLinear(5, 16), BayesLinear(16, 1)

    def forward(self, x):
        return self.l2(torch.relu(self.l1(x)))

    def kl(self):
        return self.l1.kl + self.l2.kl


def run():
    torch.manual_seed(0)
    net = BNN()
    opt = torch.optim.Adam(net.parameters(), lr=1e-2)
    x, y = torch.randn(32, 5), torch.randn(32, 1)
    for _ in range(2):
        pred = net(x)
        loss = F.mse_loss(pred, y, reduction="sum") + net.kl() / 100
        opt.zero_grad()
        loss.backward()
        opt.step()
