from functools import partial

import torch

from .losses import LOSSES


class Trainer:
    def __init__(self, model, loss="ce", lr=1e-3, **loss_kw):
        self.model = model
        self.loss_fn = partial(LOSSES[loss], **loss_kw)
        self.opt = torch.optim.AdamW(model.parameters(), lr=lr)

    def step(self, tokens):
        logits = self.model(tokens[:, :-1])
        loss = self.loss_fn(logits.flatten(0, 1), tokens[:, 1:].flatten())  # L
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.item()
