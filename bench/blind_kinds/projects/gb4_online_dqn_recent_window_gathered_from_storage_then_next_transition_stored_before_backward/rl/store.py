import torch


def window_by_slice(table, start, stop):
    return table[start:stop]


def window_by_gather(table, start, stop):
    return table.index_select(0, torch.arange(start, stop))


WINDOW_INDEXING = {"slice": window_by_slice, "gather": window_by_gather}


class TransitionStore:
    """Observations in one preallocated table: row t is the observation at time t, and the action
    and reward taken there sit in row t of their own tables (no wrap-around: a short run)."""

    def __init__(self, capacity, obs_dim, window_indexing="slice"):
        self.obs = torch.zeros(capacity, obs_dim)
        self.actions = torch.zeros(capacity, dtype=torch.long)
        self.rewards = torch.zeros(capacity)
        self.t = 0
        self.window_fn = WINDOW_INDEXING[window_indexing]

    def reset(self, obs):
        self.obs[0] = obs
        self.t = 0

    def add(self, action, reward, next_obs):
        self.actions[self.t] = action  # L
        self.rewards[self.t] = reward
        self.obs[self.t + 1] = next_obs  # L
        self.t += 1

    def recent(self, n):
        """The last n transitions and the current observation (n + 1 observation rows)."""
        start = self.t - n
        return {
            "obs": self.window_fn(self.obs, start, self.t + 1),
            "actions": self.window_fn(self.actions, start, self.t),
            "rewards": self.window_fn(self.rewards, start, self.t),
        }
