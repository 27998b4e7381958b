import torch

from td3 import TD3, Actor, TwinCritic

CFG = dict(obs_dim=3, act_dim=2, lr=1e-3, gamma=0.99, tau=0.005, policy_noise=0.2, noise_clip=0.5,
           policy_delay=2, batch=6, updates=4)


class ReplayBuffer:
    def __init__(self, obs_dim, act_dim, size=32):
        self.obs = torch.randn(size, obs_dim)
        self.act = torch.rand(size, act_dim) * 2 - 1
        self.rew = torch.randn(size, 1)
        self.nxt = torch.randn(size, obs_dim)
        self.done = (torch.rand(size, 1) < 0.1).float()

    def sample(self, n):
        idx = torch.randint(0, self.obs.shape[0], (n,))
        return self.obs[idx], self.act[idx], self.rew[idx], self.nxt[idx], self.done[idx]


def main(cfg=CFG):
    torch.manual_seed(0)
    agent = TD3(Actor(cfg["obs_dim"], cfg["act_dim"]), TwinCritic(cfg["obs_dim"], cfg["act_dim"]), cfg)
    buffer = ReplayBuffer(cfg["obs_dim"], cfg["act_dim"])
    for _ in range(cfg["updates"]):
        loss = agent.update(*buffer.sample(cfg["batch"]))  # L
    print("critic loss", round(loss, 4))


if __name__ == "__main__":
    main()
