import io

import torch
import torch.nn.functional as F


class AccumulatingTrainer:
    """Gradient accumulation over micro-batches, with an adapter-only checkpoint kept in memory."""

    def __init__(self, model, optimizer, accum_steps, save_fn):
        self.model, self.optimizer, self.accum_steps = model, optimizer, accum_steps
        self.save_fn = save_fn
        self.checkpoints = []

    def micro_step(self, x, y):
        loss = F.cross_entropy(self.model(x), y) / self.accum_steps  # L
        loss.backward()
        return loss.item()

    def fit(self, micro_batches):
        self.model.train()
        self.optimizer.zero_grad(set_to_none=True)
        total = 0.0
        for i, (x, y) in enumerate(micro_batches, 1):
            total += self.micro_step(x, y)
            if i % self.accum_steps == 0:
                torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
                self.optimizer.step()
                self.optimizer.zero_grad(set_to_none=True)
                buf = io.BytesIO()
                torch.save(self.save_fn(self.model), buf)
                self.checkpoints.append(buf.getvalue())
        return total
