import copy

import torch
import torch.nn.functional as F


class Client:
    def __init__(self, x, y, local_steps=2, lr=0.05):
        self.x, self.y, self.local_steps, self.lr = x, y, local_steps, lr

    def update(self, global_model):
        """Local SGD from the global weights; returns the model delta (local - global) per parameter."""
        local = copy.deepcopy(global_model)
        opt = torch.optim.SGD(local.parameters(), lr=self.lr)
        for _ in range(self.local_steps):
            loss = F.cross_entropy(local(self.x), self.y)
            opt.zero_grad()
            loss.backward()
            opt.step()
        return [(pl.detach() - pg.detach()) for pl, pg in zip(local.parameters(), global_model.parameters())]
