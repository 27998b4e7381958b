import torch


class FeatureBuffer:
    """Keeps recent encoder features for a k-NN novelty bonus, standardised in place."""

    def __init__(self, capacity=64, copy=True):
        self.capacity = capacity
        self.copy = copy
        self.items = []

    def add(self, feats):
        feats = feats.detach()
        if self.copy:
            feats = feats.clone()
        self.items.append(feats)
        if len(self.items) > self.capacity:
            self.items.pop(0)

    @torch.no_grad()
    def standardize_(self, eps=1e-5):
        allf = torch.cat(self.items)
        mean, std = allf.mean(0), allf.std(0) + eps
        for f in self.items:
            f.sub_(mean).div_(std)  # L

    def novelty(self, feats):
        bank = torch.cat(self.items)
        return torch.cdist(feats.detach(), bank).min(dim=1).values
