"""Train a tiny keypoint heatmap network on random images with random integer keypoints."""
import torch

from kp import HeatmapNet, heatmap_focal_loss, render_heatmaps

N_KP, SIZE = 4, 16


def main():
    torch.manual_seed(0)
    model = HeatmapNet(N_KP, size=SIZE)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        x = torch.randn(2, 3, SIZE, SIZE)
        target = render_heatmaps(torch.randint(0, SIZE, (2, N_KP, 2)), N_KP, SIZE)
        loss = heatmap_focal_loss(model(x), target)
        opt.zero_grad()
        loss.backward()
        opt.step()


if __name__ == "__main__":
    main()
