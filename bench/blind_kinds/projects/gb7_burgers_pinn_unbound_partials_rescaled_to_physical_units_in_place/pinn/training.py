import torch
import torch.nn.functional as F

from .calculus import partials, to_physical_


def burgers_residual(model, z, nu):
    u = model(z)
    u_x, u_t = to_physical_(partials(u, z), model.half_range)  # L
    (u_xx, _) = to_physical_(partials(u_x, z), model.half_range)  # L
    return u_t + u * u_x - nu * u_xx


RESIDUALS = {"burgers": burgers_residual}


def sample_collocation(cfg):
    (x0, x1), (t0, t1) = cfg["domain"]["x"], cfg["domain"]["t"]
    n, nb = cfg["n_collocation"], cfg["n_boundary"]
    interior = torch.stack([torch.empty(n).uniform_(x0, x1), torch.empty(n).uniform_(t0, t1)], -1)
    x_init = torch.empty(nb).uniform_(x0, x1)
    initial = torch.stack([x_init, torch.full((nb,), t0)], -1)
    walls = torch.stack([torch.tensor([x0, x1]).repeat(nb // 2), torch.empty(nb).uniform_(t0, t1)], -1)
    return {"interior": interior, "initial": initial, "u_initial": -torch.sin(torch.pi * x_init),
            "walls": walls}


def train(model, opt, points, cfg):
    z = model.normalise(points["interior"]).requires_grad_(True)
    residual = RESIDUALS[cfg["pde"]](model, z, cfg["nu"])
    loss = (residual.pow(2).mean()
            + F.mse_loss(model(model.normalise(points["initial"])), points["u_initial"])
            + model(model.normalise(points["walls"])).pow(2).mean())
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()
