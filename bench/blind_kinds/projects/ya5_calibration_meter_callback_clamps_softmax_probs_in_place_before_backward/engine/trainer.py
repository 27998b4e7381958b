import torch
import torch.nn.functional as F


class Trainer:
    def __init__(self, model, optimizer, callbacks=()):
        self.model, self.optimizer = model, optimizer
        self.callbacks = list(callbacks)
        self.step_count = 0

    def fire(self, event, state):
        for cb in self.callbacks:
            handler = getattr(cb, event, None)
            if handler is not None:
                handler(state)

    def train_step(self, x, y):
        probs = self.model(x)
        loss = F.nll_loss(torch.log(probs), y)
        state = {"probs": probs, "target": y, "loss": loss, "step": self.step_count}
        self.fire("on_forward_end", state)  # L
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        self.fire("on_step_end", state)
        self.step_count += 1
        return state
