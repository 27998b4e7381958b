"""ESPCN-style x2 super-resolution in YCbCr: the network predicts the three channels at high
resolution through a sub-pixel convolution; on the luma channel it predicts only a residual over
the bicubic upsampling."""
import torch

from srnet import fit

CONFIG = {
    "model": {
        "name": "espcn",
        "scale": 2,
        "features": (8, 6),
        "global_residual": {"channel": 0, "split": "chunk"},  # L
    },
    "train": {"steps": 2, "batch": 2, "lr_size": 6, "lr": 1e-3},
}


def synthetic_pairs(cfg):
    t, s = cfg["train"], cfg["model"]["scale"]
    hr = torch.rand(t["batch"], 3, t["lr_size"] * s, t["lr_size"] * s)
    lr = torch.nn.functional.avg_pool2d(hr, s)
    return lr, hr


if __name__ == "__main__":
    torch.manual_seed(0)
    fit(CONFIG, synthetic_pairs)
