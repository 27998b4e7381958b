"""Exact GP regression whose hyperparameters are tuned on the predictive log-likelihood of a
held-out split, measured in the original units of the target."""
import torch

from gpkit import RBF, ExactGP, Standardize


def make_data(n):
    x = torch.rand(n, 1) * 6
    return x, 40.0 + 15.0 * torch.sin(2 * x[:, 0]) + torch.randn(n)


def main():
    torch.manual_seed(0)
    x, y = make_data(40)
    x_fit, y_fit, x_val, y_val = x[:30], y[:30], x[30:], y[30:]
    outcome = Standardize().fit(y_fit)
    gp = ExactGP(RBF(), x_fit, outcome.transform(y_fit), outcome)
    opt = torch.optim.Adam(gp.parameters(), lr=0.05)
    for step in range(3):
        nll = -gp.predict(x_val).log_prob(y_val).mean()  # L
        opt.zero_grad()
        nll.backward()
        opt.step()
        print(step, nll.item())


if __name__ == "__main__":
    main()
