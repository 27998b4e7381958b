import torch

from .losses import PerceptualLoss
from .models import FeatureNet, TransformerNet


class Trainer:
    def __init__(self, cfg, style_image):
        self.model = TransformerNet(cfg.channels)
        self.criterion = PerceptualLoss(FeatureNet(), style_image, cfg.weights)
        self.opt = torch.optim.Adam(self.model.parameters(), lr=cfg.lr)

    def train_step(self, x):
        y = self.model(x)
        terms = self.criterion(y, x)  # L
        loss = sum(terms.values())
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return {k: v.item() for k, v in terms.items()}
