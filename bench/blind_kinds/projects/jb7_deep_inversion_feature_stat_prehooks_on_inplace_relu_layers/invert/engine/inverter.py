import torch
import torch.nn.functional as F

from ..utils.tensor import total_variation


class Inverter:
    """Optimises a batch of images so that the frozen classifier predicts the given classes and
    its feature statistics match the real data's."""

    def __init__(self, model, cfg):
        self.model, self.cfg = model, cfg
        self.history = []
        for p in model.parameters():
            p.requires_grad_(False)

    def loss(self, images, targets):
        reg = self.cfg["regularizer"]
        logits = self.model(images)  # L
        stat = sum(h.term for h in self.model.stat_hooks)
        prior = reg["weight"] * stat + reg["tv_weight"] * total_variation(images)
        return F.cross_entropy(logits, targets) + prior

    def run(self, targets):
        images = torch.randn(len(targets), 3, self.cfg["size"], self.cfg["size"], requires_grad=True)
        opt = torch.optim.Adam([images], lr=self.cfg["lr"])
        for _ in range(self.cfg["steps"]):
            loss = self.loss(images, targets)  # L
            opt.zero_grad()
            loss.backward()
            opt.step()
            with torch.no_grad():
                images.clamp_(-3.0, 3.0)
            self.history.append(loss.item())
        return images.detach()
