import torch

from .model import swapped_prediction


class Trainer:
    def __init__(self, model, opt, callbacks=()):
        self.model, self.opt = model, opt
        self.callbacks = list(callbacks)

    def fire(self, event):
        for cb in self.callbacks:
            getattr(cb, "on_" + event)(self)  # L

    def step(self, x):
        self.fire("step_begin")
        v1, v2 = x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x)
        loss = swapped_prediction(self.model(v1), self.model(v2))
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        self.fire("step_end")
        return loss.item()
