import torch
import torch.nn.functional as F

import augment.cutmix as cm
from models import SmallCNN

CONFIG = {"cutmix_prob": 1.0, "alpha": 1.0, "lr": 0.05, "steps": 2, "where": "inputs"}


def train_step(model, opt, x, y, gen):
    lam = float(torch.distributions.Beta(CONFIG["alpha"], CONFIG["alpha"]).sample())
    perm = torch.randperm(x.size(0), generator=gen)
    box = cm.rand_box(x.size(2), x.size(3), lam, generator=gen)
    x = cm.cutmix_(x.clone(), perm, box)  # L
    logits = model(x)
    ya, yb, lam = cm.mixed_targets(y, perm, box, x.size(2), x.size(3))
    loss = lam * F.cross_entropy(logits, ya) + (1 - lam) * F.cross_entropy(logits, yb)
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()


def main():
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(1)
    model = SmallCNN()
    opt = torch.optim.SGD(model.parameters(), lr=CONFIG["lr"], momentum=0.9)
    x, y = torch.randn(4, 3, 6, 6), torch.randint(0, 4, (4,))
    for _ in range(CONFIG["steps"]):
        print(train_step(model, opt, x, y, gen))


if __name__ == "__main__":
    main()
