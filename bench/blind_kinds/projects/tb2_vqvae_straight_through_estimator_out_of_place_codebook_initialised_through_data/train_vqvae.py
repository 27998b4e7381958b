import torch
import torch.nn.functional as F

from vqvae import VQVAE

CFG = {"hidden": 8, "dim": 4, "codes": 16, "beta": 0.25, "lr": 2e-3, "steps": 3}


def main():
    torch.manual_seed(0)
    model = VQVAE(CFG)
    opt = torch.optim.Adam(model.parameters(), lr=CFG["lr"])
    for step in range(CFG["steps"]):
        x = torch.rand(4, 1, 8, 8)
        recon, vq_loss, idx = model(x)
        loss = F.mse_loss(recon, x) + vq_loss
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4), idx.unique().numel())


if __name__ == "__main__":
    main()
