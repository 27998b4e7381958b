import torch

from nnclr import NNCLR


def two_views(x, noise=0.1):
    return x + noise * torch.randn_like(x), x + noise * torch.randn_like(x)


def main(steps=3, batch=8):
    torch.manual_seed(0)
    model = NNCLR()
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-4)
    model.train()
    for step in range(steps):
        out = model(*two_views(torch.randn(batch, 8)))  # L
        opt.zero_grad()
        out.loss.backward()
        opt.step()
        print(step, out.loss.item(), out.nn_agreement)


if __name__ == "__main__":
    main()
