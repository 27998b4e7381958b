import torch
import torch.nn.functional as F

from vq import DeadCodeRestart, build_vqvae

CONFIG = {
    "model": {"d_in": 12, "d_latent": 4, "codes": 16},
    "restart": {"threshold": 1.0, "when": "forward"},  # L
    "lr": 1e-3,
    "steps": 3,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = build_vqvae(cfg["model"], restart=DeadCodeRestart(**cfg["restart"]))
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        x = torch.randn(8, cfg["model"]["d_in"])
        recon, vq_loss = model(x)  # L
        loss = F.mse_loss(recon, x) + vq_loss
        opt.zero_grad()
        loss.backward()
        opt.step()
        restarted = model.quantizer.restart_after_step()
        print(step, loss.item(), restarted)


if __name__ == "__main__":
    main()
