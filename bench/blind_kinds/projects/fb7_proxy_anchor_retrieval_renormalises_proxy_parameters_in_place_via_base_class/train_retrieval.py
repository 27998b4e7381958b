"""Deep metric learning for image retrieval with the Proxy-Anchor loss (Kim et al. 2020): one
learnable proxy per training class, cosine similarities between embeddings and proxies, proxies
trained with a 100x learning rate."""
import torch

from metric import Trainer

CONFIG = {
    "data": {"n_classes": 4, "per_class": 3, "in_dim": 12},
    "model": {"hidden": 16, "embed_dim": 8},
    "loss": {"name": "proxy_anchor", "margin": 0.1, "alpha": 32.0},
    "optim": {"name": "AdamW", "lr": 1e-3, "proxy_lr_mult": 100.0},
    "steps": 2,
}


def sample_batch(cfg):
    d = cfg["data"]
    labels = torch.arange(d["n_classes"]).repeat_interleave(d["per_class"])
    centres = torch.randn(d["n_classes"], d["in_dim"])
    return centres[labels] + 0.3 * torch.randn(len(labels), d["in_dim"]), labels


if __name__ == "__main__":
    torch.manual_seed(0)
    trainer = Trainer(CONFIG)
    for step in range(CONFIG["steps"]):
        print(step, trainer.step(*sample_batch(CONFIG)))
