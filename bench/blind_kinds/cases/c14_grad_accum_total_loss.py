import torch
import torch.nn as nn


def train(model, batches, opt):
    total = torch.zeros(())
    for x, y in batches:
        loss = nn.functional.mse_loss(model(x), y)
        total += loss  # L
    opt.zero_grad()
    total.backward()
    opt.step()
    return total.item()


def run():
    torch.manual_seed(0)
    model = nn.Linear(3, 1)
    opt = torch.optim.SGD(model.parameters(), 0.1)
    batches = [(torch.randn(4, 3), torch.randn(4, 1)) for _ in range(3)]
    train(model, batches, opt)
