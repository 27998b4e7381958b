class Trainer:
    def __init__(self, model, optimizer, loss_fn, scheduler=None, callbacks=()):
        self.model = model
        self.optimizer = optimizer
        self.loss_fn = loss_fn
        self.scheduler = scheduler
        self.callbacks = list(callbacks)
        self.global_step = 0
        self.history = []

    def _emit(self, event):
        for cb in self.callbacks:
            hook = getattr(cb, event, None)
            if hook is not None:
                hook(self)

    def train_step(self, x, y):
        self.model.train()
        loss = self.loss_fn(self.model(x), y)  # L
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        self.global_step += 1
        self._emit("on_step_end")
        return loss.item()

    def fit(self, loader, epochs=1):
        for _ in range(epochs):
            for x, y in loader:
                self.history.append(self.train_step(x, y))  # L
            if self.scheduler is not None:
                self.scheduler.step()
        return self.history
