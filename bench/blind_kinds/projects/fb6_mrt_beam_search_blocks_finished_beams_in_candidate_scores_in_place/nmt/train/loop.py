import torch
import torch.nn.functional as F

from ..config import BOS
from .risk import expected_risk


def train(model, cfg, data_fn):
    opt = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    for step in range(cfg.steps):
        src, ref = data_fn(cfg)
        nll = F.nll_loss(model.teacher_forced(src, ref, BOS).flatten(0, 1), ref.flatten())
        risk = expected_risk(model, src, ref, cfg)  # L
        loss = risk + cfg.nll_weight * nll
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, risk.item(), nll.item())
