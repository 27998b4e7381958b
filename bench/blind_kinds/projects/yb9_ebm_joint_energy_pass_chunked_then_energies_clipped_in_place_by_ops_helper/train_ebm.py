import torch

from ebm import EnergyNet, ReplayBuffer, contrastive_divergence, sgld_sample

CFG = {"dim": 2, "batch": 16, "steps": 3, "buffer": 64, "alpha": 0.1}


def data_batch(n):
    centres = torch.tensor([[1.0, 1.0], [-1.0, -1.0]])
    return centres[torch.randint(0, 2, (n,))] + 0.1 * torch.randn(n, 2)


def main(cfg=CFG):
    torch.manual_seed(0)
    energy = EnergyNet(cfg["dim"])
    buffer = ReplayBuffer(cfg["buffer"], cfg["dim"])
    opt = torch.optim.Adam(energy.parameters(), lr=1e-3, betas=(0.0, 0.999))
    for _ in range(cfg["steps"]):
        x_pos = data_batch(cfg["batch"])
        x_neg = sgld_sample(energy, buffer, cfg["batch"])
        loss = contrastive_divergence(energy, x_pos, x_neg, alpha=cfg["alpha"])  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
    print("cd loss", round(loss.item(), 4))


if __name__ == "__main__":
    main()
