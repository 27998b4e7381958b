"""Epsilon-prediction DDPM training on 8x8 toy images with a tiny U-Net whose ResBlocks use
improved DDPM's scale-shift norm conditioning."""
import torch
import torch.nn.functional as F

from unet import TinyUNet

CONFIG = {"channels": 8, "emb_dim": 16, "depth": 2, "split": "chunk", "timesteps": 100, "steps": 2}  # L


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = TinyUNet(cfg["channels"], cfg["emb_dim"], cfg["depth"], cfg["split"])
    opt = torch.optim.Adam(model.parameters(), lr=2e-4)
    betas = torch.linspace(1e-4, 0.02, cfg["timesteps"])
    abar = torch.cumprod(1 - betas, 0)
    for step in range(cfg["steps"]):
        x0 = torch.rand(4, 1, 8, 8) * 2 - 1
        t = torch.randint(0, cfg["timesteps"], (4,))
        noise = torch.randn_like(x0)
        a = abar[t][:, None, None, None]
        x_t = a.sqrt() * x0 + (1 - a).sqrt() * noise
        loss = F.mse_loss(model(x_t, t), noise)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
