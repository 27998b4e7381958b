"""Keypoint heatmap regression with a tiny HRNet and a target-weighted MSE."""
import torch

from hrnet import TinyHRNet


def gaussian_heatmaps(n, joints, size, sigma=1.0):
    centres = torch.randint(0, size, (n, joints, 2)).float()
    ys, xs = torch.meshgrid(torch.arange(size).float(), torch.arange(size).float(), indexing="ij")
    d2 = (xs - centres[..., 0, None, None]) ** 2 + (ys - centres[..., 1, None, None]) ** 2
    return torch.exp(-d2 / (2 * sigma ** 2))


def joints_mse(pred, target, weight):
    return 0.5 * (((pred - target) ** 2).mean((2, 3)) * weight).mean()


def main(steps=2, joints=3):
    torch.manual_seed(0)
    model = TinyHRNet(joints=joints)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for step in range(steps):
        images = torch.randn(2, 3, 16, 16)
        target = gaussian_heatmaps(2, joints, 8)
        visible = torch.randint(0, 2, (2, joints)).float()
        loss = joints_mse(model(images), target, visible)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 5))


if __name__ == "__main__":
    main()
