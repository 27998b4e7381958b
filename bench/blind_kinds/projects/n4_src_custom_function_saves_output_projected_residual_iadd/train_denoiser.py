import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

import denoise.model as dm  # noqa: E402

MODEL_CFG = {
    "dim": 6,
    "blocks": [
        {"kind": "tanh_mlp", "project_out": True},
        {"kind": "tanh_mlp", "project_out": True, "scale": 1.0},
    ],
}


def denoising_loss(model, x):
    sigma = torch.rand(x.size(0), 1) * 0.9 + 0.1
    noise = torch.randn_like(x)
    return F.mse_loss(model(x + sigma * noise, sigma), noise)  # L


def main():
    torch.manual_seed(0)
    model = dm.Denoiser(**MODEL_CFG)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda step: min(1.0, (step + 1) / 2))
    for _ in range(2):
        loss = denoising_loss(model, torch.randn(5, 6))
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
    print(loss.item())


if __name__ == "__main__":
    main()
