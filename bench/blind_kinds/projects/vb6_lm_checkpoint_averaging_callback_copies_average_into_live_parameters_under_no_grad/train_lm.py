"""Train a tiny GRU language model with periodic in-memory checkpoints; every few steps the
last checkpoints are averaged (fairseq-style checkpoint averaging) and loaded back into the
live model, which keeps training from the average."""
from dataclasses import dataclass

import torch
import torch.nn as nn

from trainer import CheckpointAverager, CheckpointSaver, Trainer


@dataclass
class Config:
    vocab: int = 20
    width: int = 16
    steps: int = 4
    keep_last: int = 2
    average_every: int = 2
    lr: float = 1e-2


class TinyLM(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.embed = nn.Embedding(cfg.vocab, cfg.width)
        self.rnn = nn.GRU(cfg.width, cfg.width, batch_first=True)
        self.head = nn.Linear(cfg.width, cfg.vocab)

    def forward(self, tokens):
        out, _ = self.rnn(self.embed(tokens))
        return self.head(out)


def main():
    cfg = Config()
    torch.manual_seed(0)
    model = TinyLM(cfg)
    saver = CheckpointSaver(keep_last=cfg.keep_last)
    trainer = Trainer(model, torch.optim.SGD(model.parameters(), lr=cfg.lr),
                      callbacks=[saver, CheckpointAverager(saver, every=cfg.average_every)])
    batches = [torch.randint(0, cfg.vocab, (4, 9)) for _ in range(cfg.steps)]
    trainer.fit(batches)  # L


if __name__ == "__main__":
    main()
