"""Gradient accumulation: the scaled micro-batch losses of a window are summed and back-propagated
once, then the gradients are unscaled, clipped and applied."""
from collections import defaultdict

import torch


class AccumulatingTrainer:
    EVENTS = ("micro_step", "step")

    def __init__(self, model, optimizer, loss_fn, scaler, accum_steps=4, max_norm=1.0):
        self.model, self.optimizer, self.loss_fn, self.scaler = model, optimizer, loss_fn, scaler
        self.accum_steps = accum_steps
        self.max_norm = max_norm
        self.listeners = defaultdict(list)
        self.skipped = 0

    def on(self, event, fn):
        if event not in self.EVENTS:
            raise KeyError(event)
        self.listeners[event].append(fn)

    def emit(self, event, **payload):
        for fn in self.listeners[event]:
            fn(self, **payload)

    def params(self):
        return [p for g in self.optimizer.param_groups for p in g["params"]]

    def window(self, batches):
        scaled = []
        for x, y in batches:
            with torch.autocast("cpu", dtype=torch.bfloat16):
                out = self.model(x)
            loss = self.loss_fn(out.float(), y) / self.accum_steps
            scaled.append(self.scaler.scale(loss))
            self.emit("micro_step")  # L
        self.optimizer.zero_grad(set_to_none=True)
        torch.stack(scaled).sum().backward()
        found_inf = self.scaler.unscale_(self.params())
        if found_inf:
            self.skipped += 1
        else:
            torch.nn.utils.clip_grad_norm_(self.params(), self.max_norm)
            self.optimizer.step()
        self.emit("step", found_inf=found_inf)

    def fit(self, loader, epochs=1):
        for _ in range(epochs):
            buf = []
            for batch in loader:
                buf.append(batch)
                if len(buf) == self.accum_steps:
                    self.window(buf)  # L
                    buf = []
