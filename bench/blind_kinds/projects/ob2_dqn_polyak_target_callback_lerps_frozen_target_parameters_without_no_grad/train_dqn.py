import torch

from rl import DQNAgent, PolyakSync, ReplayBuffer

CONFIG = {
    "obs_dim": 4,
    "n_actions": 2,
    "hidden": [16, 16],
    "gamma": 0.99,
    "lr": 1e-3,
    "target": {"kind": "polyak", "tau": 0.05},
    "freeze_target": True,  # L
    "batch_size": 8,
    "updates": 3,
}


def fake_transitions(n, obs_dim, n_actions):
    obs = torch.randn(n, obs_dim)
    return obs, torch.randint(0, n_actions, (n,)), torch.randn(n), torch.randn(n, obs_dim), torch.rand(n) < 0.1


def main(cfg=CONFIG):
    torch.manual_seed(0)
    agent = DQNAgent(cfg)
    agent.add_callback(PolyakSync(**{k: v for k, v in cfg["target"].items() if k != "kind"}))
    buffer = ReplayBuffer(64, cfg["obs_dim"])
    buffer.extend(*fake_transitions(32, cfg["obs_dim"], cfg["n_actions"]))
    for _ in range(cfg["updates"]):
        stats = agent.update(buffer.sample(cfg["batch_size"]))  # L
    print(stats)


if __name__ == "__main__":
    main()
