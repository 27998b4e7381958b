"""RepVGG-style training: multi-branch blocks while training, and after each epoch a callback
checks that the branches fuse into a single 3x3 convolution that computes the same function."""
import torch
import torch.nn.functional as F

from repvgg import DeployCheck, RepVGGNet

CONFIG = {"widths": [4, 4], "epochs": 2, "steps": 2, "lr": 0.05}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = RepVGGNet(3, cfg["widths"], classes=5)
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"])
    callbacks = [DeployCheck(torch.randn(2, 3, 8, 8))]
    for epoch in range(cfg["epochs"]):
        for _ in range(cfg["steps"]):
            x, y = torch.randn(4, 3, 8, 8), torch.randint(0, 5, (4,))
            loss = F.cross_entropy(model(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
        for cb in callbacks:
            cb.on_epoch_end(model, epoch)
    print(float(loss))


if __name__ == "__main__":
    main()
