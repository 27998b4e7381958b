import math

import torch
import torch.nn.functional as F

import tinylm.model as M

MODEL = dict(vocab=20, dim=8, depth=2, norm=dict(eps=1e-5, inplace=True))
TRAIN = dict(steps=3, lr=3e-3, warmup=1, clip=1.0)


def lr_lambda(step, warmup, total):
    if step < warmup:
        return (step + 1) / warmup
    return 0.5 * (1 + math.cos(math.pi * (step - warmup) / max(1, total - warmup)))


def main():
    torch.manual_seed(0)
    model = M.TinyLM(**MODEL)
    opt = torch.optim.AdamW(model.parameters(), lr=TRAIN["lr"], weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: lr_lambda(s, TRAIN["warmup"], TRAIN["steps"]))
    for step in range(TRAIN["steps"]):
        tokens = torch.randint(0, MODEL["vocab"], (3, 7))
        logits = model(tokens[:, :-1])  # L
        loss = F.cross_entropy(logits.reshape(-1, MODEL["vocab"]), tokens[:, 1:].reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), TRAIN["clip"])
        opt.step()
        sched.step()
    print("loss", loss.item())


if __name__ == "__main__":
    main()
