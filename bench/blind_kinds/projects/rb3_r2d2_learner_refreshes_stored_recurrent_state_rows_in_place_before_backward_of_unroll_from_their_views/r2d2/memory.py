"""Sequence replay that keeps, with each stored sequence, the recurrent state to start it from
(R2D2's "stored state"); the learner refreshes those states with its own after every update."""
import torch


class SequenceReplay:
    def __init__(self, capacity, seq_len, obs_dim, hidden, clone_on_read=False):
        self.obs = torch.randn(capacity, seq_len, obs_dim)
        self.actions = torch.randint(0, 3, (capacity, seq_len))
        self.rewards = torch.randn(capacity, seq_len)
        self.h = torch.zeros(capacity, hidden)
        self.c = torch.zeros(capacity, hidden)
        self.capacity = capacity
        self.clone_on_read = clone_on_read

    def sample(self, batch_size):
        start = int(torch.randint(0, self.capacity - batch_size + 1, ()))
        rows = slice(start, start + batch_size)
        seq = lambda t: t[rows].transpose(0, 1)
        return rows, (seq(self.obs), seq(self.actions), seq(self.rewards))

    def initial_state(self, rows):
        h, c = self.h[rows], self.c[rows]
        if self.clone_on_read:
            return h.clone(), c.clone()
        return h, c

    @torch.no_grad()
    def refresh_(self, rows, h, c):
        self.h[rows] = h  # L
        self.c[rows] = c  # L
