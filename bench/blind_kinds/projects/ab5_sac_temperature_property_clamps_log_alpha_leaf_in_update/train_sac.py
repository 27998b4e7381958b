import torch

from sac import ReplayBuffer, SACAgent

OBS_DIM, ACT_DIM = 3, 1


def toy_env_step(obs, act):
    """A point mass pushed by the action; reward for staying near the origin."""
    next_obs = obs + 0.1 * torch.cat([act, act, -act])
    return next_obs, -next_obs.pow(2).sum(), float(next_obs.abs().max() > 3)


def main(steps=24, batch_size=8):
    torch.manual_seed(0)
    agent = SACAgent(OBS_DIM, ACT_DIM)
    buffer = ReplayBuffer(64, OBS_DIM, ACT_DIM)
    obs = torch.randn(OBS_DIM)
    for step in range(steps):
        act = agent.act(obs)
        next_obs, rew, done = toy_env_step(obs, act)
        buffer.add(obs, act, rew, next_obs, done)
        obs = torch.randn(OBS_DIM) if done else next_obs
        if buffer.size >= batch_size:
            losses = agent.update(buffer.sample(batch_size))  # L
    print("losses", losses, "alpha", agent.temperature.log_alpha.exp().item())


if __name__ == "__main__":
    main()
