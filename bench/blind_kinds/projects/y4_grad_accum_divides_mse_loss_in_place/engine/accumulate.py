from typing import Iterator, Tuple

import torch


def micro_batches(x: torch.Tensor, y: torch.Tensor, n: int) -> Iterator[Tuple[torch.Tensor, torch.Tensor]]:
    yield from zip(x.chunk(n), y.chunk(n))


class Accumulator:
    """Gradient accumulation: n micro-batches, each loss divided by n, one optimizer step."""

    def __init__(self, model, criterion, optimizer, n_micro: int = 2):
        self.model, self.criterion, self.optimizer = model, criterion, optimizer
        self.n_micro = n_micro

    def __call__(self, x, y) -> float:
        total = 0.0
        self.optimizer.zero_grad(set_to_none=True)
        for xb, yb in micro_batches(x, y, self.n_micro):
            loss = self.criterion(self.model(xb), yb)
            loss /= self.n_micro  # L
            loss.backward()
            total += loss.item()
        self.optimizer.step()
        return total
