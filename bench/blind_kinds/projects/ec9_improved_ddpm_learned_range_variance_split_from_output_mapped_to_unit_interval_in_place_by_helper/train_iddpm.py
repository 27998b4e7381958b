import sys

import torch

sys.path.insert(0, "src")
from iddpm import EpsVarNet, GaussianDiffusion  # noqa: E402


def main(steps=3):
    torch.manual_seed(0)
    model = EpsVarNet(channels=4)
    diffusion = GaussianDiffusion(T=100)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    for step in range(steps):
        x0 = torch.randn(16, 4).tanh()
        loss = diffusion.training_losses(model, x0)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
