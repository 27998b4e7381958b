import torch

from train.loop import Trainer
from train.losses import build_regulariser
from vitlite import AttentionRecorder, TinyViT

CONFIG = {
    "model": {"dim": 16, "depth": 2, "heads": 2, "n_classes": 3},
    "regulariser": "entropy",
    "weight": 0.01,
    "lr": 1e-3,
}


def make_batches(n=2, batch=4):
    g = torch.Generator().manual_seed(0)
    return [(torch.randn(batch, 1, 8, 8, generator=g), torch.randint(0, 3, (batch,), generator=g))
            for _ in range(n)]


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = TinyViT(**cfg["model"])
    recorder = AttentionRecorder(model)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"])
    trainer = Trainer(model, opt, recorder, build_regulariser(cfg["regulariser"]), cfg["weight"])
    for loss, reg in trainer.fit(make_batches()):  # L
        print(round(loss, 4), round(reg, 4))


if __name__ == "__main__":
    main()
