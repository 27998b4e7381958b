import torch

from core.losses import StableBCE
from core.model import Tagger


def main():
    torch.manual_seed(0)
    model, crit = Tagger(5, 3), StableBCE()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    x, y = torch.randn(6, 5), torch.randint(0, 2, (6, 3)).float()
    loss = crit(model(x), y)  # L
    opt.zero_grad()
    loss.backward()
    opt.step()


if __name__ == "__main__":
    main()
