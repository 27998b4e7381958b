import torch

from segkit import DiceBCELoss, build_model

CONFIG = {"arch": "attention_unet", "kwargs": {"in_ch": 3, "n_classes": 1}, "lr": 1e-3, "steps": 2}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = build_model(cfg)
    criterion = DiceBCELoss()
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        img = torch.rand(2, 3, 16, 16)
        mask = (img.mean(1, keepdim=True) > 0.5).float()
        loss = criterion(model(img), mask)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
