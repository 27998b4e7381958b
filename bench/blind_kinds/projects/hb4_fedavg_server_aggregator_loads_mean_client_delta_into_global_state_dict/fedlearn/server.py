import random

import torch.nn.functional as F

from .client import local_update


class Server:
    def __init__(self, model, aggregator, clients, per_round=2, local_epochs=1, lr=0.1):
        self.model, self.aggregate, self.clients = model, aggregator, clients
        self.per_round, self.local_epochs, self.lr = per_round, local_epochs, lr

    def round(self, rnd):
        chosen = random.Random(rnd).sample(range(len(self.clients)), self.per_round)
        updates = [local_update(self.model, self.clients[c], self.local_epochs, self.lr) for c in chosen]
        self.aggregate(self.model, updates)  # L

    def evaluate(self, data):
        x, y = data
        return F.cross_entropy(self.model(x), y).item()
