"""SwAV on a toy MLP (src layout): prototypes renormalised by a callback at the start of each step."""
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))

from swav import PrototypeNorm, SwAVNet, Trainer  # noqa: E402


def main():
    torch.manual_seed(0)
    model = SwAVNet()
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    trainer = Trainer(model, opt, callbacks=[PrototypeNorm()])
    for _ in range(3):
        trainer.step(torch.randn(6, 6))


if __name__ == "__main__":
    main()
