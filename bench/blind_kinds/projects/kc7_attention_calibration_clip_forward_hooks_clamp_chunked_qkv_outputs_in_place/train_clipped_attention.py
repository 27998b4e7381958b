"""A one-block attention classifier trained with activation clipping (a step of quantisation
calibration): forward hooks clamp the outputs of the module kinds the config names."""
import torch
import torch.nn.functional as F

from attn import TinyAttentionClassifier
from quant import install_clip_hooks

CONFIG = {"dim": 8, "clip": 3.0, "clip_kinds": ["QKV", "Linear"], "lr": 0.05, "steps": 3}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = TinyAttentionClassifier(cfg["dim"], classes=4)
    install_clip_hooks(model, cfg["clip_kinds"], cfg["clip"])
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"])
    for _ in range(cfg["steps"]):
        x, y = torch.randn(3, 5, cfg["dim"]), torch.randint(0, 4, (3,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(float(loss))


if __name__ == "__main__":
    main()
