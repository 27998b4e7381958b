import torch

import textclf
from textclf.callbacks import build as build_callbacks

RUN = {
    "model": {"vocab": 30, "dim": 8, "n_classes": 3},
    "optim": {"lr": 1e-2, "weight_decay": 1e-2},
    "callbacks": ["loss_history", "keep_pad_zero"],
}


def batches(n, vocab, seed=0):
    g = torch.Generator().manual_seed(seed)
    for _ in range(n):
        tokens = torch.randint(1, vocab, (4, 6), generator=g)
        tokens[:, -2:] = 0
        yield tokens, torch.randint(0, 3, (4,), generator=g)


def main():
    torch.manual_seed(0)
    model = textclf.BagClassifier(**RUN["model"])
    opt = torch.optim.AdamW(model.parameters(), **RUN["optim"])
    trainer = textclf.Trainer(model, opt, build_callbacks(RUN["callbacks"]))
    print("loss", trainer.fit(batches(3, RUN["model"]["vocab"])))


if __name__ == "__main__":
    main()
