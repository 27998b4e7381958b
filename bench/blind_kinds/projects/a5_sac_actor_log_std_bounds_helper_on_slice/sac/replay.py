import torch


class ReplayBuffer:
    def __init__(self, obs_dim, act_dim, size):
        self.obs = torch.zeros(size, obs_dim)
        self.act = torch.zeros(size, act_dim)
        self.rew = torch.zeros(size)
        self.next_obs = torch.zeros(size, obs_dim)
        self.done = torch.zeros(size)
        self.ptr, self.full, self.size = 0, False, size

    def add(self, **transition):
        for key, value in transition.items():
            getattr(self, key)[self.ptr] = value
        self.ptr = (self.ptr + 1) % self.size
        self.full = self.full or self.ptr == 0

    def sample(self, n, generator=None):
        idx = torch.randint(0, self.size if self.full else self.ptr, (n,), generator=generator)
        return {k: getattr(self, k)[idx] for k in ("obs", "act", "rew", "next_obs", "done")}
