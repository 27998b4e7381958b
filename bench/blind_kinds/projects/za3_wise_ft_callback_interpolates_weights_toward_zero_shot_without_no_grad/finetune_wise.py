import copy

import torch
import torch.nn as nn

from engine.loop import Trainer
from wiseft import WiSECallback


def zero_shot_model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 3))


def main():
    base = zero_shot_model()
    model = copy.deepcopy(base)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    g = torch.Generator().manual_seed(1)
    batches = [(torch.randn(8, 6, generator=g), torch.randint(0, 3, (8,), generator=g)) for _ in range(2)]
    trainer = Trainer(model, opt, callbacks=[WiSECallback(base, alpha=0.7)])
    trainer.fit(batches, epochs=2)  # L


if __name__ == "__main__":
    main()
