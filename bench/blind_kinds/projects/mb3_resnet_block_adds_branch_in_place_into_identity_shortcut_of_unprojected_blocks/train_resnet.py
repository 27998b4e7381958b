"""Train a small ResNet on random images with the block layout of its config."""
import torch
import torch.nn.functional as F

from resnet import ResNetConfig, build_resnet

CONFIG = ResNetConfig(block="basic", stem=8, widths=[16, 32], depths=[2, 1])  # L


def fit(cfg, steps=2):
    torch.manual_seed(0)
    model = build_resnet(cfg)
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=steps)
    for step in range(steps):
        x, y = torch.randn(4, 3, 8, 8), torch.randint(0, cfg.classes, (4,))
        loss = F.cross_entropy(model(x), y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    fit(CONFIG)
