"""Offline discrete-action conservative Q-learning (CQL) on a small random dataset."""
import torch

from offline_rl import CQLLearner, QNetwork

CONFIG = {
    "obs_dim": 4, "n_actions": 3, "gamma": 0.99, "alpha": 1.0, "q_bound": 50.0,
    "loss_terms": ["cql", "td"], "lr": 3e-4, "updates": 3, "target_every": 2,
}


def dataset(cfg, n=32):
    g = torch.Generator().manual_seed(1)
    return {
        "obs": torch.randn(n, cfg["obs_dim"], generator=g),
        "actions": torch.randint(0, cfg["n_actions"], (n,), generator=g),
        "rewards": torch.randn(n, generator=g),
        "next_obs": torch.randn(n, cfg["obs_dim"], generator=g),
        "dones": (torch.rand(n, generator=g) < 0.1).float(),
    }


def main(cfg=CONFIG):
    torch.manual_seed(0)
    learner = CQLLearner(QNetwork(cfg["obs_dim"], cfg["n_actions"]), cfg)
    batch = dataset(cfg)
    for i in range(cfg["updates"]):
        print(i, learner.update(batch))  # L


if __name__ == "__main__":
    main()
