import torch

from a2c import A2C, Policy, RolloutStorage

CONFIG = {"num_envs": 3, "num_steps": 4, "obs_dim": 4, "updates": 2}


class ToyEnv:
    """A batch of random-walk environments: reward for pushing the first coordinate up."""

    def __init__(self, num_envs, obs_dim):
        self.state = torch.randn(num_envs, obs_dim)

    def reset(self):
        return self.state.clone()

    def step(self, action):
        self.state = self.state + 0.1 * torch.randn_like(self.state)
        self.state[:, 0] += 0.2 * (2 * action.float() - 1)
        reward = self.state[:, 0]
        done = (self.state[:, 0].abs() > 3).float()
        return self.state.clone(), reward, done


def main(cfg=CONFIG):
    torch.manual_seed(0)
    env = ToyEnv(cfg["num_envs"], cfg["obs_dim"])
    policy = Policy(cfg["obs_dim"])
    agent = A2C(policy)
    storage = RolloutStorage(cfg["num_steps"], cfg["num_envs"], cfg["obs_dim"])
    storage.obs[0].copy_(env.reset())
    for _ in range(cfg["updates"]):
        values, log_probs, entropies = [], [], []
        for step in range(cfg["num_steps"]):
            value, action, log_prob, entropy = policy.act(storage.obs[step])
            obs, reward, done = env.step(action)
            storage.insert(step, obs, reward, 1.0 - done)  # L
            values.append(value)
            log_probs.append(log_prob)
            entropies.append(entropy)
        loss = agent.update(storage, values, log_probs, entropies)
    print("loss", round(loss, 4))


if __name__ == "__main__":
    main()
