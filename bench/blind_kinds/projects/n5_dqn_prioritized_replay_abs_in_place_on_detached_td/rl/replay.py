import torch


class PrioritizedReplay:
    """Proportional prioritized experience replay over a fixed-size ring of transitions."""

    fields = ("obs", "action", "reward", "next_obs", "done")

    def __init__(self, capacity, obs_dim, alpha=0.6, beta=0.4, eps=1e-3):
        self.capacity, self.alpha, self.beta, self.eps = capacity, alpha, beta, eps
        self.storage = {
            "obs": torch.zeros(capacity, obs_dim),
            "action": torch.zeros(capacity, dtype=torch.long),
            "reward": torch.zeros(capacity),
            "next_obs": torch.zeros(capacity, obs_dim),
            "done": torch.zeros(capacity),
        }
        self.priorities = torch.zeros(capacity)
        self.size = self.pos = 0

    def add(self, **transition):
        for name in self.fields:
            self.storage[name][self.pos] = transition[name]
        self.priorities[self.pos] = self.priorities[: self.size].max() if self.size else 1.0
        self.pos = (self.pos + 1) % self.capacity
        self.size = min(self.size + 1, self.capacity)

    def sample(self, batch_size):
        p = self.priorities[: self.size] ** self.alpha
        p = p / p.sum()
        idx = torch.multinomial(p, batch_size, replacement=True)
        weights = (self.size * p[idx]) ** -self.beta
        batch = {name: t[idx] for name, t in self.storage.items()}
        return batch, idx, weights / weights.max()

    def update_priorities(self, idx, td_errors):
        prios = td_errors.abs_().add_(self.eps)  # L
        self.priorities[idx] = prios
