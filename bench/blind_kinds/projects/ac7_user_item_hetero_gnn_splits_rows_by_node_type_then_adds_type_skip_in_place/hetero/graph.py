from dataclasses import dataclass

import torch

NODE_TYPES = ("user", "item")


@dataclass
class BipartiteGraph:
    n_users: int
    n_items: int
    users: torch.Tensor
    items: torch.Tensor

    @property
    def sizes(self):
        return [self.n_users, self.n_items]

    @property
    def num_nodes(self):
        return self.n_users + self.n_items

    def edge_index(self):
        """Both directions, items numbered after the users (one homogeneous id space)."""
        u, i = self.users, self.items + self.n_users
        return torch.stack([torch.cat([u, i]), torch.cat([i, u])])

    def in_degree(self):
        dst = self.edge_index()[1]
        return torch.zeros(self.num_nodes).index_add_(0, dst, torch.ones(dst.numel())).clamp(min=1)
