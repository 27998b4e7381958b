from dataclasses import dataclass, field

import torch

from sac import SACLearner


@dataclass
class SACConfig:
    obs_dim: int = 5
    action_low: list = field(default_factory=lambda: [-2.0, 0.0])
    action_high: list = field(default_factory=lambda: [2.0, 1.0])
    hidden: int = 32
    gamma: float = 0.99
    tau: float = 0.005
    lr: float = 3e-4
    batch_size: int = 16
    updates: int = 3


def random_batch(cfg):
    n, act_dim = cfg.batch_size, len(cfg.action_low)
    low, high = torch.tensor(cfg.action_low), torch.tensor(cfg.action_high)
    return (torch.randn(n, cfg.obs_dim), low + (high - low) * torch.rand(n, act_dim), torch.randn(n),
            torch.randn(n, cfg.obs_dim), torch.zeros(n))


def main(cfg=SACConfig()):
    torch.manual_seed(0)
    learner = SACLearner(cfg)
    for _ in range(cfg.updates):
        stats = learner.update(random_batch(cfg))  # L
    print(stats)


if __name__ == "__main__":
    main()
