import torch

import contrastive


class Config(dict):
    """A dict whose keys also read as attributes (the run's settings come from YAML in practice)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def augment(x):
    return x + 0.1 * torch.randn_like(x)


def main(cfg=Config(loss="supcon", temperature=0.1, head="mlp", steps=2, batch=6)):
    assert 0.0 < cfg.temperature <= 1.0
    torch.manual_seed(0)
    model = contrastive.Encoder(head=cfg.head)
    criterion = contrastive.build_loss(cfg.loss, temperature=cfg.temperature)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    for _ in range(cfg.steps):
        x, y = torch.randn(cfg.batch, 8), torch.randint(0, 3, (cfg.batch,))
        feats = model(torch.cat([augment(x), augment(x)]))
        loss = criterion(feats, torch.cat([y, y]))  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(loss.item())


if __name__ == "__main__":
    main()
