"""Train a tiny vessel segmenter on synthetic curvilinear masks with the clDice loss."""
import torch

from vesselseg import TinyUNet, build_loss

CONFIG = {"loss": {"name": "cldice", "kwargs": {"iters": 3, "alpha": 0.5}}, "lr": 1e-3, "steps": 2}


def synthetic_batch(n=2, size=16):
    ys = torch.linspace(0, 1, size)[:, None]
    xs = torch.linspace(0, 1, size)[None, :]
    phase = torch.rand(n, 1, 1) * 6.28
    mask = ((torch.sin(xs * 9 + phase) * 0.3 + 0.5 - ys).abs() < 0.08).float()
    img = mask + 0.3 * torch.randn(n, size, size)
    return img[:, None], mask[:, None]


def main():
    torch.manual_seed(0)
    model = TinyUNet()
    criterion = build_loss(CONFIG["loss"])
    opt = torch.optim.Adam(model.parameters(), lr=CONFIG["lr"])
    for step in range(CONFIG["steps"]):
        img, mask = synthetic_batch()
        loss = criterion(model(img), mask)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
