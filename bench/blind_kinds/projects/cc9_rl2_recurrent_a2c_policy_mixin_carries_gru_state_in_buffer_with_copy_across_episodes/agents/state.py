import torch


class StatefulMixin:
    """Keeps the recurrent state in a (non-persistent) buffer, so it follows the module across
    .to(device) and one preallocated tensor serves the whole run (no reallocation per step)."""

    def init_state(self, n_envs, size):
        self.register_buffer("hidden", torch.zeros(n_envs, size), persistent=False)

    def carry_(self, new_state):
        self.hidden.copy_(new_state)  # L

    def truncate_(self):
        """Cut the graph between updates (truncated BPTT)."""
        self.hidden = self.hidden.detach()
