import torch
import torch.nn.functional as F

from vqlab import VQVAE, DeadCodeReset

CONFIG = {"quantizer": "hard", "num_codes": 64, "steps": 3, "lr": 1e-3}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = VQVAE(cfg["quantizer"], cfg["num_codes"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    callbacks = [DeadCodeReset(cfg["num_codes"])]
    for step in range(cfg["steps"]):
        x = torch.randn(16, 12)
        out = model(x)
        loss = F.mse_loss(out["recon"], x) + out["vq_loss"]
        for cb in callbacks:
            cb.on_loss(model, out)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
