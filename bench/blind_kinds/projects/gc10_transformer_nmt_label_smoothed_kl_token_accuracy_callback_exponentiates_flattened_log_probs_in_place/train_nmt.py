import torch

from nmt import CALLBACKS, LabelSmoothedKL, Seq2SeqTransformer
from nmt.callbacks import make

CONFIG = {"vocab": 15, "callbacks": ["token_accuracy"], "label_smoothing": 0.1}


def main(cfg=CONFIG, steps=2):
    torch.manual_seed(0)
    model = Seq2SeqTransformer(cfg["vocab"])
    criterion = LabelSmoothedKL(cfg["vocab"], cfg["label_smoothing"])
    hooks = make(cfg["callbacks"])
    assert set(cfg["callbacks"]) <= set(CALLBACKS)
    opt = torch.optim.Adam(model.parameters(), lr=5e-4, betas=(0.9, 0.98))
    for step in range(steps):
        src, tgt = torch.randint(1, 15, (3, 7)), torch.randint(1, 15, (3, 6))
        tgt[0, -2:] = 0
        loss, logp = criterion(model(src, tgt[:, :-1]), tgt[:, 1:])
        for hook in hooks:
            hook(logp, tgt[:, 1:])  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
