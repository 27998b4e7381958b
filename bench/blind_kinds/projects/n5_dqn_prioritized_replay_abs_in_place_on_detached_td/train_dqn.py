import torch

from rl import AgentConfig, DQNAgent, PrioritizedReplay


def random_transitions(n, obs_dim, n_actions):
    for _ in range(n):
        yield {
            "obs": torch.randn(obs_dim),
            "action": torch.randint(0, n_actions, ()),
            "reward": torch.randn(()),
            "next_obs": torch.randn(obs_dim),
            "done": float(torch.rand(()) < 0.1),
        }


def main():
    torch.manual_seed(0)
    cfg = AgentConfig()
    memory = PrioritizedReplay(capacity=32, obs_dim=cfg.obs_dim)
    agent = DQNAgent(cfg, memory)
    for t in random_transitions(20, cfg.obs_dim, cfg.n_actions):
        memory.add(**t)
    print([agent.learn() for _ in range(2)])  # L


if __name__ == "__main__":
    main()
