"""Generator pretraining on the multi-resolution STFT loss alone (Parallel WaveGAN's first stage),
with bf16 autocast for the generator and a GradScaler that is a no-op unless fp16 is used."""
import torch

from .losses import MultiResolutionSTFTLoss


class Trainer:
    def __init__(self, generator, cfg):
        self.generator = generator
        self.cfg = cfg
        self.criterion = MultiResolutionSTFTLoss(cfg.stft.resolutions, magnitude=cfg.stft.magnitude)
        self.optimizer = torch.optim.RAdam(generator.parameters(), lr=cfg.lr)
        self.scaler = torch.amp.GradScaler("cpu", enabled=cfg.amp_dtype == "float16")

    def train_step(self, mel, audio):
        with torch.autocast("cpu", dtype=getattr(torch, self.cfg.amp_dtype), enabled=self.cfg.amp):
            y_hat = self.generator(mel)
        sc_loss, mag_loss = self.criterion(y_hat.float(), audio)  # L
        loss = sc_loss + mag_loss
        self.optimizer.zero_grad()
        self.scaler.scale(loss).backward()
        self.scaler.unscale_(self.optimizer)
        torch.nn.utils.clip_grad_norm_(self.generator.parameters(), self.cfg.grad_norm)
        self.scaler.step(self.optimizer)
        self.scaler.update()
        return {"sc": sc_loss.item(), "mag": mag_loss.item()}
