import torch
import torch.nn as nn

import training.trainer as tr
from constraints import OrthoConstraint


def build(width=6):
    return nn.Sequential(nn.Linear(4, width), nn.Tanh(), nn.Linear(width, width), nn.Tanh(),
                         nn.Linear(width, 1))


def main():
    torch.manual_seed(0)
    model = build()
    batches = [(torch.randn(5, 4), torch.randn(5, 1)) for _ in range(3)]
    trainer = tr.Trainer(model, lr=0.05, callbacks=[OrthoConstraint(every=1)])
    print(trainer.fit(batches))  # L


if __name__ == "__main__":
    main()
