import torch

from drq import DrQAgent

CONFIG = {
    "obs_dim": 10,
    "act_dim": 2,
    "agent": {"feat_dim": 8, "update_order": ["actor", "critic"], "feature_noise": 0.05},
    "batch_size": 16,
    "updates": 3,
}


def sample_batch(cfg):
    n = cfg["batch_size"]
    return (torch.randn(n, cfg["obs_dim"]), torch.rand(n, cfg["act_dim"]) * 2 - 1, torch.randn(n),
            torch.randn(n, cfg["obs_dim"]), torch.randint(0, 2, (n,)).float())


def main(cfg=CONFIG):
    torch.manual_seed(0)
    agent = DrQAgent(cfg["obs_dim"], cfg["act_dim"], **cfg["agent"])
    for _ in range(cfg["updates"]):
        agent.update(sample_batch(cfg))  # L
    print("done")


if __name__ == "__main__":
    main()
