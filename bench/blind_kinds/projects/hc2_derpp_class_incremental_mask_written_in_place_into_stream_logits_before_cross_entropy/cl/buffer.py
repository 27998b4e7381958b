import torch


class ReservoirBuffer:
    """Reservoir sampling over the stream: inputs, labels and the logits seen when they were stored."""

    def __init__(self, size, x_dim, n_classes):
        self.size, self.seen = size, 0
        self.x = torch.zeros(size, x_dim)
        self.y = torch.zeros(size, dtype=torch.long)
        self.logits = torch.zeros(size, n_classes)

    def __len__(self):
        return min(self.seen, self.size)

    @torch.no_grad()
    def add(self, x, y, logits):
        for i in range(x.shape[0]):
            slot = self.seen if self.seen < self.size else int(torch.randint(0, self.seen + 1, ()))
            if slot < self.size:
                self.x[slot], self.y[slot], self.logits[slot] = x[i], y[i], logits[i]
            self.seen += 1

    def sample(self, n):
        idx = torch.randint(0, len(self), (n,))
        return self.x[idx], self.y[idx], self.logits[idx]
