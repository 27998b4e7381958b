import torch


class ReplayBuffer:
    """A ring buffer of transitions kept as preallocated tensors."""

    def __init__(self, capacity, obs_dim):
        self.obs = torch.zeros(capacity, obs_dim)
        self.next_obs = torch.zeros(capacity, obs_dim)
        self.actions = torch.zeros(capacity, dtype=torch.long)
        self.rewards = torch.zeros(capacity)
        self.dones = torch.zeros(capacity, dtype=torch.bool)
        self.capacity, self.pos, self.full = capacity, 0, False

    def extend(self, obs, actions, rewards, next_obs, dones):
        idx = (self.pos + torch.arange(len(obs))) % self.capacity
        self.obs[idx], self.actions[idx], self.rewards[idx] = obs, actions, rewards
        self.next_obs[idx], self.dones[idx] = next_obs, dones
        self.full = self.full or self.pos + len(obs) >= self.capacity
        self.pos = int(idx[-1]) + 1

    def sample(self, n):
        idx = torch.randint(0, self.capacity if self.full else self.pos, (n,))
        return self.obs[idx], self.actions[idx], self.rewards[idx], self.next_obs[idx], self.dones[idx]
