from dataclasses import dataclass

import torch
import torch.nn.functional as F


LOSSES = {"l1": F.l1_loss, "mse": F.mse_loss}


@dataclass
class TrainConfig:
    model: str = "edsr"
    loss: str = "l1"
    scale: int = 2
    lr: float = 1e-4
    steps: int = 3
    patch: int = 8


class SRTrainer:
    def __init__(self, model, cfg, meter):
        self.model = model
        self.cfg = cfg
        self.meter = meter
        self.criterion = LOSSES[cfg.loss]
        self.opt = torch.optim.Adam(model.parameters(), lr=cfg.lr, betas=(0.9, 0.999))

    def train_step(self, lr_img, hr_img):
        sr = self.model(lr_img)
        loss = self.criterion(sr, hr_img)
        self.meter.update(sr.detach(), hr_img)  # L
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.item()
