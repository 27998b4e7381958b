import torch
import torch.nn.functional as F

from models.rnn import RegularizedGRU

SETTINGS = dict(vocab=7, hidden=6, regularizer="zoneout", p=0.3, lr=0.1, steps=2)


def main(settings=SETTINGS):
    torch.manual_seed(0)
    cfg = dict(settings)
    lr, steps = cfg.pop("lr"), cfg.pop("steps")
    model = RegularizedGRU(**cfg)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    seq = torch.randint(0, cfg["vocab"], (3, 6))
    for _ in range(steps):
        logits = model(seq[:, :-1])  # L
        loss = F.cross_entropy(logits.reshape(-1, cfg["vocab"]), seq[:, 1:].reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(loss.item())


if __name__ == "__main__":
    main()
