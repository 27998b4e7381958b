"""Max-norm regularisation (Srivastava et al.) applied by a 'before_backward' callback of a small trainer
that can run under autocast; here the run is under bfloat16 autocast."""
import torch
import torch.nn as nn
import torch.nn.functional as F

USE_AMP = True


@torch.no_grad()
def apply_max_norm(model, max_norm=0.5):
    for module in model.modules():
        if isinstance(module, nn.Linear):
            norms = module.weight.norm(dim=1, keepdim=True)
            module.weight.mul_(torch.clamp(max_norm / norms, max=1.0))  # L


class Trainer:
    def __init__(self, model, lr=1e-2):
        self.model = model
        self.opt = torch.optim.SGD(model.parameters(), lr=lr)
        self.callbacks = {"before_backward": [apply_max_norm]}

    def step(self, x, y):
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=USE_AMP):
            loss = F.cross_entropy(self.model(x).float(), y)
        for fn in self.callbacks["before_backward"]:
            fn(self.model)  # L
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.item()


def run():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 3))
    trainer = Trainer(model)
    for _ in range(2):
        trainer.step(torch.randn(5, 6), torch.randint(0, 3, (5,)))
