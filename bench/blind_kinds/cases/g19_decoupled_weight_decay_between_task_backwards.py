import torch
import torch.nn as nn
import torch.nn.functional as F


class MultiTaskNet(nn.Module):
    def __init__(self, d_in=6, hidden=16, n_classes=3):
        super().__init__()
        self.shared = nn.Sequential(nn.Linear(d_in, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU())
        self.cls = nn.Linear(hidden, n_classes)
        self.reg = nn.Linear(hidden, 1)

    def forward(self, x):
        h = self.shared(x)
        return self.cls(h), self.reg(h).squeeze(-1)


class Trainer:
    def __init__(self, model, lr=0.05, weight_decay=1e-2, task_weights=(1.0, 0.5)):
        self.model = model
        self.lr, self.wd = lr, weight_decay
        self.task_weights = task_weights
        self.decay, self.no_decay = [], []
        for name, p in model.named_parameters():
            (self.no_decay if name.endswith("bias") else self.decay).append(p)

    @torch.no_grad()
    def _apply_weight_decay(self):
        for p in self.decay:
            p.mul_(1.0 - self.lr * self.wd)  # L

    @torch.no_grad()
    def _sgd(self):
        for p in self.decay + self.no_decay:
            if p.grad is not None:
                p.sub_(self.lr * p.grad)
                p.grad = None

    def step(self, x, y_cls, y_reg):
        logits, pred = self.model(x)
        losses = [F.cross_entropy(logits, y_cls), F.mse_loss(pred, y_reg)]
        # per-task backward so each task's gradient can be logged separately
        losses[0].mul(self.task_weights[0]).backward(retain_graph=True)
        self._apply_weight_decay()  # L
        losses[1].mul(self.task_weights[1]).backward()
        self._sgd()
        return [l.item() for l in losses]


def run():
    torch.manual_seed(0)
    trainer = Trainer(MultiTaskNet())
    x, y_cls, y_reg = torch.randn(8, 6), torch.randint(0, 3, (8,)), torch.randn(8)
    for _ in range(2):
        trainer.step(x, y_cls, y_reg)
