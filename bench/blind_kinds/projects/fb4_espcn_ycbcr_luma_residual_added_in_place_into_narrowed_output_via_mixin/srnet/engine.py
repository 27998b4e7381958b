import torch
import torch.nn.functional as F

from .registry import build_model


def rgb_to_ycbcr(img):
    r, g, b = img.unbind(1)
    y = 0.299 * r + 0.587 * g + 0.114 * b
    return torch.stack([y, (b - y) * 0.564 + 0.5, (r - y) * 0.713 + 0.5], dim=1)


def fit(cfg, data_fn):
    model = build_model(cfg["model"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["train"]["lr"])
    for step in range(cfg["train"]["steps"]):
        lr, hr = data_fn(cfg)
        sr = model(rgb_to_ycbcr(lr))  # L
        loss = F.l1_loss(sr, rgb_to_ycbcr(hr))
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())
    return model
