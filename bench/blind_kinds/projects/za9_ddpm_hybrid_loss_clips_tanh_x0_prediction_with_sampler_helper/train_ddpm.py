import torch

from ddpm import HybridLoss, NoiseSchedule, X0Denoiser
from ddpm.sampling import p_sample_loop


def toy_data(n=16, dim=4):
    return torch.rand(n, dim) * 2 - 1


def main(steps=2):
    torch.manual_seed(0)
    sched = NoiseSchedule()
    model = X0Denoiser(steps=sched.steps)
    criterion = HybridLoss(sched)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for step in range(steps):
        loss = criterion(model, toy_data())  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())
    print(p_sample_loop(model, sched, (2, 4)).shape)


if __name__ == "__main__":
    main()
