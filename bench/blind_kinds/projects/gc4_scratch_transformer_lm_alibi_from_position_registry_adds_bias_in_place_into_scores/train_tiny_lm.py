import torch
import torch.nn.functional as F

from tfm import TinyLM

CONFIG = {"vocab": 19, "d": 16, "n_heads": 2, "n_layers": 2, "position": "alibi"}


def main(cfg=CONFIG, steps=2):
    torch.manual_seed(0)
    model = TinyLM(**cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=0.1)
    for step in range(steps):
        tokens = torch.randint(0, cfg["vocab"], (3, 9))
        logits = model(tokens[:, :-1])  # L
        loss = F.cross_entropy(logits.flatten(0, 1), tokens[:, 1:].flatten())
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
