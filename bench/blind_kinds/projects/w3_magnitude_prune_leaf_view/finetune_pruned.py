import torch
import torch.nn.functional as F

import src.models.mlp as mlp
from src.prune import magnitude_prune_, sparsity

SCHEDULE = [0.0, 0.25, 0.5]


def train(model, opt, x, y, steps=1):
    for _ in range(steps):
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return loss.item()


def main():
    torch.manual_seed(0)
    model = mlp.MLP()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    x, y = torch.randn(12, 6), torch.randint(0, 3, (12,))
    for amount in SCHEDULE:
        magnitude_prune_(model, amount, skip={"4"})  # L
        print(amount, sparsity(model), train(model, opt, x, y))


if __name__ == "__main__":
    main()
