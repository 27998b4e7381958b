import torch

from votenet import VoteNet, votenet_loss

CONFIG = {"n_seeds": 16, "k": 8, "d_in": 1, "widths": [16, 16], "n_proposals": 4, "checkpoint": True,
          "lr": 1e-3, "epochs": 2}


def synthetic_scene(n_points=64, n_objects=2):
    centers = torch.rand(n_objects, 3) * 2 - 1
    owner = torch.randint(0, n_objects, (n_points,))
    xyz = centers[owner] + 0.1 * torch.randn(n_points, 3)
    height = xyz[:, 2:] - xyz[:, 2].min()
    return xyz, height, centers


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = VoteNet(cfg)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"])
    for epoch in range(cfg["epochs"]):
        scenes = [synthetic_scene() for _ in range(2)]
        xyz = torch.stack([s[0] for s in scenes])
        feats = torch.stack([s[1] for s in scenes])
        gt = torch.stack([s[2] for s in scenes])
        model.train()
        out = model(xyz, feats)  # L
        loss = votenet_loss(out, gt)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        print(epoch, loss.item())


if __name__ == "__main__":
    main()
