"""Johnson-style fast neural style transfer: train a feed-forward image transformer against a
frozen feature network (content, style and total-variation losses; the pixel-space L2 term is off)."""
import torch

from style import LossWeights, StyleConfig, Trainer

CONFIG = StyleConfig(
    image_size=16,
    batch_size=2,
    steps=2,
    lr=1e-3,
    weights=LossWeights(content=1.0, style=1e3, tv=1e-4, pixel=0.0),  # L
)


def fake_images(cfg):
    return torch.rand(cfg.batch_size, 3, cfg.image_size, cfg.image_size) * 255.0


def main(cfg=CONFIG):
    torch.manual_seed(0)
    style_image = torch.rand(1, 3, cfg.image_size, cfg.image_size) * 255.0
    trainer = Trainer(cfg, style_image)
    for step in range(cfg.steps):
        logs = trainer.train_step(fake_images(cfg))
        print(step, {k: round(v, 4) for k, v in logs.items()})


if __name__ == "__main__":
    main()
