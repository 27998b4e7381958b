"""Small-batch training (batch 2) where BN is unreliable: FRN + TLU instead."""
import torch
import torch.nn.functional as F

from frnnet import FRNConvNet

cfg = dict(
    widths=(8, 12, 16),
    classes=6,
    norm_cfg=dict(type="FRN", eps=1e-6, inplace=True),  # L
    lr=0.01,
    steps=2,
)


def train():
    torch.manual_seed(0)
    model = FRNConvNet(cfg["widths"], cfg["classes"], cfg["norm_cfg"])
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9)
    for step in range(cfg["steps"]):
        x, y = torch.randn(2, 3, 8, 8), torch.randint(0, cfg["classes"], (2,))
        loss = F.cross_entropy(model(x), y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    train()
