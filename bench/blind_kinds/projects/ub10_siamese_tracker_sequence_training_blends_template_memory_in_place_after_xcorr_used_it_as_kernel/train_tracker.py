import torch
import torch.nn.functional as F

from track import SiamTracker, TemplateMemory

CFG = {"seq_len": 4, "batch": 2, "rate": 0.2, "lr": 0.01, "iters": 2}


def label_map(size, batch, steps):
    y = torch.zeros(batch, steps, 1, size, size)
    y[..., size // 2, size // 2] = 1.0
    return y


def main(cfg=CFG):
    torch.manual_seed(0)
    model = SiamTracker()
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9)
    for it in range(cfg["iters"]):
        frames = torch.randn(cfg["seq_len"], cfg["batch"], 3, 8, 8)
        scores = model.forward_sequence(frames, TemplateMemory(cfg["rate"]))  # L
        target = label_map(scores.shape[-1], cfg["batch"], cfg["seq_len"] - 1)
        loss = F.binary_cross_entropy_with_logits(scores, target, pos_weight=torch.tensor(9.0))
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(it, loss.item())


if __name__ == "__main__":
    main()
