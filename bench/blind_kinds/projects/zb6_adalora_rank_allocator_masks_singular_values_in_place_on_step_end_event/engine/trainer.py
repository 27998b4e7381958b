import torch.nn.functional as F


class Trainer:
    EVENTS = ("loss", "step_end")

    def __init__(self, model, optimizer):
        self.model, self.optimizer = model, optimizer
        self.handlers = {event: [] for event in self.EVENTS}
        self.step = 0

    def add_callback(self, event, fn):
        self.handlers[event].append(fn)

    def fire(self, event):
        for fn in self.handlers[event]:
            fn(self)

    def train_step(self, ids):
        logits = self.model(ids[:, :-1])
        loss = F.cross_entropy(logits.flatten(0, 1), ids[:, 1:].flatten())
        self.fire("loss")
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        self.step += 1
        self.fire("step_end")  # L
        return loss.item()
