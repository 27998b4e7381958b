import torch

from kpt import KeypointLoss, KeypointNet

CONFIG = {"n_keypoints": 3, "centre": True, "lr": 0.01, "steps": 2}  # L


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = KeypointNet(cfg["n_keypoints"])
    criterion = KeypointLoss(centre=cfg["centre"])
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        img, kpts = torch.rand(4, 8, 8), torch.rand(4, cfg["n_keypoints"], 2)
        loss = criterion(model(img), kpts)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
