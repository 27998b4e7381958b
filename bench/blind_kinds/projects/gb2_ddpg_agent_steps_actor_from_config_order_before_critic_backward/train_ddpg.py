import torch

from ddpg import DDPGAgent, ReplayBuffer, apply_updates

CONFIG = {
    "obs_dim": 4,
    "act_dim": 2,
    "hidden": 16,
    "gamma": 0.99,
    "tau": 0.05,
    "batch": 8,
    "update_order": ["actor", "critic"],  # L
    "updates": 3,
}


def fill(buffer, cfg, n=32):
    for _ in range(n):
        buffer.add(torch.randn(cfg["obs_dim"]), torch.rand(cfg["act_dim"]) * 2 - 1,
                   torch.randn(()), torch.randn(cfg["obs_dim"]), torch.tensor(0.0))


def main(cfg=CONFIG):
    torch.manual_seed(0)
    agent = DDPGAgent(cfg["obs_dim"], cfg["act_dim"], cfg["hidden"], cfg["gamma"], cfg["tau"])
    buffer = ReplayBuffer(64, cfg["obs_dim"], cfg["act_dim"])
    fill(buffer, cfg)
    for step in range(cfg["updates"]):
        batch = buffer.sample(cfg["batch"])
        losses = agent.losses(batch)
        apply_updates(agent, losses, cfg["update_order"])  # L
        agent.soft_update_targets()
        print(step, {k: round(v.item(), 4) for k, v in losses.items()})


if __name__ == "__main__":
    main()
