from collections import deque

from .state import average, load_into, snapshot


class CheckpointSaver:
    def __init__(self, keep_last):
        self.history = deque(maxlen=keep_last)

    def on_step_end(self, trainer):
        self.history.append(snapshot(trainer.model))


class CheckpointAverager:
    def __init__(self, saver, every):
        self.saver, self.every = saver, every

    def on_step_end(self, trainer):
        if trainer.step % self.every or len(self.saver.history) < 2:
            return
        load_into(trainer.model, average(list(self.saver.history)))  # L
