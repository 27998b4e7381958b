import torch
import torch.nn.functional as F

from .regularizers import max_norm_


class LMTrainer:
    def __init__(self, model, lr=0.1, max_norm=None):
        self.model = model
        self.max_norm = max_norm
        self.opt = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)

    def step(self, ctx, target):
        logits = self.model(ctx)
        loss = F.cross_entropy(logits, target)
        if self.max_norm is not None:
            max_norm_(self.model.embed, self.max_norm)  # L
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.item()
