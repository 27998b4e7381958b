import torch
import torch.nn.functional as F


class Trainer:
    def __init__(self, model, lr=1e-2, callbacks=()):
        self.model = model
        self.opt = torch.optim.SGD(model.parameters(), lr=lr)
        self.callbacks = list(callbacks)
        self.global_step = 0

    def _emit(self, event):
        for cb in self.callbacks:
            hook = getattr(cb, event, None)
            if hook is not None:
                hook(self)  # L

    def fit(self, batches):
        for x, y in batches:
            loss = F.mse_loss(self.model(x), y)
            self.opt.zero_grad()
            loss.backward()
            self.opt.step()
            self.global_step += 1
            self._emit("on_step_end")  # L
        return loss.item()
