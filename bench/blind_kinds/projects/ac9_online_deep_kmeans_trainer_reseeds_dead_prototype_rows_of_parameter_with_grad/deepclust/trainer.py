import torch

from .kmeans import reseed_dead_


class ClusterTrainer:
    def __init__(self, encoder, head, lr=1e-2, reseed_every=1):
        self.encoder, self.head = encoder, head
        params = list(encoder.parameters()) + list(head.parameters())
        self.opt = torch.optim.SGD(params, lr=lr, momentum=0.9)
        self.reseed_every = reseed_every
        self.steps = 0

    def maybe_reseed(self, z, dist):
        if self.steps % self.reseed_every == 0:
            return reseed_dead_(self.head, z.detach(), dist.detach())  # L
        return 0

    def step(self, x):
        z = self.encoder(x)
        dist = self.head(z)
        self.maybe_reseed(z, dist)  # L
        dist = self.head(z)
        loss = dist.min(1).values.mean()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        self.steps += 1
        return loss.item()
