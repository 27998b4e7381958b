import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))

from metalearn import SineRegressor, adapt  # noqa: E402

CONFIG = {"meta_batch": 3, "shots": 5, "meta_steps": 2, "inner_lr": 0.01, "outer_lr": 1e-3, "inner_steps": 1}


def sample_task(shots):
    amp, phase = torch.rand(()) * 4.9 + 0.1, torch.rand(()) * 3.1416
    x = torch.rand(2 * shots, 1) * 10 - 5
    y = amp * torch.sin(x + phase)
    return x[:shots], y[:shots], x[shots:], y[shots:]


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = SineRegressor()
    meta_opt = torch.optim.Adam(model.parameters(), lr=cfg["outer_lr"])
    for step in range(cfg["meta_steps"]):
        meta_loss = 0.0
        for _ in range(cfg["meta_batch"]):
            xs, ys, xq, yq = sample_task(cfg["shots"])
            fast = adapt(model, xs, ys, cfg["inner_lr"], cfg["inner_steps"])  # L
            meta_loss = meta_loss + F.mse_loss(model.functional(fast, xq), yq)
        meta_opt.zero_grad()
        (meta_loss / cfg["meta_batch"]).backward()
        meta_opt.step()
        print(step, meta_loss.item())


if __name__ == "__main__":
    main()
