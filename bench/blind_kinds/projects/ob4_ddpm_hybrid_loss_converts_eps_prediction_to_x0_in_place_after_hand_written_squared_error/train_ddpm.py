import torch

from diffusion import CosineSchedule, Denoiser, HybridLoss

CONFIG = {
    "data_dim": 6,
    "timesteps": 100,
    "model": {"hidden": 32, "time_dim": 8},
    "loss": {"eps_loss": "sq_err", "x0_weight": 0.1},  # L
    "lr": 2e-4,
    "steps": 3,
}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    schedule = CosineSchedule(cfg["timesteps"])
    model = Denoiser(cfg["data_dim"], **cfg["model"])
    criterion = HybridLoss(schedule, **cfg["loss"])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        x0 = torch.randn(16, cfg["data_dim"]).tanh()
        t = torch.randint(0, cfg["timesteps"], (16,))
        noise = torch.randn_like(x0)
        x_t = schedule.q_sample(x0, t, noise)
        loss = criterion(model(x_t, t), x_t, x0, t, noise)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
