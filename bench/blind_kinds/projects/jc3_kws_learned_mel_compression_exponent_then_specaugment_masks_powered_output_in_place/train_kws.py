import torch
import torch.nn.functional as F

from kws import KeywordNet, MelFrontend, SpecAugment

CFG = dict(learn_root=True, lr=1e-3, steps=3)


def main(cfg=CFG):
    torch.manual_seed(0)
    frontend = MelFrontend(learn_root=cfg["learn_root"])
    model = KeywordNet(frontend, SpecAugment(generator=torch.Generator().manual_seed(1)))
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    model.train()
    for step in range(cfg["steps"]):
        wav, y = torch.randn(4, 128), torch.randint(0, 3, (4,))
        loss = F.cross_entropy(model(wav), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
