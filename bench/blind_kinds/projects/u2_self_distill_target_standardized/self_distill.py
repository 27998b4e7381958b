import torch
import torch.nn.functional as F

from losses import StandardizedFeatureLoss
from nets import DeepSupervisedNet

CONFIG = {"depth": 3, "aux_weight": 0.3, "lr": 0.05}


def main():
    torch.manual_seed(0)
    net = DeepSupervisedNet(depth=CONFIG["depth"])
    feat_loss = StandardizedFeatureLoss()
    opt = torch.optim.SGD(net.parameters(), lr=CONFIG["lr"])
    x, y = torch.randn(8, 6), torch.randint(0, 4, (8,))
    logits, feats = net(x)
    # "be your own teacher": the deepest block's features teach the shallower blocks
    teacher = feats[f"block{CONFIG['depth'] - 1}"].detach()
    aux = sum(feat_loss(net.proj[name](feats[name]), teacher) for name in net.proj)  # L
    loss = F.cross_entropy(logits, y) + CONFIG["aux_weight"] * aux
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(loss.item())


if __name__ == "__main__":
    main()
