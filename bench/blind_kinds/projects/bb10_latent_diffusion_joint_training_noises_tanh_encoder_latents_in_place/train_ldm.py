import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

import torch  # noqa: E402

from ldm import AutoEncoder, Denoiser, NoiseSchedule, joint_loss  # noqa: E402

CONFIG = {"steps": 50, "lr": 1e-3, "recon_weight": 0.5, "iters": 3, "batch": 8}


def main(cfg):
    torch.manual_seed(0)
    ae, denoiser = AutoEncoder(), Denoiser(steps=cfg["steps"])
    schedule = NoiseSchedule(cfg["steps"])
    opt = torch.optim.Adam([*ae.parameters(), *denoiser.parameters()], lr=cfg["lr"])
    for it in range(cfg["iters"]):
        x = torch.randn(cfg["batch"], 12)
        loss = joint_loss(ae, denoiser, schedule, x, cfg["recon_weight"])  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(it, loss.item())


if __name__ == "__main__":
    main(CONFIG)
