import torch

from .losses import LOSSES


class Trainer:
    def __init__(self, model, loss, lr=1e-3, callbacks=()):
        self.model = model
        self.loss_fn = LOSSES[loss]
        self.opt = torch.optim.Adam(model.parameters(), lr=lr)
        self.callbacks = list(callbacks)

    def fit(self, batches):
        for step, x in enumerate(batches):
            out = self.model(x)
            loss = self.loss_fn(out, x)
            for cb in self.callbacks:
                cb.after_forward(step, out)  # L
            self.opt.zero_grad()
            loss.backward()
            self.opt.step()
            print(step, loss.item())
