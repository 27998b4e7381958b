"""Learn a one-step surrogate of the Gray-Scott reaction-diffusion system on a tiny grid and
train it on a two-step rollout against the finite-difference solver."""
import torch

from rd import GrayScottSolver, ReactionDiffusionNet, TrainConfig


def make_trajectory(cfg):
    torch.manual_seed(0)
    u = torch.ones(1, 1, cfg.grid, cfg.grid)
    v = torch.zeros(1, 1, cfg.grid, cfg.grid)
    v[..., 3:5, 3:5] = 0.5
    state = torch.cat([u, v], dim=1)
    solver = GrayScottSolver(cfg)
    states = [state]
    for _ in range(cfg.rollout):
        states.append(solver.step(states[-1]))
    return states


def main():
    cfg = TrainConfig()
    traj = make_trajectory(cfg)
    model = ReactionDiffusionNet(cfg)
    opt = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    for epoch in range(cfg.epochs):
        opt.zero_grad()
        state, loss = traj[0], 0.0
        for t in range(1, cfg.rollout + 1):
            state = model(state)  # L
            loss = loss + (state - traj[t]).pow(2).mean()
        loss.backward()
        opt.step()
        print(epoch, float(loss))


if __name__ == "__main__":
    main()
