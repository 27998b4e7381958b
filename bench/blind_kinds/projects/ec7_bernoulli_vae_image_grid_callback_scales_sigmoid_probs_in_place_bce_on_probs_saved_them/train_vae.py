import torch

from bvae import BernoulliVAE, ImageGridLogger, Trainer

CONFIG = {"loss": "bce_probs", "lr": 1e-3, "steps": 3}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    batches = [(torch.rand(8, 16) > 0.5).float() for _ in range(cfg["steps"])]
    logger = ImageGridLogger()
    Trainer(BernoulliVAE(), cfg["loss"], cfg["lr"], callbacks=[logger]).fit(batches)
    print(len(logger.grids), "grids")


if __name__ == "__main__":
    main()
