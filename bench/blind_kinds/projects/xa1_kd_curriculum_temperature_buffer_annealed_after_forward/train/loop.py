import torch


class DistillTrainer:
    EVENTS = ("after_forward", "after_step")

    def __init__(self, student, teacher, loss_fn, optimizer):
        self.student, self.teacher, self.loss_fn, self.optimizer = student, teacher, loss_fn, optimizer
        self.teacher.eval().requires_grad_(False)
        self.hooks = {event: [] for event in self.EVENTS}
        self.history = []

    def add_callback(self, event, fn):
        self.hooks[event].append(fn)

    def fire(self, event):
        for fn in self.hooks[event]:
            fn(self)

    def step(self, x, y):
        with torch.no_grad():
            t_logits = self.teacher(x)
        loss = self.loss_fn(self.student(x), t_logits, y)
        self.fire("after_forward")  # L
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        self.optimizer.step()
        self.fire("after_step")
        self.history.append(loss.item())
        return loss.item()

    def fit(self, batches):
        for x, y in batches:
            self.step(x, y)  # L
        return self.history
