import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


class EMA:
    def __init__(self, model, decay=0.99):
        self.model = copy.deepcopy(model)
        self.decay = decay

    @torch.no_grad()
    def update(self, model):
        for ema_p, p in zip(self.model.parameters(), model.parameters()):
            ema_p.lerp_(p, 1.0 - self.decay)  # L


class ConsistencyTrainer:
    def __init__(self, model, lr=0.05, cons_weight=0.5):
        self.model = model
        self.ema = EMA(model)
        self.opt = torch.optim.SGD(model.parameters(), lr=lr)
        self.cons_weight = cons_weight

    def training_step(self, x, y):
        student = self.model(x)
        with torch.no_grad():
            teacher = self.ema.model(x + 0.1 * torch.randn_like(x))
        loss = F.cross_entropy(student, y) + self.cons_weight * F.mse_loss(student.softmax(-1), teacher.softmax(-1))
        # the teacher follows the student once per step
        self.ema.update(self.model)  # L
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.item()


def run():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 3))
    trainer = ConsistencyTrainer(model)
    x, y = torch.randn(4, 6), torch.tensor([0, 1, 2, 1])
    for _ in range(2):
        trainer.training_step(x, y)
