import torch

from cfgdiff import EMA, Denoiser, VDiffusion

CONFIG = dict(d_data=8, dim=32, num_classes=5, act="silu", p_uncond=0.3)


def main(cfg=CONFIG, steps=3):
    torch.manual_seed(0)
    model = Denoiser(**cfg)
    ema = EMA(model)
    diffusion = VDiffusion()
    opt = torch.optim.AdamW(model.parameters(), lr=2e-4)
    for step in range(steps):
        x0, y = torch.randn(16, cfg["d_data"]), torch.randint(0, cfg["num_classes"], (16,))
        loss = diffusion.loss(model, x0, y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        ema.update(model)
        print(step, loss.item())


if __name__ == "__main__":
    main()
