import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class TemperatureScaledClassifier(nn.Module):
    """Logits divided by a learnable temperature stored as log(T)."""

    def __init__(self, d=6, n_cls=4, init_temperature=1.0):
        super().__init__()
        self.fc = nn.Linear(d, n_cls)
        self.log_t = nn.Parameter(torch.zeros(()))
        self.temperature = init_temperature

    @property
    def temperature(self):
        return self.log_t.exp()

    @temperature.setter
    def temperature(self, value):
        self.log_t.fill_(math.log(value))  # L

    def forward(self, x):
        return self.fc(x) / self.temperature


def run():
    torch.manual_seed(0)
    model = TemperatureScaledClassifier(init_temperature=1.5)
    opt = torch.optim.LBFGS([model.log_t], lr=0.1, max_iter=3)
    x, y = torch.randn(10, 6), torch.randint(0, 4, (10,))

    def closure():
        opt.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        return loss

    opt.step(closure)
