import torch.nn.functional as F


class Trainer:
    def __init__(self, model, optimizer):
        self.model, self.optimizer = model, optimizer
        self.handlers = {"after_forward": [], "step_end": []}
        self.step = 0

    def add_handler(self, event, fn):
        self.handlers[event].append(fn)

    def fire(self, event):
        for fn in self.handlers[event]:
            fn(self)

    def train_step(self, x, y):
        loss = F.cross_entropy(self.model(x), y)
        self.fire("after_forward")  # L
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        self.step += 1
        self.fire("step_end")
        return loss.item()
