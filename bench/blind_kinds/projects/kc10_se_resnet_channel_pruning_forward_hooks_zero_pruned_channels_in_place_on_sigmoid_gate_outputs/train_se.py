"""Channel pruning of a small SE-ResNet by output masks: forward hooks on the modules whose names
match the config's pattern zero the pruned channels of their outputs."""
import torch
import torch.nn.functional as F

from senet import ChannelMasker, SEResNet

CONFIG = {"channels": 8, "blocks": 2, "prune_pattern": "se.gate", "keep": 0.75, "lr": 0.05, "steps": 3}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = SEResNet(cfg["channels"], cfg["blocks"], classes=4)
    masker = ChannelMasker(cfg["keep"])
    masker.attach(model, cfg["prune_pattern"])
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"])
    for _ in range(cfg["steps"]):
        x, y = torch.randn(2, 3, 8, 8), torch.randint(0, 4, (2,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(float(loss))


if __name__ == "__main__":
    main()
