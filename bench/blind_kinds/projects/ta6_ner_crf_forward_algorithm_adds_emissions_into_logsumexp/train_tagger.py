import torch

from tagger import BiGRUTagger, TaggerConfig

HPARAMS = {"model": {"vocab": 20, "n_tags": 5, "hidden": 6}, "lr": 1e-2, "clip": 5.0, "steps": 3}


def toy_corpus(n=4, length=7):
    g = torch.Generator().manual_seed(1)
    tokens = torch.randint(1, 20, (n, length), generator=g)
    for i, cut in enumerate([7, 5, 6, 3]):
        tokens[i, cut:] = 0
    tags = torch.randint(0, 5, (n, length), generator=g)
    return tokens, tags


def main():
    torch.manual_seed(0)
    model = BiGRUTagger(TaggerConfig(**HPARAMS["model"]))
    opt = torch.optim.SGD(model.parameters(), lr=HPARAMS["lr"], momentum=0.9)
    tokens, tags = toy_corpus()
    for step in range(HPARAMS["steps"]):
        loss = model.loss(tokens, tags)  # L
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), HPARAMS["clip"])
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
