import torch
import torch.nn.functional as F

from .ema import ModelEMA


def fit(model, data, epochs=1, lr=0.05):
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    ema = ModelEMA(model)
    for _ in range(epochs):
        for x, y in data:
            loss = F.cross_entropy(model(x), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            ema.update(model)  # L
    return ema
