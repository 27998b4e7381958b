import math

import torch


class Callback:
    def on_after_backward(self, trainer):
        pass

    def on_step_end(self, trainer, loss):
        pass


class GradClip(Callback):
    def __init__(self, max_norm):
        self.max_norm = max_norm

    def on_after_backward(self, trainer):
        torch.nn.utils.clip_grad_norm_(trainer.model.parameters(), self.max_norm)


class Perplexity(Callback):
    def __init__(self):
        self.values = []

    def on_step_end(self, trainer, loss):
        self.values.append(math.exp(loss))
