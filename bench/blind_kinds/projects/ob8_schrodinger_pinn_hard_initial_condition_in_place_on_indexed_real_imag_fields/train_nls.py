"""Focusing nonlinear Schrodinger equation i h_t + 0.5 h_xx + |h|^2 h = 0 (Raissi et al.'s PINN
benchmark), with the initial condition h(x, 0) = 2 sech(x) imposed exactly by the ansatz
h = h0(x) + t * N(x, t)."""
import torch

from pinn import FieldNet, hard_initial_condition_, nls_residual, periodic_boundary_loss

CONFIG = {
    "layers": [2, 24, 24, 2],
    "split": "index",  # L
    "domain": {"x": (-5.0, 5.0), "t": (0.0, 1.5708)},
    "n_collocation": 32,
    "n_boundary": 8,
    "lr": 1e-3,
    "iterations": 3,
}


def sample(n, dom):
    lo = torch.tensor([dom["x"][0], dom["t"][0]])
    hi = torch.tensor([dom["x"][1], dom["t"][1]])
    return (lo + (hi - lo) * torch.rand(n, 2)).requires_grad_(True)


def initial_state(x):
    return 2.0 / torch.cosh(x), torch.zeros_like(x)


def predict(net, xt, split):
    u, v = net(xt, split=split)
    u0, v0 = initial_state(xt[:, 0].detach())
    return hard_initial_condition_(u, v, xt[:, 1], u0, v0)  # L


def main(cfg=CONFIG):
    torch.manual_seed(0)
    net = FieldNet(cfg["layers"])
    opt = torch.optim.Adam(net.parameters(), lr=cfg["lr"])
    for it in range(cfg["iterations"]):
        xt = sample(cfg["n_collocation"], cfg["domain"])
        u, v = predict(net, xt, cfg["split"])  # L
        f_re, f_im = nls_residual(u, v, xt)
        t_b = torch.rand(cfg["n_boundary"]) * cfg["domain"]["t"][1]
        left = torch.stack([torch.full_like(t_b, cfg["domain"]["x"][0]), t_b], 1).requires_grad_(True)
        right = torch.stack([torch.full_like(t_b, cfg["domain"]["x"][1]), t_b], 1).requires_grad_(True)
        boundary = periodic_boundary_loss(lambda p: predict(net, p, cfg["split"]), left, right)  # L
        loss = (f_re.pow(2) + f_im.pow(2)).mean() + boundary
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(it, loss.item())


if __name__ == "__main__":
    main()
