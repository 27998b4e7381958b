import torch
import torch.nn as nn


class Config:
    use_amp = False          # bf16 autocast off on this machine
    label_smoothing = 1e-3


class MultiLabelHead(nn.Module):
    def __init__(self, d_in=6, n_labels=4):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(d_in, 16), nn.GELU(), nn.Linear(16, n_labels))

    def forward(self, x):
        return torch.sigmoid(self.body(x))


def bce_from_probs(probs, target, eps):
    # losses are always computed in fp32, whatever precision the model ran in
    p = probs.float()
    p.clamp_(eps, 1.0 - eps)  # L
    return -(target * p.log() + (1 - target) * (1 - p).log()).mean()


def train(cfg, steps=2):
    torch.manual_seed(0)
    model = MultiLabelHead()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    scaler = torch.amp.GradScaler("cpu", enabled=cfg.use_amp)
    x, y = torch.randn(8, 6), torch.randint(0, 2, (8, 4)).float()
    for _ in range(steps):
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=cfg.use_amp):
            probs = model(x)
        loss = bce_from_probs(probs, y, cfg.label_smoothing)
        opt.zero_grad()
        scaler.scale(loss).backward()
        scaler.step(opt)
        scaler.update()


def run():
    train(Config())
