import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))

from tinylm import TinyLM  # noqa: E402


def main():
    torch.manual_seed(0)
    model = TinyLM()
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.1)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 2))
    for _ in range(3):
        tokens = torch.randint(0, 13, (4, 6))
        logits = model(tokens[:, :-1])  # L
        loss = F.cross_entropy(logits.reshape(-1, 13), tokens[:, 1:].reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        print(loss.item())


if __name__ == "__main__":
    main()
