import torch
import torch.nn.functional as F

from srlib import PSNRMeter, SRTrainer, TrainConfig, build_model


def random_pairs(cfg, n=2):
    hr = torch.rand(n, 3, cfg.patch * cfg.scale, cfg.patch * cfg.scale)
    lr = F.interpolate(hr, scale_factor=1 / cfg.scale, mode="bicubic", align_corners=False)
    return lr.clamp(0, 1), hr


def main(cfg=TrainConfig(model="edsr", loss="mse", lr=1e-4)):
    torch.manual_seed(0)
    model = build_model(cfg.model, scale=cfg.scale)
    trainer = SRTrainer(model, cfg, PSNRMeter())
    for step in range(cfg.steps):
        loss = trainer.train_step(*random_pairs(cfg))
        print(step, round(loss, 4), round(trainer.meter.average, 2))


if __name__ == "__main__":
    main()
