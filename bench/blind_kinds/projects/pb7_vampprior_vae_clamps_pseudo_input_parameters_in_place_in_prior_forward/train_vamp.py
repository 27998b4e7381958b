"""A VAE with a VampPrior on toy binary data; the pseudo-inputs are kept in [0, 1]."""
import torch

from vamp import VAE, VampPrior
from vamp.train import ClampPseudoInputs, fit

CONFIG = {"n_pseudo": 5, "d_x": 16, "clamp": "in_forward", "lr": 1e-3, "steps": 2}  # L


def main(cfg=CONFIG):
    torch.manual_seed(0)
    prior = VampPrior(cfg["n_pseudo"], cfg["d_x"], clamp_in_forward=cfg["clamp"] == "in_forward")
    model = VAE(prior, d_x=cfg["d_x"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    callbacks = [ClampPseudoInputs(prior)] if cfg["clamp"] == "after_step" else []
    batches = [(torch.rand(8, cfg["d_x"]) > 0.5).float() for _ in range(cfg["steps"])]
    fit(model, opt, batches, callbacks)  # L


if __name__ == "__main__":
    main()
