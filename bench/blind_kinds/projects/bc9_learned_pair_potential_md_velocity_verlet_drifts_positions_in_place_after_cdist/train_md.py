import torch

from mdlearn import PairForceField, ParticleState, simulate

CONFIG = {"particles": 5, "dt": 0.01, "rollout": 4, "epochs": 2, "lr": 1e-3, "integrator": "verlet"}


def reference_rollout(state, dt, n_steps):
    """Ground truth from a Lennard-Jones-like analytic force, integrated the same way."""
    def lj_force(pos):
        d = pos.unsqueeze(1) - pos.unsqueeze(0)
        r2 = (d ** 2).sum(-1) + torch.eye(pos.shape[0])
        inv6 = r2.reciprocal() ** 3
        mag = (24 * inv6 * (2 * inv6 - 1) / r2) * (1 - torch.eye(pos.shape[0]))
        return (mag.unsqueeze(-1) * d).sum(1)
    with torch.no_grad():
        return simulate(state.clone(), lj_force, dt, n_steps).pos


def main(cfg=CONFIG):
    torch.manual_seed(0)
    field = PairForceField()
    opt = torch.optim.Adam(field.parameters(), lr=cfg["lr"])
    for epoch in range(cfg["epochs"]):
        grid = torch.stack(torch.meshgrid(torch.arange(3.0), torch.arange(2.0), indexing="ij"), -1).view(-1, 2)
        pos0 = grid[: cfg["particles"]] * 1.2 + 0.05 * torch.randn(cfg["particles"], 2)
        start = ParticleState(pos0, torch.zeros_like(pos0))
        target = reference_rollout(start, cfg["dt"], cfg["rollout"])
        final = simulate(start.clone(), field, cfg["dt"], cfg["rollout"], cfg["integrator"])  # L
        loss = (final.pos - target).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    main()
